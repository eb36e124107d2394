"""The background side of the admin's STOP import: the worker runs queued imports one at a
time (settings.DRM_WORKER_JOBS), as it runs the WordPress import, so no web request waits
for thousands of rows."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.utils import timezone

from drmonitor.tracker.models import StopImportRun
from drmonitor.tracker.stop.importer import import_stop

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0


def run_queued_stop_imports() -> int:
    """Run the oldest queued STOP import; claimed in one UPDATE so no two workers share it."""
    run = StopImportRun.objects.filter(state=StopImportRun.QUEUED).order_by("created_at").first()
    if run is None:
        return 0
    claimed = StopImportRun.objects.filter(pk=run.pk, state=StopImportRun.QUEUED).update(
        state=StopImportRun.RUNNING
    )
    if not claimed:
        return 0
    run.refresh_from_db()
    execute(run)
    return 1


def execute(run: StopImportRun) -> None:
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_SECONDS or done == total:
            last[0] = now
            StopImportRun.objects.filter(pk=run.pk).update(done=done, total=total)

    upload = Path(run.upload_path)
    try:
        report = import_stop(
            upload.read_bytes(),
            commit=run.commit,
            skip_errors=run.skip_errors,
            merge=run.merge,
            progress=progress,
        )
    except Exception as error:  # noqa: BLE001 - the run must end in a state an editor can see
        logger.exception("STOP import %s failed", run.pk)
        run.state, run.summary = StopImportRun.FAILED, f"The import stopped: {error}"
    else:
        run.state = StopImportRun.FAILED if report.file_errors else StopImportRun.DONE
        run.summary, run.report = report.summary(), report.as_text()
        run.committed, run.rejected_csv = report.committed, report.rejected_csv
        if report.file_errors:
            run.summary += " " + " ".join(report.file_errors)
    finally:
        upload.unlink(missing_ok=True)
    run.refresh_from_db(fields=["done", "total"])
    run.finished_at = timezone.now()
    run.save(
        update_fields=["state", "summary", "report", "committed", "rejected_csv", "finished_at"]
    )
