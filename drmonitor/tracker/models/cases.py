"""Courts, the cases before them, their hearings and orders (model C of the reference).

In Pakistan the hearing is what journalists report, so it is a record of its own rather than a
docket entry. Printed strings (bench, case number, parties) are kept next to the normalised
references because sources disagree on them.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from drmonitor.core import pdf_text
from drmonitor.core.fields import optional_link, optional_links
from drmonitor.core.index_fields import indexed
from drmonitor.tracker.models.record import PublicRecord
from drmonitor.tracker.models.reference import Country
from drmonitor.tracker.vocab import (
    CLOSED_CASE_STATUSES,
    BenchType,
    CaseStatus,
    CourtLevel,
    DatePrecision,
    HearingResult,
    OrderKind,
    Outcome,
)


def _day(value) -> str:
    return f"{value:%d %b %Y}"


class Court(models.Model):
    name = models.CharField(max_length=200, unique=True, help_text="e.g. Sindh High Court")
    short_name = models.CharField(max_length=20, blank=True, help_text="e.g. SHC")
    level = models.CharField(max_length=20, choices=CourtLevel.choices)
    jurisdiction = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="courts")
    province = models.CharField(max_length=100, blank=True)
    seat = models.CharField(max_length=100, blank=True, help_text="e.g. Karachi")
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def resolve(cls, name: str) -> Court:
        """The court called `name` (full or short name, any case), or an "unknown court" error.

        Imports name courts in words; a misspelt court must be reported, never created.
        """
        wanted = (name or "").strip()
        court = (
            cls.objects.annotate(lname=Lower("name"), lshort=Lower("short_name"))
            .filter(models.Q(lname=wanted.lower()) | models.Q(lshort=wanted.lower()))
            .first()
            if wanted
            else None
        )
        if court is None:
            raise ValidationError({"court": f'Unknown court "{wanted}".'}, code="unknown_court")
        return court


class Bench(models.Model):
    """The judges who sat, as the report prints them ("two-member bench headed by CJ ...")."""

    court = models.ForeignKey(Court, on_delete=models.CASCADE, related_name="benches")
    label = models.CharField(max_length=255, help_text="As printed in the report.")
    bench_type = models.CharField(max_length=20, choices=BenchType.choices, blank=True)
    judges = models.TextField(blank=True, help_text="One judge per line.")

    class Meta:
        ordering = ["court", "label"]
        verbose_name_plural = "benches"

    def __str__(self) -> str:
        return f"{self.court.short_name or self.court.name}: {self.label}"

    def judge_list(self) -> list[str]:
        return [line.strip() for line in self.judges.splitlines() if line.strip()]


def normalise_case_number(number: str) -> str:
    """'W.P. No. 1234/2024', 'WP no 1234/2024' and 'W.P.No.1234/2024' are one petition."""
    return re.sub(r"[\s.]+", "", number).upper()


class LegalCase(PublicRecord, ClusterableModel):
    page_url_name = "tracker:case"
    status_owner_field = "case"

    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="cases")
    bench = optional_link(Bench, related_name="cases")
    # PublicRecord's title, with an example of how cases are named.
    title = models.CharField(max_length=255, help_text='e.g. "Ehtisham Abbasi v. Federation".')
    subject = models.TextField(blank=True, help_text="What the petition is about, in brief.")
    relief_sought = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.FILED)
    outcome = models.CharField(max_length=30, blank=True, choices=Outcome.choices)
    filed_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)

    petitioners = models.ManyToManyField(
        "tracker.Actor", blank=True, related_name="cases_as_petitioner"
    )
    petitioners_text = models.CharField(
        "petitioners as printed", max_length=500, blank=True, help_text="Names without a record."
    )
    respondents = models.ManyToManyField(
        "tracker.Actor", blank=True, related_name="cases_as_respondent"
    )
    respondents_text = models.CharField("respondents as printed", max_length=500, blank=True)
    counsel = models.CharField(max_length=500, blank=True)

    incidents = models.ManyToManyField("tracker.Incident", blank=True, related_name="cases")
    laws = models.ManyToManyField("tracker.Law", blank=True, related_name="cases")
    articles = models.ManyToManyField(
        "newsroom.ArticlePage", blank=True, related_name="tracker_cases"
    )
    sources = models.ManyToManyField("tracker.Source", blank=True, related_name="cases")

    panels = PublicRecord.panels + [
        FieldRowPanel([FieldPanel("court"), FieldPanel("bench")]),
        InlinePanel("numbers", label="Case numbers", min_num=0),
        FieldRowPanel([FieldPanel("status"), FieldPanel("outcome")]),
        FieldPanel("status_source"),
        FieldRowPanel([FieldPanel("filed_on"), FieldPanel("decided_on")]),
        FieldPanel("subject"),
        FieldPanel("relief_sought"),
        MultiFieldPanel(
            [
                FieldPanel("petitioners"),
                FieldPanel("petitioners_text"),
                FieldPanel("respondents"),
                FieldPanel("respondents_text"),
                FieldPanel("counsel"),
            ],
            heading="Parties",
        ),
        FieldPanel("incidents"),
        FieldPanel("laws"),
        FieldPanel("articles"),
        FieldPanel("sources"),
    ]

    search_fields = PublicRecord.search_fields + indexed(
        "subject",
        "petitioners_text",
        "respondents_text",
        "number_text",
        index.RelatedFields("court", [index.SearchField("name"), index.SearchField("short_name")]),
        filters=("status", "court", "filed_on"),
    )

    class Meta:
        ordering = ["court__name", "-filed_on", "title"]
        verbose_name = "court case"

    def number_text(self) -> str:
        return "; ".join(n.number for n in self.numbers.all())

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_CASE_STATUSES

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.court_id is None:
            errors["court"] = "Choose an existing court; a case cannot be saved without one."
        elif self.bench_id and self.bench.court_id != self.court_id:
            errors["bench"] = f"This bench sits in {self.bench.court}, not in {self.court}."
        if self.filed_on and self.decided_on and self.decided_on < self.filed_on:
            errors["decided_on"] = (
                f"The decision ({_day(self.decided_on)}) is before the filing "
                f"({_day(self.filed_on)})."
            )
        if self.court_id is not None:
            numbers_error = self._duplicate_numbers()
            if numbers_error:
                errors["__all__"] = numbers_error
        if errors:
            raise ValidationError(errors)

    def _duplicate_numbers(self) -> str:
        """A case number may appear once per court: within this case and against the others."""
        seen: set[str] = set()
        for entry in self.numbers.all():
            if not entry.number:
                continue
            key = normalise_case_number(entry.number)
            if key in seen:
                return f'Case number "{entry.number}" is given twice.'
            seen.add(key)
            clash = (
                CaseNumber.objects.filter(court_id=self.court_id, normalised=key)
                .exclude(case_id=self.pk)
                .select_related("case")
                .first()
            )
            if clash:
                return (
                    f'Case number "{entry.number}" is already used in {self.court} by '
                    f'"{clash.case.title}".'
                )
        return ""

    def upcoming_hearings(self):
        return self.hearings.filter(date__gte=timezone.localdate()).order_by("date")


class CaseNumber(models.Model):
    """A number as the court prints it; a petition may carry several (and consolidated ones)."""

    case = ParentalKey(LegalCase, on_delete=models.CASCADE, related_name="numbers")
    number = models.CharField(max_length=100, help_text="As printed, e.g. W.P. No. 1234/2024.")
    normalised = models.CharField(max_length=100, editable=False)
    court = models.ForeignKey(Court, on_delete=models.CASCADE, editable=False, related_name="+")

    panels = [FieldPanel("number")]

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "normalised"], name="tracker_case_number_unique_per_court"
            )
        ]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        super().clean()
        court_id = self.case.court_id if self.case_id else None
        if court_id is None:
            return
        key = normalise_case_number(self.number)
        clash = (
            CaseNumber.objects.filter(court_id=court_id, normalised=key)
            .exclude(case_id=self.case_id)
            .exclude(pk=self.pk)
            .first()
        )
        if clash:
            raise ValidationError(
                {"number": f'Case number "{self.number}" is already used in this court.'}
            )

    def save(self, *args, **kwargs):
        self.normalised = normalise_case_number(self.number)
        self.court_id = self.case.court_id
        super().save(*args, **kwargs)
        # The case is indexed before its inline numbers are saved; index them now.
        index.insert_or_update_object(self.case)


class CaseConsolidation(models.Model):
    """Two petitions heard together ("clubbed") from one date, perhaps separated later."""

    case = models.ForeignKey(LegalCase, on_delete=models.CASCADE, related_name="consolidations")
    with_case = models.ForeignKey(
        LegalCase, on_delete=models.CASCADE, related_name="consolidated_into"
    )
    heard_together_from = models.DateField()
    separated_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)
    sources = models.ManyToManyField("tracker.Source", blank=True, related_name="+")

    class Meta:
        ordering = ["heard_together_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "with_case", "heard_together_from"],
                name="tracker_consolidation_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} with {self.with_case}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.case_id and self.case_id == self.with_case_id:
            errors["with_case"] = "A case cannot be heard together with itself."
        elif self.case_id and self.with_case_id and self.case.court_id != self.with_case.court_id:
            errors["with_case"] = "Only cases in the same court can be heard together."
        if (
            self.separated_on
            and self.heard_together_from
            and self.separated_on < self.heard_together_from
        ):
            errors["separated_on"] = (
                f"The separation ({_day(self.separated_on)}) is before the cases were joined "
                f"({_day(self.heard_together_from)})."
            )
        if errors:
            raise ValidationError(errors)


class ReviewedQuerySet(models.QuerySet):
    def published(self):
        """What readers see: rows an editor published, never a reporter's draft in review."""
        return self.filter(live=True)


