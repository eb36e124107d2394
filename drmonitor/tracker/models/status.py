"""A dated change of status, so the timeline and followers learn when an incident or case moved."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from drmonitor.tracker.models.incident_or_case import (
    IncidentOrCase,
    exactly_one_record,
    record_key,
)


class StatusChange(IncidentOrCase, models.Model):
    incident = record_key("tracker.Incident", related_name="status_changes")
    case = record_key("tracker.LegalCase", related_name="status_changes")
    date = models.DateField()
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30)
    note = models.CharField(max_length=500, blank=True)
    source = models.ForeignKey(
        "tracker.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("incident"), FieldPanel("case")]),
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("from_status"), FieldPanel("to_status")]),
        FieldPanel("note"),
        FieldPanel("source"),
    ]

    class Meta:
        ordering = ["date", "pk"]
        constraints = [exactly_one_record("tracker_status_change_one_owner")]

    def __str__(self) -> str:
        return f"{self.record}: {self.to_status_label} ({self.date:%d %b %Y})"

    def _label(self, value: str) -> str:
        field = type(self.record)._meta.get_field("status") if self.record else None
        return dict(field.choices).get(value, value) if field else value

    @property
    def to_status_label(self) -> str:
        return self._label(self.to_status)

    @property
    def from_status_label(self) -> str:
        return self._label(self.from_status)

    def clean(self) -> None:
        super().clean()
        if not self.source_id:
            raise ValidationError({"source": "Choose the source that reports this change."})
        if bool(self.incident_id) == bool(self.case_id):
            raise ValidationError({"incident": "Give either an incident or a case, not both."})
        valid = {value for value, _ in type(self.record)._meta.get_field("status").choices}
        if self.to_status not in valid:
            raise ValidationError({"to_status": f"Choose one of: {', '.join(sorted(valid))}."})
