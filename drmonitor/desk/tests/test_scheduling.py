"""A page with a go-live time ahead is scheduled, not published, and the admin says so: the
button reads "Schedule for 5 Dec, 09:00" and the message "… is scheduled for 5 Dec, 09:00"."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow
from wagtail.test.utils.form_data import querydict_from_html

from drmonitor.accounts.roles import WORKFLOW_NAME
from drmonitor.desk.when import desk_time
from drmonitor.newsroom.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def nine_in_the_morning(days_ahead: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


@pytest.fixture
def go_live() -> datetime.datetime:
    return nine_in_the_morning(2)


def draft_going_live(section, user, go_live: datetime.datetime, title="Budget cuts to the PTA"):
    page = ArticlePageFactory(parent=section, title=title, live=False, owner=user)
    page.go_live_at = go_live
    page.save_revision(user=user)
    return page


def press(client, page, **buttons) -> str:
    """Post the page's edit form as the browser would, pressing `buttons`; the page after."""
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = querydict_from_html(client.get(edit_url).text, form_id="page-edit-form")
    data["body-count"] = "0"  # the StreamField editor is drawn by JavaScript: an empty body
    data.update(buttons)
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    return response.text


def test_the_editor_schedules_rather_than_publishes(client, news, editor, go_live):
    page = draft_going_live(news, editor, go_live)
    when = desk_time(go_live)
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}, 09:00", when)

    client.force_login(editor)
    form = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).text
    assert f"Schedule for {when}" in form
    assert ">Publish<" not in form.replace(" ", "").replace("\n", "")

    after = press(client, page, **{"action-publish": "action-publish"})
    assert f"‘Budget cuts to the PTA’ is scheduled for {when}." in after
    assert "has been scheduled for publishing" not in after
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision.approved_go_live_at == go_live


def test_approving_a_submission_with_a_go_live_time_schedules_it(
    client, news, reporter, editor, go_live
):
    page = draft_going_live(news, reporter, go_live)
    Workflow.objects.get(name=WORKFLOW_NAME).start(page, reporter)
    when = desk_time(go_live)

    client.force_login(editor)
    form = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).text
    assert f"Approve and schedule for {when}" in form
    assert "Approve and Publish" not in form

    after = press(
        client,
        page,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert f"‘Budget cuts to the PTA’ is scheduled for {when}." in after
    assert "has been updated" not in after
    page.refresh_from_db()
    assert not page.live and not page.workflow_in_progress
    assert page.scheduled_revision.approved_go_live_at == go_live


def test_publishing_now_keeps_wagtails_words(client, news, editor):
    page = ArticlePageFactory(parent=news, title="Ruling today", live=False, owner=editor)
    page.save_revision(user=editor)
    client.force_login(editor)
    form = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).text
    assert "Schedule for" not in form

    after = press(client, page, **{"action-publish": "action-publish"})
    assert "has been published" in after
    page.refresh_from_db()
    assert page.live


def test_a_new_page_published_with_a_go_live_time_is_reported_scheduled(
    client, news, editor, go_live
):
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", news.pk))
    data = querydict_from_html(client.get(add_url).text, form_id="page-edit-form")
    data.update(title="Hearing preview", slug="hearing-preview", standfirst="What to expect.")
    data["body-count"] = "0"
    data["go_live_at"] = timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"

    after = client.post(add_url, data, follow=True).text
    assert f"‘Hearing preview’ is scheduled for {desk_time(go_live)}." in after
    assert "created and scheduled for publishing" not in after
