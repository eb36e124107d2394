"""The STOP import: dry run, error report, all-or-nothing, no duplicates, the admin page."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from drmonitor.tracker.models import (
    Actor,
    Country,
    Incident,
    Network,
    Service,
    Source,
    StopImportRun,
)
from drmonitor.tracker.stop.columns import STOP_COLUMNS
from drmonitor.tracker.stop.importer import import_stop
from drmonitor.tracker.stop.jobs import run_queued_stop_imports

pytestmark = pytest.mark.django_db

GOOD = [
    {
        "start_date_type": "Actual",
        "start_date": "2024-02-17 00:00:00.000000",
        "country": "Pakistan",
        "geo_scope": "It affected locations in more than one state, province, or region",
        "area_name": "Nationwide",
        "shutdown_type": "Shutdown",
        "affected_network": "Broadband, Mobile",
        "shutdown_extent": "Service-based",
        "ordered_by": "Executive government",
        "decision_maker": "Ministry of Interior",
        "actual_cause": "Information control",
        "info_source": "News media article",
        "info_source_link": "https://example.org/news/x-down; https://explorer.ooni.org/findings/1",
        "shutdown_status": "Ended",
        "end_date": "2025-05-07",
        "gov_justification": "National security/ Counter-terrorism",
        "gov_ack": "Yes",
        "twitter_affected": "Yes",
        "facebook_affected": "No",
        "event": "A platform was unreachable nationwide for over a year.",
        "count_year": "2024",
    },
    {
        "start_date": "2024-11-19",
        "country": "Pakistan",
        "area_name": "Nationwide",
        "shutdown_type": "Shutdown",
        "shutdown_extent": "Service-based",
        "ordered_by": "Unknown",
        "actual_cause": "Unknown",
        "shutdown_status": "Ended",
        "end_date": "2024-11-20",
        "other_affected": "Bluesky",
        "count_year": "2024",
    },
    {
        "start_date": "2024-05-10",
        "country": "Pakistan",
        "area_name": "Azad Jammu and Kashmir",
        "shutdown_type": "Shutdown",
        "affected_network": "Mobile",
        "shutdown_extent": "Full network",
        "ordered_by": "State government",
        "actual_cause": "Protests",
        "shutdown_status": "Ended",
        "end_date": "2024-05-14",
        "count_year": "2024",
    },
]
BAD = {
    "start_date": "2024-13-40",
    "country": "Atlantis",
    "shutdown_type": "Blackout",
    "shutdown_status": "Ended",
    "end_date": "2024-01-01",
    "gov_justification": "Because",
}


def stop_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=STOP_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode()


def counts():
    return (Incident.objects.count(), Service.objects.count(), Source.objects.count())


def test_dry_run_reports_every_row_and_writes_nothing():
    before = counts()
    report = import_stop(stop_csv([*GOOD, BAD]), commit=False)
    assert counts() == before
    assert [r.action for r in report.rows[:3]] == ["create", "create", "create"]
    assert report.rows[0].title == "X blocked in Pakistan (nationwide), 17 Feb 2024"
    bad = report.rows[3]
    assert bad.row == 5  # the header is row 1
    messages = {e.column: e.message for e in bad.errors}
    assert "not a date" in messages["start_date"]
    assert messages["country"] == 'Unknown country "Atlantis".'
    # STOP's cells outside our vocabularies are kept as STOP wrote them: warnings, not errors.
    warnings = {w.column: w.message for w in bad.warnings}
    assert "Allowed: Shutdown; Throttle; Shutdown, Throttle; Unknown" in warnings["shutdown_type"]
    assert "National security/ Counter-terrorism" in warnings["gov_justification"]
    assert "rows with errors 1" in report.summary()


def test_real_run_with_one_bad_row_writes_nothing_then_all_after_the_fix():
    before = counts()
    report = import_stop(stop_csv([*GOOD, BAD]), commit=True)
    assert not report.committed and counts() == before
    assert "nothing imported" in report.summary()

    fixed = {**BAD, "start_date": "2023-12-30", "country": "Iran", "shutdown_type": "Throttle"}
    fixed["gov_justification"] = "Unknown"
    report = import_stop(stop_csv([*GOOD, fixed]), commit=True)
    assert report.committed, report.as_text()
    assert Incident.objects.count() == 4
    x_ban = Incident.objects.get(start_date="2024-02-17")
    assert [s.name for s in x_ban.services.all()] == ["X"]
    assert x_ban.kind == "platform_block" and x_ban.status == "Ended"
    assert x_ban.decision_maker is None  # STOP's free text names no actor of ours
    assert {s.kind for s in x_ban.sources.all()} == {"news", "ooni"}
    assert Incident.objects.get(start_date="2023-12-30").country.code == "IR"
    assert Incident.objects.get(start_date="2024-05-10").kind == "network_shutdown"

    again = import_stop(stop_csv([*GOOD, fixed]), commit=True)
    assert again.committed and Incident.objects.count() == 4
    assert {r.action for r in again.rows} == {"unchanged"}
    assert not Actor.objects.exists()


def test_an_update_lists_the_changed_columns_and_keeps_what_editors_wrote():
    import_stop(stop_csv(GOOD[:1]), commit=True)
    incident = Incident.objects.get()
    incident.actual_cause_details = "Written by our editor."
    incident.save()
    changed = {**GOOD[0], "gov_ack": "No", "actual_cause_details": "", "event": "STOP's words."}
    changed["gov_just_details"] = "Filled in from STOP."
    report = import_stop(stop_csv([changed]), commit=False)
    assert report.rows[0].action == "update"
    changes = {column: (old, new) for column, old, new in report.rows[0].changes}
    assert changes["gov_just_details"] == ("", "Filled in from STOP.")
    assert changes["gov_ack"] == ("Yes", "No")
    assert changes["event"] == (GOOD[0]["event"], "STOP's words.")  # STOP's cell, as written
    assert changes["drm_government_acknowledged"] == ("Yes", "No")
    assert "drm_summary" not in changes  # our text stays ours
    import_stop(stop_csv([changed]), commit=True)
    incident.refresh_from_db()
    assert incident.government_acknowledged == "No"
    assert incident.actual_cause_details == "Written by our editor."
    assert incident.summary == GOOD[0]["event"]
    assert incident.stated_justification_details == "Filled in from STOP."


def test_an_update_lists_the_links_it_adds_in_the_dry_run_as_in_the_real_run():
    import_stop(stop_csv(GOOD[:1]), commit=True)
    new_link = "https://example.org/news/x-still-down"
    Network.objects.create(name="Jazz")
    more = {
        **GOOD[0],
        "telcos_involved": "Jazz, Some Unknown Telco",
        "info_source_link": f"{GOOD[0]['info_source_link']}; {new_link}",
    }
    dry = import_stop(stop_csv([more]), commit=False)
    assert dry.rows[0].action == "update"
    changes = {column: (old, new) for column, old, new in dry.rows[0].changes}
    assert changes["telcos_involved"] == ("", "Jazz, Some Unknown Telco")
    assert changes["drm_networks"] == ("", "Jazz")  # only a network we know; no new one
    assert new_link not in changes["drm_sources"][0]
    assert new_link in changes["drm_sources"][1]
    assert not Source.objects.filter(url=new_link).exists()

    real = import_stop(stop_csv([more]), commit=True)
    assert real.committed and real.rows[0].changes == dry.rows[0].changes
    assert [n.name for n in Incident.objects.get().networks.all()] == ["Jazz"]
    assert Network.objects.count() == 1
    assert {r.action for r in import_stop(stop_csv([more]), commit=False).rows} == {"unchanged"}


def test_repeated_rows_of_a_multi_year_event_become_one_incident():
    first = {**GOOD[0], "shutdown_status": "Ongoing", "end_date": "", "count_year": "2024"}
    report = import_stop(stop_csv([GOOD[0] | {"count_year": "2025"}, first]), commit=True)
    assert report.committed and Incident.objects.count() == 1
    assert [r.action for r in report.rows] == ["create", "repeat"]
    assert report.rows[1].repeat_of == 2
    assert Incident.objects.get().status == "Ended"  # the latest year's row wins


def test_end_before_start_and_unreadable_files_are_reported():
    report = import_stop(stop_csv([{**GOOD[2], "end_date": "2024-05-01"}]), commit=True)
    assert report.committed and report.rows[0].warnings[0].column == "end_date"
    assert "before the start" in report.rows[0].warnings[0].message
    assert Incident.objects.get().end_date is None  # STOP's cell is kept, our record waits
    assert Incident.objects.get().stop_rows.get().cells["end_date"] == "2024-05-01"
    assert "not a STOP file" in import_stop(b"name,age\nA,3\n", commit=False).file_errors[0]
    assert "not UTF-8" in import_stop(b"\xff\xfe\x00bad", commit=False).file_errors[0]
    assert Country.objects.filter(code="IR").count() == 0


def test_a_clash_in_the_database_is_a_row_error_not_a_crash():
    Country.objects.create(code="XP", name="Pakistan")  # the name the import would give PK
    report = import_stop(stop_csv(GOOD[:1]), commit=True)
    assert not report.committed and "cannot be saved" in str(report.rows[0].errors[0])
    assert Incident.objects.count() == 0


def test_management_command_prints_the_report(tmp_path, capsys):
    path = tmp_path / "stop.csv"
    path.write_bytes(stop_csv([*GOOD, BAD]))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_stop", str(path), "--commit")
    output = capsys.readouterr().out
    assert "row 5 (line 5): ERROR" in output and 'Unknown country "Atlantis"' in output
    assert Incident.objects.count() == 0
    path.write_bytes(stop_csv(GOOD))
    call_command("import_stop", str(path), "--commit")
    assert Incident.objects.count() == 3


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("stop-editor", password="x")
    codenames = ["access_admin", "add_incident", "change_incident"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def test_admin_import_runs_in_the_background_with_progress_and_rows_to_fix(client, editor):
    client.force_login(editor)
    page = client.get("/admin/tracker/import-stop/")
    assert page.status_code == 200 and b"Import STOP CSV" in page.content
    assert b"/admin/tracker/import-stop/" in client.get("/admin/").content  # the menu item
    upload = SimpleUploadedFile("stop.csv", stop_csv([*GOOD, BAD]), content_type="text/csv")
    response = client.post(
        "/admin/tracker/import-stop/", {"file": upload, "commit": "on", "merge": "on"}
    )
    run = StopImportRun.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{run.pk}/")
    page = client.get(response["Location"]).content.decode()
    assert "<progress" in page and "queued" in page
    assert client.get(f"/admin/tracker/import-stop/{run.pk}/progress/").json()["state"] == "queued"

    assert run_queued_stop_imports() == 1  # what the worker does
    run.refresh_from_db()
    assert run.state == "done" and not run.committed and run.done == run.total > 0
    assert run.content == ""  # the sheet is not kept once read
    html = client.get(f"/admin/tracker/import-stop/{run.pk}/").content.decode()
    assert "Not imported" in html and "Unknown country &quot;Atlantis&quot;" in html
    fix = client.get(f"/admin/tracker/import-stop/{run.pk}/rows-to-fix.csv")
    assert fix["Content-Type"].startswith("text/csv") and b"Atlantis" in fix.content
    assert Incident.objects.count() == 0

    upload = SimpleUploadedFile("stop.csv", stop_csv([*GOOD, BAD]), content_type="text/csv")
    client.post(
        "/admin/tracker/import-stop/", {"file": upload, "commit": "on", "skip_errors": "on"}
    )
    run_queued_stop_imports()
    assert StopImportRun.objects.first().committed and Incident.objects.count() == 3


def test_admin_page_is_refused_to_others(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    response = client.get("/admin/tracker/import-stop/")
    assert response.status_code == 302 and "login" in response["Location"]
    staff = django_user_model.objects.create_user("staff", password="x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert client.get("/admin/tracker/import-stop/").status_code in (302, 403)
    assert b"/admin/tracker/import-stop/" not in client.get("/admin/").content
    upload = SimpleUploadedFile("stop.csv", stop_csv(GOOD), content_type="text/csv")
    client.post("/admin/tracker/import-stop/", {"file": upload, "commit": "on"})
    assert not StopImportRun.objects.exists()
