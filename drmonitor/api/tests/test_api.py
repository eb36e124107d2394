"""The JSON API as a client sees it: filters, pages, absolute links, headers, errors."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from drmonitor.tracker.models import Hearing, Incident, LegalCase, Service

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_incident_list_filters_like_the_site(client, demo):
    everything = get(client, "/api/incidents", limit=100)
    assert everything["count"] == Incident.objects.count() >= 9
    x_ban = get(client, "/api/incidents", service="x", status="Ended")
    slugs = [i["slug"] for i in x_ban["results"]]
    assert "x-blocked-in-pakistan" in slugs
    assert all("x" in [s["slug"] for s in i["services"]] for i in x_ban["results"])
    assert all(i["status"] == "Ended" for i in x_ban["results"])
    in_2025 = get(client, "/api/incidents", year=2025, limit=100)
    for item in in_2025["results"]:
        assert item["start_date"] <= "2025-12-31"
        assert item["end_date"] is None or item["end_date"] >= "2025-01-01"
    assert get(client, "/api/incidents", country="PK")["count"] == everything["count"]
    # The site's own list answers the same filter with the same incidents.
    page = client.get("/incidents/", {"service": "x", "status": "Ended"}).content.decode()
    assert all(f"/incidents/{slug}/" in page for slug in slugs)


def test_incident_record_has_iso_dates_absolute_links_and_cases(client, demo):
    record = get(client, "/api/incidents/x-blocked-in-pakistan")
    assert record["start_date"] == "2024-02-17" and record["end_date"] == "2025-05-07"
    assert record["url"] == "http://testserver/incidents/x-blocked-in-pakistan/"
    assert record["api_url"] == "http://testserver/api/incidents/x-blocked-in-pakistan"
    assert record["country"] == {"code": "PK", "name": "Pakistan"}
    assert record["days"] == (datetime.date(2025, 5, 7) - datetime.date(2024, 2, 17)).days
    assert record["decision_maker"] == "Ministry of Interior"
    courts = {case["court"] for case in record["cases"]}
    assert {"Sindh High Court", "Islamabad High Court"} <= courts
    assert all(source["url"].startswith("http") for source in record["sources"])
    assert get(client, record["cases"][0]["api_url"])["slug"] == record["cases"][0]["slug"]


def test_pages_link_to_each_other_and_add_up(client, demo):
    total = Incident.objects.count()
    first = get(client, "/api/incidents", limit=4)
    assert first["count"] == total and len(first["results"]) == 4
    assert first["previous"] is None
    seen = [i["slug"] for i in first["results"]]
    page = first
    while page["next"]:
        assert page["next"].startswith("http://testserver/api/incidents?")
        page = get(client, page["next"])
        seen += [i["slug"] for i in page["results"]]
    assert len(seen) == len(set(seen)) == total
    assert page["previous"] is not None


def test_cases_with_hearings_and_court_filter(client, demo):
    case = LegalCase.objects.filter(hearings__isnull=False).distinct().first()
    listing = get(client, "/api/cases", court=case.court_id, limit=100)
    assert listing["count"] == LegalCase.objects.filter(court=case.court).count()
    assert {c["court"]["id"] for c in listing["results"]} == {case.court_id}
    record = get(client, f"/api/cases/{case.slug}")
    dates = [h["date"] for h in record["hearings"]]
    assert dates == sorted(dates) and len(dates) == case.hearings.count()
    linked = get(client, record["hearings_url"] + "&limit=100")
    assert [h["id"] for h in linked["results"]] == [h["id"] for h in record["hearings"]]


def test_hearings_by_date_range_and_upcoming(client, demo):
    in_2024 = get(client, "/api/hearings", **{"from": "2024-03-01", "to": "2024-03-31"})
    expected = Hearing.objects.filter(date__range=("2024-03-01", "2024-03-31")).count()
    assert in_2024["count"] == expected > 0
    assert all("2024-03-01" <= h["date"] <= "2024-03-31" for h in in_2024["results"])
    case = LegalCase.objects.first()
    Hearing.objects.create(case=case, date=datetime.date.today() + datetime.timedelta(days=9))
    upcoming = get(client, "/api/hearings", upcoming="true")
    assert upcoming["count"] >= 1
    assert all(h["date"] >= datetime.date.today().isoformat() for h in upcoming["results"])


def test_services(client, demo):
    listing = get(client, "/api/services", limit=100)
    assert listing["count"] == Service.objects.count()
    x = get(client, "/api/services/x")
    assert "x.com" in x["domains"] and x["incident_count"] >= 1


def test_bad_filters_and_missing_records_get_clear_errors(client, demo):
    assert get(client, "/api/incidents", country="ZZ")["count"] == 0  # well-formed, no such
    response = client.get("/api/incidents", {"country": "Pakistan"})
    assert response.status_code == 400
    assert "country" in response.json()["errors"]
    response = client.get("/api/incidents", {"kind": "meteor"})
    assert response.status_code == 400 and "kind" in response.json()["errors"]
    assert client.get("/api/incidents", {"limit": 1000}).status_code == 400
    assert client.get("/api/incidents/no-such-incident").status_code == 404
    assert client.get("/api/hearings/999999").status_code == 404
    # A NUL byte would break a PostgreSQL query; it is refused before any is made.
    assert client.get("/api/incidents/a%00b").status_code == 400
    refused = client.get("/api/hearings", {"case": "a\x00b"})
    assert refused.status_code == 400
    assert refused.json() == {"detail": "The address holds a NUL character."}


def test_open_to_any_origin_cacheable_and_read_only(client, demo):
    response = client.get("/api/incidents")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert client.post("/api/incidents", {}).status_code == 405
    assert client.post("/api/incidents.csv", {}).status_code == 405


def test_docs_page_is_served_by_the_site_itself(client, demo):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/api/incidents" in html and "/api/openapi.json" in html
    assert "cdn" not in html.lower() and '<script src="http' not in html
    described = get(client, "/api/openapi.json")
    assert described["openapi"].startswith("3.")
    assert {"/api/incidents", "/api/cases/{slug}", "/api/hearings", "/api/services"} <= set(
        described["paths"]
    )


def test_lists_cost_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    # Each answer includes one query for its Last-Modified (api/http.py).
    with django_assert_max_num_queries(13):
        get(client, "/api/incidents", limit=100)
    with django_assert_max_num_queries(13):
        get(client, "/api/cases", limit=100)
    with django_assert_max_num_queries(9):
        get(client, "/api/hearings", limit=100)


@pytest.mark.parametrize("path", ["/api/incidents", "/api/cases", "/api/hearings", "/api/services"])
def test_a_full_page_costs_the_queries_of_a_one_record_page(client, demo, path):
    get(client, path)  # a test's first request also reads the site's settings
    with CaptureQueriesContext(connection) as one_record:
        assert len(get(client, path, limit=1)["results"]) == 1
    with CaptureQueriesContext(connection) as full_page:
        assert len(get(client, path, limit=100)["results"]) > 1
    assert len(full_page) == len(one_record)
