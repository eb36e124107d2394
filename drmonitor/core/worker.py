"""The background worker: runs each job named in settings.DRM_WORKER_JOBS, over and over.

A job is a function without arguments that does what is due and returns how many things it
did. Jobs are named by dotted path in settings so that this module knows none of the apps.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)

Job = Callable[[], int]


def publish_scheduled() -> int:
    """Unpublish expired pages, then publish those whose go-live time has come; returns how
    many it published.

    Wagtail's `publish_scheduled` command does the same in many separate commits: a worker
    killed between them leaves a page live with no publish in its history, or its revision no
    longer scheduled and the page never live. Here each page's publish is one transaction,
    so a worker killed mid-publish leaves it either published (and logged) once or still
    scheduled, and the next run finishes the work. A revision another worker is publishing
    right now is left to it (skip_locked: never published twice).
    """
    now = timezone.now()
    for model in [Page, *(m for m in apps.get_models() if _draftable_not_page(m))]:
        for pk in model.objects.filter(live=True, expire_at__lt=now).values_list("pk", flat=True):
            with transaction.atomic():
                expired = model.objects.select_for_update(skip_locked=True).filter(
                    pk=pk, live=True, expire_at__lt=now
                )
                for item in expired:
                    item.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    published = 0
    due = Revision.objects.filter(approved_go_live_at__lt=now)
    for pk in due.order_by("approved_go_live_at").values_list("pk", flat=True):
        with transaction.atomic():
            revision = due.select_for_update(skip_locked=True).filter(pk=pk).first()
            if revision is not None:
                revision.publish(log_action="wagtail.publish.scheduled")
                published += 1
    return published


def _draftable_not_page(model: type) -> bool:
    return issubclass(model, DraftStateMixin) and not issubclass(model, Page)


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
