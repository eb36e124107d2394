"""The front page: the only page that composes the parts below it."""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.models import Orderable, Page

from drmonitor.core.fields import optional_blocks
from drmonitor.core.page_context import Context, PageContext
from drmonitor.core.privacy import ViewRestrictionsInOneQuery
from drmonitor.core.routing import route_by_url_path
from drmonitor.home.front import LEAD_PACKAGE, compose
from drmonitor.newsroom.teasers import pool_for
from drmonitor.tracker.panels import evidence_desk


class CuratedBlock(blocks.StructBlock):
    """A row of stories an editor picks by hand, under a heading of their choosing."""

    heading = blocks.CharBlock(max_length=80, help_text='e.g. "Editor\'s picks", "Explainers"')
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="newsroom.ArticlePage"), min_num=1, max_num=4
    )

    class Meta:
        icon = "list-ul"
        label = "Curated row"


class HomePage(ViewRestrictionsInOneQuery, PageContext, Page):
    """The site root. Its children are the top-level sections of the menu."""

    curated = optional_blocks(
        "row",
        CuratedBlock(),
        help_text="Rows of hand-picked stories, shown under the lead package in this order.",
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage", "newsroom.InformationPage"]

    content_panels = Page.content_panels + [
        MultipleChooserPanel(
            "lead_stories",
            chooser_field_name="article",
            label="Lead package",
            help_text=(
                f"The lead story first, then up to {LEAD_PACKAGE - 1} more, in the order shown. "
                "Places left empty take the newest stories."
            ),
            max_num=LEAD_PACKAGE,
        ),
        FieldPanel("curated"),
    ]

    def route(self, request, path_components):
        if path_components:
            found = route_by_url_path(self, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def lead_story_ids(self) -> list[int]:
        """The live stories of the lead package, in the editors' order."""
        chosen = LeadStory.objects.filter(home=self, article__live=True)
        return list(chosen.order_by("sort_order", "pk").values_list("article_id", flat=True))

    def own_context(self, context: Context) -> Context:
        request = context["request"]
        front = compose(self, request)
        pool_for(request, shown=front.all_ids())
        return {"front": front, **evidence_desk()}


class LeadStory(Orderable):
    """One story of the lead package, in the order editors give."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="lead_stories")
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "lead story"
