"""The background worker: runs each job named in settings.DRM_WORKER_JOBS, over and over.

A job is a function without arguments that does what is due and returns how many things it
did. Jobs are named by dotted path in settings so that this module knows none of the apps.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

Job = Callable[[], int]


def publish_scheduled() -> int:
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)
    return 0


def jobs() -> list[Job]:
    return [import_string(path) for path in settings.DRM_WORKER_JOBS]


def run_once() -> int:
    """Run every job once; a failing job is logged and does not stop the others."""
    done = 0
    for job in jobs():
        close_old_connections()
        try:
            done += job() or 0
        except Exception:  # noqa: BLE001 - the worker must outlive any one job's failure
            logger.exception("background job %s failed", getattr(job, "__name__", job))
    return done


def run_forever(interval: float, stop: threading.Event | None = None) -> None:
    stop = stop or threading.Event()
    while not stop.is_set():
        run_once()
        stop.wait(interval)
