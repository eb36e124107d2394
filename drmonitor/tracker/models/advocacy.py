"""What civil society does about an incident: joint statements and campaigns."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel


def _action_panels(people: str) -> list[FieldPanel]:
    """What a statement and a campaign both end with: their own page elsewhere, a summary, the
    people behind them (`people` names that field), the incidents they answer, the sources."""
    return [FieldPanel(name) for name in ("url", "summary", people, "incidents", "sources")]


class Statement(models.Model):
    date = models.DateField()
    title = models.CharField(max_length=255)
    url = models.URLField("URL", max_length=500, blank=True)
    signatory_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="Leave empty when reports disagree or do not say."
    )
    summary = models.TextField(blank=True)
    actors = models.ManyToManyField(
        "tracker.Actor",
        blank=True,
        related_name="statements",
        help_text="Who issued it. Its signatories are listed by name on its page.",
    )
    incidents = models.ManyToManyField("tracker.Incident", blank=True, related_name="statements")
    sources = models.ManyToManyField("tracker.Source", blank=True, related_name="statements")

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("signatory_count")]),
        FieldPanel("title"),
        *_action_panels("actors"),
    ]

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return self.title


class Campaign(models.Model):
    name = models.CharField(max_length=200)
    hashtags = models.CharField(
        max_length=300, blank=True, help_text="Separated by spaces, e.g. #RestoreX #internetkholo"
    )
    start_date = models.DateField(
        null=True, blank=True, help_text="Leave empty when no source gives it."
    )
    end_date = models.DateField(null=True, blank=True)
    url = models.URLField("URL", max_length=500, blank=True)
    summary = models.TextField(blank=True)
    organisers = models.ManyToManyField("tracker.Actor", blank=True, related_name="campaigns")
    incidents = models.ManyToManyField("tracker.Incident", blank=True, related_name="campaigns")
    sources = models.ManyToManyField("tracker.Source", blank=True, related_name="campaigns")

    panels = [
        FieldPanel("name"),
        FieldPanel("hashtags"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        *_action_panels("organisers"),
    ]

    class Meta:
        ordering = ["-start_date", "name"]

    def __str__(self) -> str:
        return self.name

    def hashtag_list(self) -> list[str]:
        return [f"#{tag.lstrip('#')}" for tag in re.split(r"[\s,]+", self.hashtags) if tag]

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": f"The end ({self.end_date:%d %b %Y}) is before the start."}
            )
