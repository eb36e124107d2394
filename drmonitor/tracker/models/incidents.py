"""An incident: one block, shutdown or slowdown, with STOP's fields and our links."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from drmonitor.core.fields import optional_link
from drmonitor.core.index_fields import indexed
from drmonitor.tracker import vocab
from drmonitor.tracker.models.record import PublicRecord
from drmonitor.tracker.models.reference import Country


class Incident(PublicRecord):
    page_url_name = "tracker:incident"
    status_owner_field = "incident"

    kind = models.CharField(max_length=20, choices=vocab.IncidentKind.choices)
    summary = models.TextField(blank=True, help_text="What happened, in a short paragraph.")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="incidents")
    areas = models.CharField(
        max_length=500, blank=True, help_text="Nationwide, or the districts and cities affected."
    )
    geo_scope = models.CharField(max_length=80, blank=True, choices=vocab.GeoScope.choices)
    affected_network = models.CharField(
        max_length=20, blank=True, choices=vocab.AffectedNetwork.choices
    )
    extent = models.CharField(max_length=30, blank=True, choices=vocab.Extent.choices)
    networks = models.ManyToManyField("tracker.Network", blank=True, related_name="incidents")
    services = models.ManyToManyField("tracker.Service", blank=True, related_name="incidents")

    start_date = models.DateField()
    start_date_type = models.CharField(
        max_length=10, choices=vocab.DateType.choices, default=vocab.DateType.ACTUAL
    )
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty while ongoing.")
    end_date_type = models.CharField(
        max_length=10, choices=vocab.DateType.choices, default=vocab.DateType.ACTUAL
    )
    status = models.CharField(
        max_length=10, choices=vocab.IncidentStatus.choices, default=vocab.IncidentStatus.ONGOING
    )

    ordered_by_level = models.CharField(
        "ordered by (level)", max_length=30, blank=True, choices=vocab.OrderedBy.choices
    )
    ordered_by = models.ManyToManyField(
        "tracker.Actor",
        blank=True,
        related_name="incidents_ordered",
        help_text="The authorities that ordered or carried out the block.",
    )
    decision_maker = optional_link("tracker.Actor", related_name="incidents_decided")
    stated_justification = models.CharField(
        max_length=80, blank=True, choices=vocab.Justification.choices
    )
    stated_justification_details = models.TextField(blank=True)
    actual_cause = models.CharField(max_length=40, blank=True, choices=vocab.ActualCause.choices)
    actual_cause_details = models.TextField(blank=True)
    legal_basis = models.ManyToManyField("tracker.Law", blank=True, related_name="incidents")
    legal_method = models.TextField(blank=True, help_text='As stated, e.g. "Government order".')
    government_acknowledged = models.CharField(
        max_length=10, choices=vocab.YesNoUnknown.choices, default=vocab.YesNoUnknown.UNKNOWN
    )
    government_ack_source = models.URLField(blank=True, max_length=2000)
    government_ack_quote = models.TextField(blank=True)

    sources = models.ManyToManyField("tracker.Source", blank=True, related_name="incidents")
    articles = models.ManyToManyField(
        "newsroom.ArticlePage", blank=True, related_name="tracker_incidents"
    )

    panels = PublicRecord.panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("status_source"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_date_type")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_date_type")]),
            ],
            heading="Dates",
        ),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("areas"),
                FieldPanel("geo_scope"),
                FieldRowPanel([FieldPanel("affected_network"), FieldPanel("extent")]),
                FieldPanel("networks"),
                FieldPanel("services"),
            ],
            heading="Where and what",
        ),
        MultiFieldPanel(
            [
                FieldPanel("ordered_by_level"),
                FieldPanel("ordered_by"),
                FieldPanel("decision_maker"),
                FieldPanel("stated_justification"),
                FieldPanel("stated_justification_details"),
                FieldPanel("actual_cause"),
                FieldPanel("actual_cause_details"),
                FieldPanel("legal_basis"),
                FieldPanel("legal_method"),
                FieldPanel("government_acknowledged"),
                FieldPanel("government_ack_source"),
                FieldPanel("government_ack_quote"),
            ],
            heading="Who and why",
        ),
        FieldPanel("sources"),
        FieldPanel("articles"),
    ]

    search_fields = PublicRecord.search_fields + indexed(
        "summary",
        "areas",
        "stated_justification_details",
        index.RelatedFields("services", [index.SearchField("name")]),
        index.RelatedFields("country", [index.SearchField("name")]),
        filters=("status", "kind", "start_date"),
    )

    class Meta:
        ordering = ["-start_date", "title"]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = (
                f"The end ({self.end_date:%d %b %Y}) is before the start "
                f"({self.start_date:%d %b %Y})."
            )
        if self.status == vocab.IncidentStatus.ONGOING and self.end_date:
            errors["status"] = "An incident with an end date cannot be ongoing."
        if errors:
            raise ValidationError(errors)

    @property
    def is_ongoing(self) -> bool:
        return self.status == vocab.IncidentStatus.ONGOING and self.end_date is None

    def duration_days(self, today: datetime.date | None = None) -> int:
        """Whole days from the start to the end, or to `today` while it goes on."""
        until = self.end_date or today or timezone.localdate()
        return max((until - self.start_date).days, 0)
