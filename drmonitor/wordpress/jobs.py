"""The background side of an admin import: the worker runs queued imports one at a time."""

from __future__ import annotations

from pathlib import Path

from drmonitor.core.background import run_next
from drmonitor.wordpress.importer import Options, import_wordpress
from drmonitor.wordpress.models import ImportRun


def run_queued_imports() -> int:
    """Run the oldest queued import (a worker job, see settings.DRM_WORKER_JOBS); an import
    takes minutes, and the worker's other jobs wait meanwhile."""
    return run_next(ImportRun, execute)


def execute(run: ImportRun) -> None:
    export = Path(run.export_path)

    def work() -> None:
        options = Options(
            media_base=run.media_base,
            dry_run=run.dry_run,
            user=run.requested_by,
            progress=run.progress(),
        )
        try:
            report = import_wordpress(export, options)
        finally:
            export.unlink(missing_ok=True)  # it holds authors' e-mail addresses
        run.state = ImportRun.FAILED if report.file_error else ImportRun.DONE
        run.summary, run.report = report.summary(), report.as_text(limit=None)

    run.perform(work)
