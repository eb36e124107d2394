"""Open data a client can rely on: HEAD and a CORS preflight on every endpoint, revalidation
by ETag and Last-Modified, CSV downloads filtered as the JSON lists are, errors in JSON, and a
JSON 404 for addresses we do not serve."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest


@pytest.mark.parametrize("path", ["/api/incidents", "/api/cases/shc-jibran-nasir-x-ban"])
def test_head_answers_like_get_without_a_body(client, demo, path):
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == got["ETag"] and head["Content-Type"] == got["Content-Type"]
    assert head["Content-Length"] == str(len(got.content))


def test_a_browser_preflight_is_answered_for_reads(client, demo):
    response = client.options(
        "/api/hearings",
        headers={"Origin": "https://research.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_a_client_revalidates_with_etag_and_last_modified(client, demo):
    first = client.get("/api/hearings.csv")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get("/api/hearings.csv", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = client.get("/api/incidents", headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    other = client.get(
        "/api/hearings.csv?from=2025-01-01", headers={"If-None-Match": first["ETag"]}
    )
    assert other.status_code == 200  # another selection, another tag


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_downloads_honour_the_json_filters(client, demo):
    for path, params in (
        ("hearings", {"from": "2025-01-01"}),
        ("hearings", {"case": "shc-jibran-nasir-x-ban", "to": "2024-06-30"}),
        ("cases", {"status": "disposed_of"}),
    ):
        listed = client.get(f"/api/{path}", {**params, "limit": 100}).json()
        downloaded = rows(client.get(f"/api/{path}.csv", params))
        assert len(downloaded) == listed["count"] > 0, (path, params)
        assert [r["id"] for r in downloaded] == [str(r["id"]) for r in listed["results"]]
    everything = rows(client.get("/api/hearings.csv"))
    assert len(rows(client.get("/api/hearings.csv", {"from": "2025-01-01"}))) < len(everything)


def test_csv_errors_and_unknown_addresses_answer_in_json(client, demo):
    bad = client.get("/api/hearings.csv", {"from": "last tuesday"})
    assert bad.status_code == 400 and bad["Content-Type"] == "application/json"
    assert "from" in bad.json()["errors"]
    bad = client.get("/api/cases.csv", {"court": "high"})
    assert bad.status_code == 400 and "court" in bad.json()["errors"]
    missing = client.get("/api/no-such-thing")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"
    assert "openapi.json" in missing.json()["detail"]


def test_every_record_type_and_the_merged_timeline_are_in_the_api(client, demo):
    from drmonitor.tracker.models import Law

    Law.objects.create(title="Prevention of Electronic Crimes Act 2016", year=2016)
    for path in ("orders", "statements", "campaigns", "actors", "courts", "laws"):
        page = client.get(f"/api/{path}", {"limit": 100}).json()
        assert page["count"] == len(page["results"]) > 0, path
    letter = next(
        o for o in client.get("/api/orders", {"limit": 100}).json()["results"] if o["incident"]
    )
    assert letter["sources"] and letter["sources"][0]["url"].startswith("http")
    events = client.get(f"/api/incidents/{demo.slug}/timeline").json()
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert {"start", "end", "hearing", "order", "statement"} <= {e["kind"] for e in events}
    hearing = next(e for e in events if e["kind"] == "hearing" and e["sources"])
    assert hearing["link"].startswith("http://testserver/cases/")
    assert hearing["sources"][0]["url"].startswith("http")
    assert client.get("/api/cases/no-such-case/timeline").status_code == 404


def test_bulk_download_holds_every_record_type_and_a_data_dictionary(client, demo):
    response = client.get("/api/bulk.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"README.txt", "data-dictionary.csv", "incidents.csv", "hearings.csv"} <= names
    incidents = json.loads(archive.read("incidents.json"))
    assert demo.title in {incident["title"] for incident in incidents}
    hearings = json.loads(archive.read("hearings.json"))
    assert len(hearings) == client.get("/api/hearings").json()["count"]
    dictionary = list(csv.DictReader(io.StringIO(archive.read("data-dictionary.csv").decode())))
    described = {(row["shape"], row["field"]) for row in dictionary}
    assert ("IncidentOut", "start_date") in described and ("SourceOut", "language") in described
    status = next(r for r in dictionary if (r["shape"], r["field"]) == ("IncidentOut", "status"))
    assert "Ongoing" in status["description"]
