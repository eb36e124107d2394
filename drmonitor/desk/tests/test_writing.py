"""Writing in the admin: reporters add articles, not sections; a new article starts with the
writer's byline; an empty block is caught on "Save draft", not only at submission."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from drmonitor.newsroom.factories import AuthorFactory
from drmonitor.newsroom.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def add_url(section, model: str = "articlepage") -> str:
    return reverse("wagtailadmin_pages:add", args=("newsroom", model, section.pk))


def test_a_reporter_is_offered_articles_only(client, news, reporter):
    client.force_login(reporter)
    choose = client.get(reverse("wagtailadmin_pages:add_subpage", args=(news.pk,)))
    # Article is the only choice left, so the form opens at once, as Wagtail does for one type.
    assert choose.status_code == 302 and choose["Location"] == add_url(news)
    for response in (
        client.get(add_url(news, "sectionpage"), follow=True),
        client.post(add_url(news, "sectionpage"), {"title": "Rumours"}, follow=True),
    ):
        # Wagtail answers "no permission" by sending the user back to the dashboard.
        assert response.request["PATH_INFO"] == reverse("wagtailadmin_home")
        assert "Sorry, you do not have permission" in response.text
    assert not SectionPage.objects.filter(title="Rumours").exists()


def test_an_editor_adds_sections_and_articles(client, news, editor):
    client.force_login(editor)
    choose = client.get(reverse("wagtailadmin_pages:add_subpage", args=(news.pk,)))
    assert choose.status_code == 200
    assert add_url(news) in choose.text and add_url(news, "sectionpage") in choose.text
    assert client.get(add_url(news, "sectionpage")).status_code == 200


def article_form(client, section) -> dict:
    page = client.get(add_url(section))
    assert page.status_code == 200
    return querydict_from_html(page.text, form_id="page-edit-form")


def test_the_writers_byline_is_filled_in(client, news, reporter):
    byline = AuthorFactory(name="Rubab Ali", slug="rubab-ali", user=reporter)
    AuthorFactory(name="Someone else")
    client.force_login(reporter)

    data = article_form(client, news)
    assert data["article_authors-TOTAL_FORMS"] == "1"
    assert data["article_authors-0-author"] == str(byline.pk)

    data.update(title="Court hears VPN case", slug="court-hears-vpn-case", standfirst="What.")
    data["body-count"] = "0"
    assert client.post(add_url(news), data).status_code == 302
    assert ArticlePage.objects.get(slug="court-hears-vpn-case").authors() == [byline]


def test_no_byline_for_an_account_without_one(client, news, editor):
    client.force_login(editor)
    data = article_form(client, news)
    assert data["article_authors-TOTAL_FORMS"] == "0"


def quote_draft(client, section, quote: str):
    """Save a draft whose body is one quote block, as the admin's form sends it."""
    data = article_form(client, section)
    data.update(title="Statement on the ban", slug="statement-on-the-ban", standfirst="What.")
    data.update(
        {
            "body-count": "1",
            "body-0-type": "quote",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "body-0-value-quote": quote,
            "body-0-value-attribution": "",
        }
    )
    return client.post(add_url(section), data)  # no action button: "Save draft"


def test_an_empty_block_fails_on_save_draft(client, news, reporter):
    client.force_login(reporter)
    response = quote_draft(client, news, quote="")
    assert response.status_code == 200  # the form again, with its errors
    assert "The page could not be created due to validation errors" in response.text
    assert not ArticlePage.objects.filter(slug="statement-on-the-ban").exists()

    assert quote_draft(client, news, quote="Access is a right.").status_code == 302
    draft = ArticlePage.objects.get(slug="statement-on-the-ban")
    assert not draft.live


def test_a_draft_may_still_leave_fields_blank(client, news, reporter):
    """Only blocks are checked early; an empty standfirst or body still saves as a draft."""
    client.force_login(reporter)
    data = article_form(client, news)
    data.update(title="Half an idea", slug="half-an-idea", standfirst="")
    data["body-count"] = "0"
    assert client.post(add_url(news), data).status_code == 302


def test_editors_keep_adding_sections_when_the_roles_are_set_again(editor, reporter):
    """Apps' migrations set the roles again (accounts.roles); the permission stays with them."""
    from django.apps import apps as global_apps
    from django.contrib.auth import get_user_model

    from drmonitor.accounts.roles import ensure_editorial_roles

    ensure_editorial_roles(global_apps)
    User = get_user_model()
    assert User.objects.get(pk=editor.pk).has_perm("newsroom.add_sectionpage")
    assert not User.objects.get(pk=reporter.pk).has_perm("newsroom.add_sectionpage")
