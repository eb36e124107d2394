"""The real STOP Combined sheet (../shared/data, not part of the project): a full dry run."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from drmonitor.testing.requirements import require
from drmonitor.tracker.models import Incident
from drmonitor.tracker.stop.importer import import_stop

STOP_FILE = settings.BASE_DIR.parent / "shared" / "data" / "stop" / "stop-combined-2016-2025.csv"
# What this importer achieves on the 2026-05-20 snapshot (see the printed report).
CLEAN_ROWS_AT_LEAST = 2065


@pytest.mark.django_db
def test_dry_run_over_the_whole_combined_sheet(capsys):
    require(Path(STOP_FILE).is_file(), f"STOP data missing: {STOP_FILE}")
    report = import_stop(Path(STOP_FILE).read_bytes(), commit=False)
    assert not report.file_errors
    assert len(report.rows) == 2102
    clean = [r for r in report.rows if not r.errors]
    counts = report.counts()
    with capsys.disabled():
        print(f"\nSTOP Combined sheet: {report.summary()}")
        print(f"clean rows: {len(clean)} of {len(report.rows)}")
        for kind, n in report.error_categories().most_common():
            print(f"  {n:5d}  {kind}")
    assert len(clean) >= CLEAN_ROWS_AT_LEAST
    assert counts["create"] > 0 and counts["repeat"] > 0
    assert not report.committed and Incident.objects.count() == 0