class Reviewed(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A record reporters keep: their additions and edits are drafts until an editor or a
    moderator approves them in the "Editorial review" workflow, and every published version is
    kept as a revision, so the public change list can say what changed and when. Its sources
    are a ParentalManyToManyField so that a draft's sources wait in the revision with the rest.
    """

    class Meta:
        abstract = True


class HearingQuerySet(ReviewedQuerySet):
    def upcoming(self) -> HearingQuerySet:
        """Published hearings from today on (Pakistan time), soonest first."""
        return (
            self.published()
            .filter(date__gte=timezone.localdate())
            .select_related("case__court", "bench")
            .order_by("date", "case__court__name")
        )


class Hearing(Reviewed, index.Indexed):
    case = models.ForeignKey(LegalCase, on_delete=models.CASCADE, related_name="hearings")
    date = models.DateField()
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.EXACT
    )
    bench = optional_link(Bench, related_name="hearings")
    result = models.CharField(max_length=30, blank=True, choices=HearingResult.choices)
    what_happened = models.TextField(blank=True, help_text="Key remarks, paraphrased.")
    directions = models.TextField(blank=True, help_text="One direction per line.")
    appeared = models.CharField(max_length=500, blank=True, help_text="Who appeared.")
    summoned = models.CharField(
        max_length=500, blank=True, help_text="Who must appear at the next hearing."
    )
    next_date = models.DateField(null=True, blank=True)
    next_date_note = models.CharField(
        max_length=200, blank=True, help_text='e.g. "sine die" or "after 10 May".'
    )
    article = optional_link(
        "newsroom.ArticlePage",
        related_name="tracker_hearings",
        help_text="The Court Updates story that reports this hearing.",
    )
    sources = optional_links("tracker.Source", related_name="hearings")

    objects = HearingQuerySet.as_manager()

    panels = [
        FieldPanel("case"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("date_precision")]),
        FieldPanel("bench"),
        FieldPanel("result"),
        FieldPanel("what_happened"),
        FieldPanel("directions"),
        FieldRowPanel([FieldPanel("appeared"), FieldPanel("summoned")]),
        FieldRowPanel([FieldPanel("next_date"), FieldPanel("next_date_note")]),
        FieldPanel("article"),
        FieldPanel("sources"),
    ]

    search_fields = indexed(
        "what_happened",
        "directions",
        "summoned",
        index.RelatedFields("case", [index.SearchField("title")]),
        filters=("date", "live"),
    )

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.case} — {_day(self.date)}" if self.case_id else _day(self.date)

    def get_absolute_url(self) -> str:
        return f"{self.case.get_absolute_url()}#hearing-{self.pk}"

    @property
    def title(self) -> str:
        court = self.case.court
        return f"{court.short_name or court.name} hearing: {self.case.title}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        case = self.case if self.case_id else None
        if case and case.filed_on and self.date and self.date < case.filed_on:
            errors["date"] = (
                f"This hearing ({_day(self.date)}) is before the case was filed "
                f"({_day(case.filed_on)})."
            )
        if self.next_date and self.date and self.next_date <= self.date:
            errors["next_date"] = "The next date must come after this hearing."
        if case and self.bench_id and self.bench.court_id != case.court_id:
            errors["bench"] = f"This bench sits in {self.bench.court}, not in {case.court}."
        if errors:
            raise ValidationError(errors)


class Order(Reviewed, index.Indexed):
    """A court order or judgment, or a government order such as the ministry's blocking letter.

    Its document (a PDF) is read once per file so site search finds the order by its words.
    """

    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=OrderKind.choices)
    date = models.DateField(help_text="Date issued; written orders often follow the hearing.")
    case = models.ForeignKey(
        LegalCase, null=True, blank=True, on_delete=models.CASCADE, related_name="orders"
    )
    hearing = optional_link(Hearing, related_name="orders")
    incident = optional_link(
        "tracker.Incident",
        related_name="orders",
        help_text="For a government order: the incident it caused. The order stays if the "
        "incident is deleted.",
    )
    issued_by = optional_link("tracker.Actor", related_name="orders")
    reference_no = models.CharField(max_length=100, blank=True)
    summary = models.TextField(blank=True)
    document = optional_link(
        "wagtaildocs.Document",
        help_text="The order itself (PDF): its text is read for the site search.",
    )
    document_text = models.TextField(editable=False, blank=True)
    document_hash = models.CharField(max_length=40, editable=False, blank=True)
    sources = optional_links("tracker.Source", related_name="orders")

    objects = ReviewedQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("case"), FieldPanel("hearing")]),
        FieldPanel("incident"),
        FieldRowPanel([FieldPanel("issued_by"), FieldPanel("reference_no")]),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("sources"),
    ]

    search_fields = indexed(
        index.SearchField("title", boost=2),
        "summary",
        "reference_no",
        "document_text",
        filters=("date", "live"),
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "order or judgment"
        verbose_name_plural = "orders and judgments"

    def __str__(self) -> str:
        return f"{self.title} ({_day(self.date)})"

    def get_absolute_url(self) -> str:
        """Its place on its case's page, or else on its incident's."""
        record = self.case or self.incident
        return f"{record.get_absolute_url()}#order-{self.pk}" if record else ""

    def save(self, *args, **kwargs):
        self.read_document()
        super().save(*args, **kwargs)

    def read_document(self) -> None:
        """Keep `document_text` to the document's file: read again only when the file changed."""
        if not self.document_id:
            self.document_text, self.document_hash = "", ""
            return
        document = self.document
        if document.file_hash and document.file_hash == self.document_hash:
            return
        text = ""
        if document.file_extension.lower() == "pdf":
            with document.open_file() as file:
                text, _ = pdf_text.read_pdf(file)
        self.document_text, self.document_hash = text, document.file_hash

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if not self.case_id and not self.incident_id:
            errors["case"] = "Link the order to a case, an incident, or both."
        if self.hearing_id:
            if not self.case_id:
                errors["hearing"] = "A hearing's order must name its case."
            elif self.hearing.case_id != self.case_id:
                errors["hearing"] = "This hearing belongs to another case."
            elif self.date and self.date < self.hearing.date:
                errors["date"] = "An order cannot be issued before the hearing that made it."
        if (
            self.case_id
            and self.kind != OrderKind.GOVERNMENT_ORDER
            and self.case.filed_on
            and self.date
            and self.date < self.case.filed_on
        ):
            errors["date"] = (
                f"This court order ({_day(self.date)}) is before the case was filed "
                f"({_day(self.case.filed_on)})."
            )
        if errors:
            raise ValidationError(errors)
