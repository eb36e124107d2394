"""What an import keeps of Access Now's STOP sheet, so that our CSV gives STOP's data back.

An incident imported from STOP keeps every STOP row it came from, cell by cell, exactly as
STOP wrote it (`StopRow`): the export prints those cells in STOP's columns and puts our own,
richer record only in the `drm_` columns. STOP repeats an event that spans several years once
per year; each of those rows is kept as a row. An import started from the admin runs in the
background (`StopImportRun`), with its progress and its report.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StopRow(models.Model):
    """One row of a STOP sheet, as written, and the incident it became."""

    incident = models.ForeignKey(
        "tracker.Incident", on_delete=models.CASCADE, related_name="stop_rows"
    )
    position = models.PositiveIntegerField(help_text="Order among the incident's STOP rows.")
    # STOP column -> the cell's text exactly as STOP wrote it; blank cells are left out.
    cells = models.JSONField(default=dict)
    # The row's identity in STOP's own cells (country, start, type, place, services...), which
    # finds it again in a later copy of the sheet even after our editors changed the incident.
    stop_key = models.CharField(max_length=64, db_index=True)
    # Joined to a record of ours (a merge): a later import fills its blanks, never its facts.
    merged = models.BooleanField(default=False)

    class Meta:
        ordering = ["incident", "position"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "position"], name="stop_row_position")
        ]

    def __str__(self) -> str:
        return f"STOP row {self.position} of {self.incident_id}"


class StopImportRun(models.Model):
    """A STOP import started from the admin and done by the background worker.

    The upload waits in a private folder until the worker has read it. The run keeps its
    progress, its report, and the rows it could not take as CSV for the editor to fix.
    """

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATES = [(QUEUED, "queued"), (RUNNING, "running"), (DONE, "done"), (FAILED, "failed")]

    upload_path = models.CharField(max_length=500)
    upload_name = models.CharField(max_length=255)
    commit = models.BooleanField(default=False)
    skip_errors = models.BooleanField(default=False)
    merge = models.BooleanField(default=True)
    state = models.CharField(max_length=10, choices=STATES, default=QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    committed = models.BooleanField(default=False)
    summary = models.TextField(blank=True)
    report = models.TextField(blank=True)
    rejected_csv = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"STOP import of {self.upload_name} ({self.state})"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0
