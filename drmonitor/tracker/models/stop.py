"""What an import keeps of Access Now's STOP sheet, so that our CSV gives STOP's data back.

An incident imported from STOP keeps every STOP row it came from, cell by cell, exactly as
STOP wrote it (`StopRow`): the export prints those cells in STOP's columns and puts our own,
richer record only in the `drm_` columns. STOP repeats an event that spans several years once
per year; each of those rows is kept as a row. An import started from the admin runs in the
background (`StopImportRun`), with its progress and its report.
"""

from __future__ import annotations

from django.db import models

from drmonitor.core.background import BackgroundRun


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


class StopImportRun(BackgroundRun):
    """A STOP import started from the admin and done by the background worker.

    The uploaded sheet waits in `content` (STOP's data is public) until the worker has read
    it, then is emptied. The run keeps its progress, its report, and the rows it could not
    take as CSV for the editor to fix.
    """

    content = models.TextField(blank=True)
    commit = models.BooleanField(default=False)
    skip_errors = models.BooleanField(default=False)
    merge = models.BooleanField(default=True)
    committed = models.BooleanField(default=False)
    rejected_csv = models.TextField(blank=True)

    @property
    def is_dry_run(self) -> bool:
        return not self.commit
