"""The resources library: laws and policies, research and publications, international frameworks.

Each entry is an article of the newsroom (an `ArticlePage` subclass), so it has a byline, a date,
tags and a section, and is listed, fed and searched as articles are; what it adds is the
structured record a reader of a library expects: a law's status and dates, its sections by
anchor and the tracker's incidents and cases that cite it; a report's authors, date and
citation; an instrument's articles. Every entry may carry documents (PDFs), whose text is read
once and indexed with the entry, so site search finds a phrase that is only inside a PDF.

A library section (`LibraryIndex`) is a newsroom section that lists its entries with filters
by type, status and year.
"""

from __future__ import annotations

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index

from drmonitor.core import pdf_text
from drmonitor.core.caching import depends_on
from drmonitor.core.fields import optional_blocks, optional_link, optional_links
from drmonitor.core.index_fields import indexed
from drmonitor.core.page_context import Context
from drmonitor.core.page_tree import lives_only_in
from drmonitor.core.panels import field_panels, fieldset
from drmonitor.library.blocks import ProvisionBlock, provision_anchor
from drmonitor.library.citation import Citation
from drmonitor.library.filters import (
    FrameworkFilter,
    LawFilter,
    LibraryFilter,
    ResearchFilter,
    listing,
)
from drmonitor.library.vocab import (
    FrameworkScope,
    FrameworkType,
    InstrumentType,
    LawStatus,
    ResearchType,
)
from drmonitor.newsroom import keys as newsroom_keys
from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.tracker import keys as tracker_keys
from drmonitor.tracker.models import Incident, LegalCase


class DocumentText(models.Model):
    """What a document's file says and how many pages it has, read once per file (by hash)."""

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, related_name="library_text"
    )
    file_hash = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Text of {self.document}"

    @classmethod
    def of(cls, document) -> DocumentText:
        """The stored reading of `document`, read again when its file has changed."""
        found = cls.objects.filter(document=document).first()
        if found is not None and found.file_hash == document.file_hash:
            return found
        text, pages = "", None
        if document.file_extension.lower() == "pdf":
            with document.open_file() as file:
                text, pages = pdf_text.read_pdf(file)
        found = found or cls(document=document)
        found.file_hash, found.text, found.pages = document.file_hash, text, pages
        found.save()
        return found


class LibraryPage(ArticlePage):
    """What every library entry has beyond an article: its documents, found by their text."""

    is_creatable = False

    search_fields = ArticlePage.search_fields + indexed("document_text")

    document_panels = [InlinePanel("documents", label="Documents (PDF)")]

    class Meta:
        verbose_name = "library entry"

    def attachments(self) -> list[LibraryDocument]:
        return list(self.documents.select_related("document").order_by("sort_order"))

    def document_text(self) -> str:
        """The text of every attached PDF, for the search index."""
        return "\n".join(DocumentText.of(item.document).text for item in self.documents.all())

    def own_context(self, context: Context) -> Context:
        return {"attachments": self.attachments()}


def reindex_entries_using(document) -> None:
    """A document's file was replaced: the entries that attach it are found by its new words."""
    for entry in LibraryPage.objects.filter(documents__document=document).distinct():
        index.insert_or_update_object(entry.specific)


class LibraryDocument(Orderable):
    """A document of a library entry: the act as passed, a gazette copy, the full report."""

    page = ParentalKey(LibraryPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="library_uses"
    )
    kind = models.CharField(
        "type",
        max_length=100,
        blank=True,
        help_text='What the file is, e.g. "Act as passed", "Summary", "Full report".',
    )
    date = models.DateField(null=True, blank=True, help_text="The document's own date, if known.")

    panels = field_panels("document", ("kind", "date"))

    class Meta(Orderable.Meta):
        verbose_name = "document"

    def __str__(self) -> str:
        return self.kind or self.document.title


def tracker_records(related_name: str, of_what: str) -> ParentalManyToManyField:
    """A library entry's links to the tracker's `Law` records of `of_what`, whose citing
    incidents and cases its page lists."""
    return optional_links(
        "tracker.Law",
        related_name=related_name,
        verbose_name="tracker records",
        help_text=f"The tracker's records of {of_what}; the incidents and cases that cite any "
        "of them are listed on this page.",
    )


