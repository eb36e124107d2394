"""No fact without a source, and no reporter's change in public before review; what was
changed is listed on the record's page."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS
from drmonitor.tracker.models import Follow, Hearing, Notification, Source
from drmonitor.tracker.tests.helpers import member


@pytest.fixture
def source(db) -> Source:
    return Source.objects.create(url="https://news.example/hearing", publisher="Dawn")


@pytest.fixture
def hearing(case, source) -> Hearing:
    hearing = Hearing.objects.create(
        case=case, date=datetime.date(2024, 3, 5), what_happened="Notice to the federation."
    )
    hearing.sources.add(source)
    hearing.save()
    return hearing


def hearing_form(case, **fields) -> dict:
    return {"case": case.pk, "date": "2024-03-05", "date_precision": "exact", **fields}


def test_a_hearing_without_a_source_is_refused_with_a_field_error(client, case):
    editor = member(client, EDITORS)
    response = editor.post(
        "/admin/snippets/tracker/hearing/add/",
        hearing_form(case, what_happened="Adjourned.", **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert "Add at least one source" in response.text
    assert not Hearing.objects.exists()


def test_an_editor_publishes_a_sourced_hearing_and_followers_are_told_once(
    client, case, source, django_capture_on_commit_callbacks
):
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "pw-1-abc")
    Follow.objects.create(user=reader, case=case)
    editor = member(client, EDITORS)
    form = hearing_form(case, what_happened="Adjourned.", sources=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            "/admin/snippets/tracker/hearing/add/", {**form, "action-publish": "publish"}
        )
    assert response.status_code == 302, response.text[:3000]
    hearing = Hearing.objects.get()
    assert hearing.live and list(hearing.sources.all()) == [source]
    assert client.get(case.get_absolute_url()).text.count("Adjourned.") >= 1
    assert Notification.objects.filter(user=reader).count() == 1


def test_a_follower_is_told_once_per_real_change_of_a_published_hearing(
    case, hearing, source, incident, django_capture_on_commit_callbacks
):
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "pw-1-abc")
    Follow.objects.create(user=reader, case=case)

    def publish(**changes) -> list[str]:
        """Publish the hearing's next version, as the admin does; the reader's subjects."""
        for name, value in changes.items():
            setattr(hearing, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            hearing.save_revision().publish()
        return list(
            Notification.objects.filter(user=reader)
            .order_by("pk")
            .values_list("subject", flat=True)
        )

    assert publish() == ["Hearing 05 Mar 2024: " + case.title]
    # The same facts published again, another edit of its text, other records saved: no mail.
    assert len(publish()) == 1
    assert len(publish(what_happened="Notice to the federation and the PTA.")) == 1
    with django_capture_on_commit_callbacks(execute=True):
        case.subject = "Blocking of X"
        case.save()
        incident.save()
        source.save()
    assert Notification.objects.filter(user=reader).count() == 1
    # The court moved the date: the follower hears of it once.
    changed = publish(date=datetime.date(2024, 3, 12))
    assert changed[1:] == ["Hearing changed 12 Mar 2024: " + case.title]
    assert len(publish(date=datetime.date(2024, 3, 12))) == 2
    assert len(publish(result="adjourned")) == 3


def test_a_reporters_edit_waits_for_review_then_shows_in_the_change_list(
    client, case, hearing, source
):
    rumour = Source.objects.create(url="https://rumour.example/", publisher="Rumour Mill")
    reporter = member(client, REPORTERS)
    url = f"/admin/snippets/tracker/hearing/edit/{hearing.pk}/"
    form = hearing_form(case, what_happened="Contempt notice to the PTA chairman.")
    response = reporter.post(url, {**form, "sources": [rumour.pk], "action-submit": "submit"})
    assert response.status_code == 302, response.text[:3000]

    # Nothing changed in public: the row, the page and the API still say what was published.
    hearing.refresh_from_db()
    assert hearing.what_happened == "Notice to the federation."
    assert hearing.has_unpublished_changes
    page = client.get(case.get_absolute_url()).text
    assert "Notice to the federation." in page and "Contempt notice" not in page
    assert list(hearing.sources.all()) == [source] and "Rumour Mill" not in page
    api = client.get(f"/api/hearings/{hearing.pk}").json()
    assert api["what_happened"] == "Notice to the federation."

    # A moderator approves; the change goes live and the page lists it, by role.
    client.logout()
    moderator = member(client, MODERATORS)
    state = hearing.current_workflow_state
    assert state is not None and state.status == "in_progress"
    task = state.current_task_state
    response = moderator.post(
        f"/admin/snippets/tracker/hearing/workflow/action/{hearing.pk}/approve/{task.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302), response.text[:3000]
    hearing.refresh_from_db()
    assert hearing.what_happened == "Contempt notice to the PTA chairman."
    page = client.get(case.get_absolute_url()).text
    assert "Contempt notice to the PTA chairman." in page and "Rumour Mill" in page
    assert (
        "Hearing of 05 Mar 2024: what happened, sources changed, by a reporter, approved by a "
        "moderator." in page
    )


def test_a_reporter_may_add_a_source_but_not_change_one(client, source):
    reporter = member(client, REPORTERS)
    response = reporter.post(
        f"/admin/snippets/tracker/source/edit/{source.pk}/",
        {"url": "https://elsewhere.example/", "kind": "news", "language": "en"},
    )
    assert response.status_code in (302, 403)
    source.refresh_from_db()
    assert source.url == "https://news.example/hearing"


def test_an_orders_document_is_read_and_found_by_site_search(client, home, case, source):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from drmonitor.demo.drawing import pdf_document
    from drmonitor.tracker.models import Order

    pdf = pdf_document("Order sheet", ["The respondents shall file parawise comments forthwith."])
    document = get_document_model().objects.create(
        title="SHC order sheet", file=ContentFile(pdf, name="order-sheet.pdf")
    )
    order = Order.objects.create(
        title="Order sheet of 5 March",
        kind="written_order",
        date=datetime.date(2024, 3, 6),
        case=case,
        document=document,
    )
    order.sources.add(source)
    assert "parawise comments" in order.document_text
    found = client.get("/search/", {"q": "parawise"}).text
    assert "Order sheet of 5 March" in found
    page = client.get(case.get_absolute_url()).text
    assert document.url in page and "Document (PDF)" in page
