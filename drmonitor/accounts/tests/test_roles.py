"""Reporters write and submit, moderators and editors approve, and only they publish."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Workflow
from wagtail.test.utils.form_data import querydict_from_html

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS, WORKFLOW_NAME
from drmonitor.newsroom.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db
User = get_user_model()


def member_of(group_name: str, username: str):
    user = User.objects.create_user(username, email=f"{username}@example.org", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def news(home) -> SectionPage:
    return SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")


def write_article(client, section: SectionPage, title: str, action: str | None):
    """Fill in the admin's "add article" form as a person would, and press a button."""
    add_url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", section.pk))
    form_page = client.get(add_url)
    assert form_page.status_code == 200
    data = querydict_from_html(form_page.text, form_id="page-edit-form")
    data["title"] = title
    data["slug"] = title.lower().replace(" ", "-")
    data["standfirst"] = "What happened, in one sentence."
    data["body-count"] = "0"  # the StreamField editor is drawn by JavaScript: an empty body
    if action:
        data[action] = "1"
    return client.post(add_url, data)


def test_the_workflow_covers_every_page(home, news):
    workflow = news.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    assert home.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {MODERATORS, EDITORS}
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_a_reporter_drafts_and_submits_but_cannot_publish(client, news):
    reporter = member_of(REPORTERS, "rubab")
    client.force_login(reporter)

    write_article(client, news, "Court hears X ban petition", action="action-publish")
    article = ArticlePage.objects.get(title="Court hears X ban petition")
    assert not article.live  # "publish" from a reporter only saves a draft
    assert client.get(news.url + article.slug + "/").status_code == 404

    write_article(client, news, "Draft about VPN rules", action=None)
    assert not ArticlePage.objects.get(title="Draft about VPN rules").live

    write_article(client, news, "Submitted story", action="action-submit")
    submitted = ArticlePage.objects.get(title="Submitted story")
    assert not submitted.live
    assert submitted.workflow_in_progress
    assert submitted.current_workflow_task.name == "Editorial approval"


def test_reporters_cannot_reach_settings_users_or_publishing(client, news):
    reporter = member_of(REPORTERS, "rubab")
    client.force_login(reporter)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    for url in ["/admin/users/", "/admin/groups/", "/admin/settings/core/sitesettings/"]:
        response = client.get(url, follow=True)
        # Wagtail answers "no permission" by sending the user back to the dashboard.
        assert response.status_code == 403 or (
            response.request["PATH_INFO"] == reverse("wagtailadmin_home")
            and "Sorry, you do not have permission" in response.text
        ), url
    permissions = news.permissions_for_user(reporter)
    assert permissions.can_add_subpage() and not permissions.can_publish()
    assert not permissions.can_unpublish()
    assert not reporter.has_perm("newsroom.change_author")


def test_a_moderator_approves_and_the_article_goes_live(client, news):
    reporter = member_of(REPORTERS, "rubab")
    moderator = member_of(MODERATORS, "mehwish")
    client.force_login(reporter)
    write_article(client, news, "Submitted story", action="action-submit")
    article = ArticlePage.objects.get(title="Submitted story")

    client.force_login(moderator)
    # Moderators review; they do not write.
    assert not news.permissions_for_user(moderator).can_add_subpage()
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Submitted story" in dashboard.text  # "awaiting your review"

    task_state = article.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)),
        {"comment": "Checked the court order; good to go."},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live and not article.workflow_in_progress
    assert client.get(article.url).status_code == 200


def test_a_moderator_rejects_and_the_reporter_sees_it(client, news):
    reporter = member_of(REPORTERS, "rubab")
    moderator = member_of(MODERATORS, "mehwish")
    client.force_login(reporter)
    write_article(client, news, "Thin story", action="action-submit")
    article = ArticlePage.objects.get(title="Thin story")

    client.force_login(moderator)
    task_state = article.current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "reject", task_state.pk)),
        {"comment": "Needs a second source."},
    )
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state.status == "needs_changes"


def test_a_reader_cannot_enter_the_admin(client):
    reader = User.objects.create_user("reader", email="r@example.org", password="x")
    client.force_login(reader)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_an_editor_publishes_and_schedules(client, news):
    editor = member_of(EDITORS, "eman")
    client.force_login(editor)
    write_article(client, news, "Editor story", action="action-publish")
    article = ArticlePage.objects.get(title="Editor story")
    assert article.live
    assert article.permissions_for_user(editor).can_publish()
    assert editor.has_perm("newsroom.change_author")
    assert not PageViewRestriction.objects.exists()
    assert Page.objects.get(pk=article.pk).live


def test_other_apps_grant_their_models_to_a_role():
    from django.apps import apps

    from drmonitor.accounts.roles import grant_model_permissions

    grant_model_permissions(apps, REPORTERS, "newsroom", "author", ["view"])
    reporter = member_of(REPORTERS, "rubab")
    assert reporter.has_perm("newsroom.view_author")
    assert not reporter.has_perm("newsroom.change_author")
    assert Group.objects.get(name=REPORTERS).page_permissions.exists()  # nothing else removed


def test_reporters_edit_only_their_own_and_shared_pages(client, home, news):
    from drmonitor.newsroom.factories import AuthorFactory
    from drmonitor.newsroom.tests.discovery_support import publish

    reporter = member_of(REPORTERS, "rubab")
    client.force_login(reporter)
    write_article(client, news, "My own draft", action=None)
    own = ArticlePage.objects.get(title="My own draft")
    others = publish(news, "An editor's live story")
    credited = AuthorFactory(name="Rubab Ali", user=reporter)
    shared = publish(news, "A story written together", authors=[credited])

    def edit(page):
        return client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))

    assert edit(own).status_code == 200
    assert edit(shared).status_code == 200
    for page in (others, news, home):
        assert edit(page).status_code in (302, 403), page.title
        assert not page.specific.permissions_for_user(reporter).can_edit()

    # A draft saved over another's live article is refused, and the page keeps its text.
    url = reverse("wagtailadmin_pages:edit", args=(others.pk,))
    client.post(url, {"title": "Defaced", "slug": others.slug})
    others.refresh_from_db()
    assert others.title == "An editor's live story" and not others.has_unpublished_changes