class CitedProvisions(models.Model):
    """Laws and instruments have provisions a reader links to by anchor, and the tracker's
    incidents and cases cite them through its own `Law` records."""

    provision_label: ClassVar[str] = "section"
    provision_panels: ClassVar[list] = field_panels("provisions", "tracker_laws")

    provisions = optional_blocks(
        "provision",
        ProvisionBlock(),
        help_text="The sections or articles readers need, each linkable as #section-37.",
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def provision_list(self, citing: bool = False) -> list[dict]:
        """Each provision with its anchor, in order; with `citing`, the tracker's incidents
        and cases that cite it."""
        provisions = []
        for block in self.provisions:
            law = block.value.get("tracker_law")
            provision = {
                "anchor": provision_anchor(self.provision_label, block.value["number"]),
                "label": f"{self.provision_label.capitalize()} {block.value['number']}",
                "heading": block.value.get("heading", ""),
                "text": block.value.get("text"),
                "source": block.value.get("source"),
            }
            if citing and law is not None:
                provision["citing_incidents"] = list(
                    law.incidents.published().order_by("-start_date")
                )
                provision["citing_cases"] = list(law.cases.published().order_by("title"))
            provisions.append(provision)
        return provisions

    def cited_laws(self) -> set[int]:
        """The tracker's records of this instrument and of each of its provisions."""
        laws = set(self.tracker_laws.values_list("pk", flat=True))
        for block in self.provisions:
            law = block.value.get("tracker_law")
            if law is not None:
                laws.add(law.pk)
        return laws

    def clean(self) -> None:
        super().clean()
        anchors = [provision["anchor"] for provision in self.provision_list()]
        repeated = sorted({anchor for anchor in anchors if anchors.count(anchor) > 1})
        if repeated:
            raise ValidationError(
                {"provisions": f"Two provisions share a number: {', '.join(repeated)}."}
            )

    def citing_incidents(self) -> QuerySet[Incident]:
        return Incident.objects.published().filter(legal_basis__in=self.cited_laws()).distinct()

    def citing_cases(self) -> QuerySet[LegalCase]:
        return (
            LegalCase.objects.published()
            .filter(laws__in=self.cited_laws())
            .select_related("court")
            .distinct()
        )

    def own_context(self, context: Context) -> Context:
        """What the page shows of the tracker: it goes stale with any tracker record."""
        depends_on(tracker_keys.RECORDS)
        return {
            "provisions": self.provision_list(citing=True),
            "citing_incidents": list(self.citing_incidents().order_by("-start_date")),
            "citing_cases": list(self.citing_cases().order_by("title")),
        }


class LibraryIndex:
    """A section of the library: lists its entries (its own and those filed here as extras),
    with filters by type, status and year in the query string."""

    entry_model: ClassVar[type[LibraryPage]]
    filter_form: ClassVar[type[LibraryFilter]]
    entry_noun: ClassVar[str] = "entry"

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        # A library holds only its own kind of entry, which lives in no other library. (The
        # models migrations build from their history have no entry model: they need no
        # subpage types.)
        if "entry_model" in cls.__dict__:
            lives_only_in(cls)(cls.entry_model)

    def get_template(self, request, *args, **kwargs) -> str:
        return "library/library_index_page.html"

    def entries(self) -> QuerySet:
        """Live, public entries listed here, newest first."""
        return (
            self.entry_model.objects.live()
            .public()
            .listed_in(self)
            .distinct()
            .order_by("-date_published", "-pk")
        )

    def listing_context(self, request: HttpRequest) -> Context:
        """A library section lists its entries, filtered, then the other articles filed here
        (in place of a section's list of articles)."""
        depends_on(newsroom_keys.section_articles(self.pk))
        return {
            **listing(self.filter_form, self.entries(), request),
            "other_articles": self.articles_besides(self.entry_model),
            "entry_noun": self.entry_noun,
        }


class LawPage(CitedProvisions, LibraryPage):
    """A law or policy: PECA 2016, the PTA Act 1996, a set of rules, a bill."""

    jurisdiction = optional_link("tracker.Country")
    instrument_type = models.CharField(max_length=20, choices=InstrumentType.choices)
    status = models.CharField(max_length=20, choices=LawStatus.choices)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year in its title, e.g. 2016 for PECA 2016."
    )
    tabled_on = models.DateField(null=True, blank=True, help_text="Leave empty when unknown.")
    passed_on = models.DateField(null=True, blank=True, help_text="Leave empty when unknown.")
    amended_on = models.DateField(
        null=True, blank=True, help_text="The latest amendment; leave empty when unknown."
    )
    tracker_laws = tracker_records("law_pages", "this law and its provisions")

    content_panels = ArticlePage.content_panels + [
        fieldset(
            "The law",
            ("jurisdiction", "instrument_type", "year"),
            "status",
            ("tabled_on", "passed_on", "amended_on"),
        ),
        *CitedProvisions.provision_panels,
        *LibraryPage.document_panels,
    ]
    search_fields = LibraryPage.search_fields + indexed(
        "provisions", filters=("status", "instrument_type", "year")
    )

    class Meta:
        verbose_name = "law or policy"
        verbose_name_plural = "laws and policies"

    @property
    def provision_label(self) -> str:
        """A constitution has articles (#article-19); acts, ordinances and rules, sections."""
        return "article" if self.instrument_type == InstrumentType.CONSTITUTION else "section"

    def clean(self) -> None:
        super().clean()
        dates = [("tabled_on", self.tabled_on), ("passed_on", self.passed_on)]
        dates.append(("amended_on", self.amended_on))
        known = [(name, when) for name, when in dates if when]
        for (earlier, first), (later, second) in zip(known, known[1:], strict=False):
            if second < first:
                label = later.replace("_on", "").replace("passed", "passage")
                raise ValidationError({later: f"The {label} date is before the {earlier[:-3]}."})


