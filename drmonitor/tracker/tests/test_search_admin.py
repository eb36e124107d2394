"""Records are findable by the site search, and editors meet the rules in the admin."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.search.backends import get_search_backend

from drmonitor.tracker.models import CaseNumber, Hearing, Incident, LegalCase, Source


def test_incidents_cases_and_hearings_are_searchable(case, incident):
    CaseNumber.objects.create(case=case, number="W.P. No. 1234/2024")
    Hearing.objects.create(case=case, date=datetime.date(2024, 4, 3), summoned="Interior Secretary")
    backend = get_search_backend()
    assert list(backend.search("Test block", Incident)) == [incident]
    assert list(backend.search("1234/2024", LegalCase)) == [case]
    assert [h.case for h in backend.search("Interior Secretary", Hearing)] == [case]


def test_the_site_search_finds_records_after_the_articles(client, home, case, incident):
    Hearing.objects.create(case=case, date=datetime.date(2024, 4, 3), what_happened="Federation")
    found = client.get("/search/live/", {"q": "Federation"}).json()["results"]
    assert [(hit["kind"], hit["title"]) for hit in found] == [
        ("case", "A v. Federation"),
        ("hearing", "SHC hearing: A v. Federation"),
    ]
    assert found[0]["url"] == "/cases/a-v-federation/"
    assert found[1]["date"] == "2024-04-03"
    page = client.get("/search/", {"q": "Test block"})
    assert incident.get_absolute_url() in page.text
    # Records have no section or tag: a search narrowed to one does not list them.
    news = home.get_children().first()
    assert (
        incident.get_absolute_url()
        not in client.get("/search/", {"q": "Test block", "section": news.pk}).text
    )


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "ed@example.org", "pw-123-abc")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model", ["incident", "legalcase", "hearing", "order", "statement", "campaign", "court"]
)
def test_admin_lists_and_forms_open(editor_client, case, model):
    assert editor_client.get(f"/admin/snippets/tracker/{model}/").status_code == 200
    assert editor_client.get(f"/admin/snippets/tracker/{model}/add/").status_code == 200


def test_admin_shows_the_end_before_start_error(editor_client, pakistan):
    response = editor_client.post(
        "/admin/snippets/tracker/incident/add/",
        {
            "title": "Backwards block",
            "slug": "",
            "kind": "network_shutdown",
            "status": "Ended",
            "start_date": "2024-05-14",
            "start_date_type": "Actual",
            "end_date": "2024-05-12",
            "end_date_type": "Actual",
            "country": pakistan.pk,
            "government_acknowledged": "Unknown",
        },
    )
    assert response.status_code == 200
    assert "The end (12 May 2024) is before the start (14 May 2024)." in response.text
    assert not Incident.objects.filter(title="Backwards block").exists()


def test_admin_shows_the_hearing_before_filing_error(editor_client, case):
    response = editor_client.post(
        "/admin/snippets/tracker/hearing/add/",
        {"case": case.pk, "date": "2024-01-02", "date_precision": "exact"},
    )
    assert response.status_code == 200
    assert "is before the case was filed (20 Feb 2024)" in response.text
    assert not Hearing.objects.exists()


def test_admin_edit_keeps_a_revision_and_logs_the_status_change_with_its_source(
    editor_client, incident
):
    restored = Source.objects.create(url="https://news.example/x-restored")
    form = {
        "title": incident.title,
        "slug": incident.slug,
        "kind": incident.kind,
        "status": "Ended",
        "start_date": "2024-02-17",
        "start_date_type": "Actual",
        "end_date": "2025-05-07",
        "end_date_type": "Actual",
        "country": incident.country_id,
        "government_acknowledged": "Unknown",
    }
    url = f"/admin/snippets/tracker/incident/edit/{incident.pk}/"
    refused = editor_client.post(url, form)
    assert refused.status_code == 200
    assert "choose the source that reports the change" in refused.text
    incident.refresh_from_db()
    assert incident.status == "Ongoing" and not incident.status_changes.exists()

    published = {**form, "status_source": restored.pk, "action-publish": "publish"}
    response = editor_client.post(url, published)
    assert response.status_code == 302, response.text[:2000]
    incident.refresh_from_db()
    assert incident.latest_revision is not None
    change = incident.status_changes.get()
    assert (change.to_status, change.source) == ("Ended", restored)
