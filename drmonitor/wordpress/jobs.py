"""The background side of an admin import: the worker runs queued imports one at a time."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.utils import timezone

from drmonitor.wordpress.importer import Options, import_wordpress
from drmonitor.wordpress.models import ImportRun

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0


def run_queued_imports() -> int:
    """Run the oldest queued import (a worker job, see settings.DRM_WORKER_JOBS).

    A run is claimed by moving it from queued to running in one UPDATE, so two workers never
    run the same export. An import takes minutes: while it runs, the worker's other jobs wait.
    """
    run = ImportRun.objects.filter(state=ImportRun.QUEUED).order_by("created_at").first()
    if run is None:
        return 0
    claimed = ImportRun.objects.filter(pk=run.pk, state=ImportRun.QUEUED).update(
        state=ImportRun.RUNNING
    )
    if not claimed:
        return 0
    run.refresh_from_db()
    execute(run)
    return 1


def execute(run: ImportRun) -> None:
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_SECONDS or done == total:
            last[0] = now
            ImportRun.objects.filter(pk=run.pk).update(done=done, total=total)

    export = Path(run.export_path)
    try:
        report = import_wordpress(
            export,
            Options(
                media_base=run.media_base,
                dry_run=run.dry_run,
                user=run.requested_by,
                progress=progress,
            ),
        )
    except Exception as error:  # noqa: BLE001 - the run must end in a state an editor can see
        logger.exception("WordPress import %s failed", run.pk)
        run.state, run.summary = ImportRun.FAILED, f"The import stopped: {error}"
    else:
        run.state = ImportRun.FAILED if report.file_error else ImportRun.DONE
        run.summary, run.report = report.summary(), report.as_text(limit=None)
    finally:
        export.unlink(missing_ok=True)  # it holds authors' e-mail addresses
    run.refresh_from_db(fields=["done", "total"])
    run.finished_at = timezone.now()
    run.save(update_fields=["state", "summary", "report", "finished_at"])