class LawLibraryPage(LibraryIndex, SectionPage):
    """Resources › Laws and Policies."""

    entry_model = LawPage
    filter_form = LawFilter
    entry_noun = "law"

    class Meta:
        verbose_name = "library of laws and policies"


class FrameworkPage(CitedProvisions, LibraryPage):
    """A UN or regional instrument: a treaty, a declaration, a treaty body's general comment."""

    provision_label = "article"

    scope = models.CharField(max_length=20, choices=FrameworkScope.choices)
    framework_type = models.CharField("type", max_length=20, choices=FrameworkType.choices)
    adopted_by = models.CharField(
        max_length=200, blank=True, help_text="e.g. UN General Assembly; empty when unknown."
    )
    adopted_on = models.DateField(null=True, blank=True, help_text="Leave empty when unknown.")
    tracker_laws = tracker_records("framework_pages", "this instrument's articles")

    content_panels = ArticlePage.content_panels + [
        fieldset("The instrument", ("scope", "framework_type"), ("adopted_by", "adopted_on")),
        *CitedProvisions.provision_panels,
        *LibraryPage.document_panels,
    ]
    search_fields = LibraryPage.search_fields + indexed("provisions")

    class Meta:
        verbose_name = "international framework"

    @property
    def year(self) -> int | None:
        return self.adopted_on.year if self.adopted_on else None


class FrameworkLibraryPage(LibraryIndex, SectionPage):
    """Resources › International Frameworks."""

    entry_model = FrameworkPage
    filter_form = FrameworkFilter
    entry_noun = "instrument"

    class Meta:
        verbose_name = "library of international frameworks"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class ResearchPage(LibraryPage):
    """A report, index, guide or publication: ours or another organisation's, with its
    authors, date, cover (the featured image), abstract (the standfirst) and citation."""

    research_type = models.CharField("type", max_length=20, choices=ResearchType.choices)
    creators = models.TextField(
        "authors as cited",
        blank=True,
        help_text="One per line, as the citation names them (people or organisations). "
        "Empty: the byline.",
    )
    publisher = models.CharField(max_length=200, blank=True)
    issued = models.DateField(
        "date issued", null=True, blank=True, help_text="Leave empty when unknown."
    )
    issued_precision = models.CharField(
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How much of the date is known: a report dated only by its month says Month.",
    )
    external_url = models.URLField(
        "publisher's page", blank=True, max_length=500, help_text="Where the original lives."
    )

    content_panels = ArticlePage.content_panels + [
        fieldset(
            "The publication",
            ("research_type", "publisher"),
            "creators",
            ("issued", "issued_precision"),
            "external_url",
        ),
        *LibraryPage.document_panels,
    ]
    search_fields = LibraryPage.search_fields + indexed("creators", "publisher")

    class Meta:
        verbose_name = "research or publication"
        verbose_name_plural = "research and publications"

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None

    def creator_names(self) -> list[str]:
        """Whom the citation names: the cited authors, or else the byline."""
        names = [line.strip() for line in self.creators.splitlines() if line.strip()]
        return names or [author.name for author in self.authors()]

    def citation(self, request=None) -> Citation:
        """How to cite it, with its address as the reader reached it."""
        return Citation.of(self, self.get_full_url(request) or "")

    def own_context(self, context: Context) -> Context:
        return {"citation": self.citation(context["request"])}


class ResearchLibraryPage(LibraryIndex, SectionPage):
    """Resources › Research, and DRM Advocacy › Publications."""

    entry_model = ResearchPage
    filter_form = ResearchFilter
    entry_noun = "publication"

    class Meta:
        verbose_name = "library of research"
