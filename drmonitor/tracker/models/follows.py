"""Readers following incidents and cases, and the outbox of e-mails that tells them of changes.

A Notification row is written in the editor's request (cheap, transactional); the worker sends
it later. (user, change_key) is unique, so the same change never reaches a reader twice, even
when they follow both a case and the incident it challenges.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from drmonitor.tracker.models.incident_or_case import (
    IncidentOrCase,
    exactly_one_record,
    record_key,
)


class Follow(IncidentOrCase, models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracker_follows"
    )
    incident = record_key("tracker.Incident", related_name="follows")
    case = record_key("tracker.LegalCase", related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            exactly_one_record("tracker_follow_one_target"),
            models.UniqueConstraint(
                fields=["user", "incident"],
                condition=models.Q(incident__isnull=False),
                name="tracker_follow_unique_incident",
            ),
            models.UniqueConstraint(
                fields=["user", "case"],
                condition=models.Q(case__isnull=False),
                name="tracker_follow_unique_case",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.record}"

    def clean(self) -> None:
        if bool(self.incident_id) == bool(self.case_id):
            raise ValidationError("Follow either an incident or a case.")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracker_notifications"
    )
    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, related_name="notifications")
    change_key = models.CharField(
        max_length=100, help_text='What changed, e.g. "hearing:12" or "status:7".'
    )
    subject = models.CharField(max_length=255)
    body = models.TextField()
    url = models.CharField(max_length=500, help_text="Path of the page that shows the change.")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "change_key"], name="tracker_notification_once_per_change"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.user}"
