"""The real STOP Combined sheet (../shared/data, not part of the project): imported whole,
exported, and compared with the sheet cell by cell; then exported, imported into an empty
tracker and exported again, byte for byte."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from drmonitor.testing.requirements import require
from drmonitor.tracker.models import Incident, Service, StopRow
from drmonitor.tracker.stop.columns import STOP_COLUMNS
from drmonitor.tracker.stop.export import export_rows, write_csv
from drmonitor.tracker.stop.importer import import_stop

STOP_FILE = settings.BASE_DIR.parent / "shared" / "data" / "stop" / "stop-combined-2016-2025.csv"
ROWS = 2102


def exported() -> str:
    out = io.StringIO()
    write_csv(out, export_rows(Incident.objects.order_by("start_date", "slug"), "https://drm.test"))
    return out.getvalue()


def stop_cells(text: str) -> Counter:
    """Each row's STOP cells, as a multiset of rows (the export orders rows by incident)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return Counter(tuple(row[c] for c in STOP_COLUMNS) for row in reader)


@pytest.fixture
def sheet() -> bytes:
    require(Path(STOP_FILE).is_file(), f"STOP data missing: {STOP_FILE}")
    return Path(STOP_FILE).read_bytes()


@pytest.mark.django_db
def test_the_whole_sheet_comes_back_cell_for_cell_and_byte_for_byte(sheet, capsys):
    services_before = Service.objects.count()
    empty = transaction.savepoint()
    report = import_stop(sheet, commit=True)
    with capsys.disabled():
        print(f"\nSTOP Combined sheet: {report.summary()}")
    assert report.committed, report.as_text()[:3000]
    assert len(report.rows) == ROWS and not report.error_rows
    assert StopRow.objects.count() == ROWS
    # STOP's free text made no vocabulary: only the five service flags can add services.
    assert Service.objects.count() - services_before <= 5

    first = exported()
    original = stop_cells(sheet.decode("utf-8-sig"))
    back = stop_cells(first)
    differing = sum(((original - back) + (back - original)).values())
    assert differing == 0, f"{differing} rows differ from the sheet"
    assert sum(1 for cells in back.elements() for c in cells if c) == sum(
        1 for cells in original.elements() for c in cells if c
    )

    transaction.savepoint_rollback(empty)  # an empty tracker again, in no time
    assert not Incident.objects.exists()
    again = import_stop(first, commit=True)
    assert again.committed and again.counts()["create"] == Incident.objects.count()
    assert exported() == first
