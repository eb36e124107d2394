"""Campaigns and statements as readers meet them: a page per campaign and per statement.

The facts stay where the evidence desk keeps them: a tracker `Campaign` holds the hashtags, the
dates, the organisers and the incidents it answers; a tracker `Statement` holds the date, the
issuers, the count of signatories that reports state and its incidents. The pages here add what a
reader needs around those facts: a campaign's aims, calls to action, supporters' quotes and its
articles (filed in it, as in any section); a statement's full text, its signatories by name and
its downloads. A page points at its record; no fact is entered twice.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from drmonitor.advocacy import keys
from drmonitor.advocacy.blocks import CallToActionBlock, DownloadBlock, SupporterQuoteBlock
from drmonitor.core.caching import depends_on
from drmonitor.core.fields import optional_blocks, optional_link, optional_links
from drmonitor.core.index_fields import indexed
from drmonitor.core.page_context import Context
from drmonitor.core.page_tree import lives_only_in
from drmonitor.core.panels import field_panels, fieldset
from drmonitor.newsroom.blocks import PARAGRAPH_FEATURES
from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.tracker import keys as tracker_keys


class CampaignsPage(SectionPage):
    """The Campaigns section: every campaign's page, then the articles filed in any of them."""

    subpage_types = ["advocacy.CampaignPage", "newsroom.SectionPage", "newsroom.ArticlePage"]

    class Meta:
        verbose_name = "campaigns section"

    def own_context(self, context: Context) -> Context:
        depends_on(keys.CAMPAIGN_PAGES, tracker_keys.RECORDS)
        return {"campaigns": self.campaigns()}

    def campaigns(self):
        return (
            CampaignPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("campaign")
            .order_by(F("campaign__start_date").desc(nulls_last=True), "title")
        )


class CampaignPage(SectionPage):
    """One campaign (#PrivacyHumSabKe, #RestoreX): a section of its own, so its articles are
    filed in it and it has a feed, with the campaign's record and what it asks of readers."""

    campaign = optional_link(
        "tracker.Campaign",
        one_to_one=True,
        related_name="page",
        help_text="The tracker's record: hashtags, dates, organisers, incidents, sources.",
    )
    aims = RichTextField(blank=True, features=PARAGRAPH_FEATURES)
    calls_to_action = optional_blocks("action", CallToActionBlock())
    supporter_quotes = optional_blocks(
        "quote",
        SupporterQuoteBlock(),
        help_text="Only quotes a published source gives, with that source.",
    )
    statements = optional_links(
        "tracker.Statement",
        related_name="campaign_pages",
        help_text="Statements the campaign issued or carries.",
    )

    parent_page_types = ["advocacy.CampaignsPage", "newsroom.SectionPage"]
    subpage_types = ["newsroom.ArticlePage"]

    content_panels = SectionPage.content_panels + field_panels(
        "campaign", "aims", "calls_to_action", "supporter_quotes", "statements"
    )
    search_fields = SectionPage.search_fields + indexed(
        "aims", "hashtags", autocomplete=("hashtags",)
    )

    class Meta:
        verbose_name = "campaign"

    def own_context(self, context: Context) -> Context:
        # The record and the incidents and statements it links are the tracker's; the
        # statements' own pages are this app's.
        depends_on(tracker_keys.RECORDS, keys.STATEMENT_PAGES)
        record = self.campaign
        statements = list(self.statements.all())
        pages = {
            page.statement_id: page
            for page in StatementPage.objects.live().public().filter(statement__in=statements)
        }
        return {
            "campaign": record,
            "organisers": list(record.organisers.all()) if record else [],
            "incidents": list(record.incidents.published()) if record else [],
            "sources": list(record.sources.all()) if record else [],
            "statements": [(s, pages.get(s.pk)) for s in statements],
        }

    def hashtags(self) -> str:
        """The record's hashtags, for the search index: '#RestoreX #internetkholo'."""
        return " ".join(self.campaign.hashtag_list()) if self.campaign else ""


class StatementsPage(SectionPage):
    """The Statements section: the statements, newest first by the date they were made."""

    class Meta:
        verbose_name = "statements section"

    def own_context(self, context: Context) -> Context:
        depends_on(keys.STATEMENT_PAGES, tracker_keys.RECORDS)
        return {
            "statements": self.statements(),
            "other_articles": self.articles_besides(StatementPage),
        }

    def statements(self):
        return (
            StatementPage.objects.live()
            .public()
            .child_of(self)
            .select_related("statement")
            .prefetch_related("signatories")
            .order_by("-statement__date", "title")
        )


@lives_only_in(StatementsPage)
class StatementPage(ArticlePage):
    """A joint statement: its full text is the article's body; its date, issuers, stated count
    and incidents are the tracker record's; its signatories are listed here by name."""

    statement = models.OneToOneField(
        "tracker.Statement",
        on_delete=models.PROTECT,
        related_name="page",
        help_text="The tracker's record: date, issuers, stated number of signatories, incidents.",
    )
    downloads = optional_blocks(
        "document", DownloadBlock(), help_text="The statement as issued (PDF)."
    )

    content_panels = ArticlePage.content_panels + field_panels(
        "statement",
        fieldset(
            "Signatories",
            InlinePanel("signatories", label="Signatory"),
            help_text="Leave empty when the names are not known; the stated count is the record's.",
        ),
        "downloads",
    )
    search_fields = ArticlePage.search_fields + indexed("signatory_names")

    class Meta:
        verbose_name = "statement"

    def own_context(self, context: Context) -> Context:
        depends_on(tracker_keys.RECORDS, keys.CAMPAIGN_PAGES)
        statement = self.statement
        return {
            "statement": statement,
            "issuers": list(statement.actors.all()),
            "campaign_pages": list(
                CampaignPage.objects.live().public().filter(statements=statement)
            ),
        }

    def signatory_names(self) -> str:
        return " ".join(signatory.name for signatory in self.signatories.all())

    @cached_property
    def signatory_list(self) -> list[Signatory]:
        return list(self.signatories.all())

    def organisations(self) -> list[Signatory]:
        return [s for s in self.signatory_list if s.kind == Signatory.Kind.ORGANISATION]

    def individuals(self) -> list[Signatory]:
        return [s for s in self.signatory_list if s.kind == Signatory.Kind.INDIVIDUAL]


class Signatory(Orderable):
    """One organisation or person who signed, as printed on the statement."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", "Organisation"
        INDIVIDUAL = "individual", "Individual"

    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ORGANISATION)
    actor = optional_link(
        "tracker.Actor",
        help_text="When the tracker has a record of them, their page is linked.",
    )

    panels = field_panels("name", "kind", "actor")

    def __str__(self) -> str:
        return self.name
