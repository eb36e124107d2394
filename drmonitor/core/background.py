"""Work an editor starts from the admin and the background worker does (imports): the run's
record, how a worker claims one, how it reports progress, and the page's progress answer.

A run is queued by the admin view, claimed by the worker with one UPDATE (so two workers never
run the same one), reports `done` of `total` as it goes (at most once a second), and ends done
or failed with a summary and a report the run's page shows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0


class BackgroundRun(models.Model):
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATES = [(QUEUED, "queued"), (RUNNING, "running"), (DONE, "done"), (FAILED, "failed")]

    state = models.CharField(max_length=10, choices=STATES, default=QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    summary = models.TextField(blank=True)
    report = models.TextField(blank=True)
    upload_name = models.CharField(max_length=255)  # the uploaded file's name
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.upload_name} ({self.state})"

    @property
    def is_dry_run(self) -> bool:
        raise NotImplementedError

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    def progress(self) -> Callable[[int, int], None]:
        """A callback for the work: records `done` of `total`, at most once a second."""
        last = [0.0]

        def record(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY_SECONDS or done == total:
                last[0] = now
                type(self).objects.filter(pk=self.pk).update(done=done, total=total)

        return record

    def perform(self, work: Callable[[], None], *fields: str) -> None:
        """Do `work`, which sets the run's state, summary, report and `fields`; a failure
        ends the run failed with the reason, never in a state an editor cannot see."""
        try:
            work()
        except Exception as error:  # noqa: BLE001 - the run must end in a state an editor sees
            logger.exception("%s failed", self)
            self.state, self.summary = self.FAILED, f"The import stopped: {error}"
        self.finish(*fields)

    def finish(self, *fields: str) -> None:
        """Save how the run ended (state, summary, report and `fields`), keeping the progress
        the work recorded."""
        self.refresh_from_db(fields=["done", "total"])
        self.finished_at = timezone.now()
        self.save(update_fields=["state", "summary", "report", "finished_at", *fields])


def run_next(model: type[BackgroundRun], execute: Callable[[BackgroundRun], None]) -> int:
    """Claim the oldest queued run of `model` and `execute` it (a worker job's body).

    While it runs, the worker's other jobs wait."""
    run = model.objects.filter(state=model.QUEUED).order_by("created_at").first()
    if run is None:
        return 0
    if not model.objects.filter(pk=run.pk, state=model.QUEUED).update(state=model.RUNNING):
        return 0
    run.refresh_from_db()
    execute(run)
    return 1


def progress_response(run: BackgroundRun) -> JsonResponse:
    """What the run's page asks every few seconds (static/js/import-progress.js)."""
    return JsonResponse(
        {
            "state": run.state,
            "done": run.done,
            "total": run.total,
            "percent": run.percent,
            "summary": run.summary,
        }
    )


def start_run(model: type[BackgroundRun], request: HttpRequest, page: str, **fields):
    """Queue a run for the worker and send the editor to its page (the URL named `page`)."""
    run = model.objects.create(requested_by=request.user, **fields)
    return redirect(page, pk=run.pk)


def runs_page(request: HttpRequest, model: type[BackgroundRun], template: str, form):
    """The upload form with the ten latest runs (templates/core/background_runs.html)."""
    return render(request, template, {"form": form, "runs": model.objects.all()[:10]})


def refuse_unless(allowed: Callable[[Any], bool], request: HttpRequest) -> None:
    """PermissionDenied for whoever `allowed` (a test of the user) turns away."""
    if not allowed(request.user):
        raise PermissionDenied


def run_views(
    model: type[BackgroundRun], template: str, allowed: Callable[[Any], bool]
) -> tuple[Callable, Callable]:
    """The run's page (`template` with `run`) and its progress answer, both only for the users
    `allowed` lets in."""

    @never_cache
    def run_view(request: HttpRequest, pk: int):
        refuse_unless(allowed, request)
        return render(request, template, {"run": get_object_or_404(model, pk=pk)})

    @never_cache
    @require_GET
    def progress_view(request: HttpRequest, pk: int):
        refuse_unless(allowed, request)
        return progress_response(get_object_or_404(model, pk=pk))

    return run_view, progress_view
