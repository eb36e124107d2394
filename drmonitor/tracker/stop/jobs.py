"""The background side of the admin's STOP import: the worker runs queued imports one at a
time (settings.DRM_WORKER_JOBS), as it runs the WordPress import, so no web request waits
for thousands of rows."""

from __future__ import annotations

from drmonitor.core.background import run_next
from drmonitor.tracker.models import StopImportRun
from drmonitor.tracker.stop.importer import import_stop


def run_queued_stop_imports() -> int:
    """Run the oldest queued STOP import (a worker job)."""
    return run_next(StopImportRun, execute)


def execute(run: StopImportRun) -> None:
    def work() -> None:
        content, run.content = run.content, ""
        report = import_stop(
            content,
            commit=run.commit,
            skip_errors=run.skip_errors,
            merge=run.merge,
            progress=run.progress(),
        )
        run.state = StopImportRun.FAILED if report.file_errors else StopImportRun.DONE
        run.summary = " ".join([report.summary(), *report.file_errors])
        run.report, run.committed = report.as_text(), report.committed
        run.rejected_csv = report.rejected_csv

    run.perform(work, "content", "committed", "rejected_csv")
