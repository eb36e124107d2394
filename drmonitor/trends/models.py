"""Trends Monitor: the series that examines trending political hashtags on X.

Each trend is an article with structured figures (the hashtag, the days it trended, its peak
volume, the accounts that drove it, the share of new or suspicious accounts), so the section's
landing page can chart them over time beside what the whole desk covers. A figure nobody
measured stays empty and reads "not recorded": a blank is never shown as a zero.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from drmonitor.core.fields import optional_blocks
from drmonitor.core.index_fields import indexed
from drmonitor.core.page_tree import lives_only_in
from drmonitor.core.panels import field_panels, fieldset
from drmonitor.newsroom.blocks import CaptionedImageBlock
from drmonitor.newsroom.models import ArticlePage, SectionPage


def _share_field(label: str) -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Per cent of the accounts posting it; empty when not measured.",
    )


class TrendsMonitorPage(SectionPage):
    """The Trends Monitor section: its trends charted over time, and what the desk covers.

    The charts are drawn by the template tag `desk_charts` (trends/templatetags).
    """

    class Meta:
        verbose_name = "Trends Monitor section"


@lives_only_in(TrendsMonitorPage)
class TrendPage(ArticlePage):
    """One trending hashtag, examined: the article is the analysis, the fields its figures."""

    hashtag = models.CharField(max_length=140, help_text="As it trended, e.g. #RestoreX.")
    trended_from = models.DateField(null=True, blank=True)
    trended_until = models.DateField(
        null=True, blank=True, help_text="Empty while it trends, or when not known."
    )
    peak_volume = models.PositiveIntegerField(
        null=True, blank=True, help_text="Posts at the peak; empty when not measured."
    )
    new_account_share = _share_field("share of new accounts")
    suspicious_account_share = _share_field("share of suspicious accounts")
    figures_source = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who counted the figures, with what and over which period.",
    )
    narrative = models.TextField(blank=True, help_text="What the hashtag pushed, in brief.")
    screenshots = optional_blocks("screenshot", CaptionedImageBlock())

    content_panels = ArticlePage.content_panels + field_panels(
        fieldset(
            "The trend in figures",
            "hashtag",
            ("trended_from", "trended_until"),
            "peak_volume",
            ("new_account_share", "suspicious_account_share"),
            "figures_source",
            "narrative",
        ),
        InlinePanel("drivers", label="Account that drove it"),
        "screenshots",
    )
    search_fields = ArticlePage.search_fields + indexed(
        index.SearchField("hashtag", boost=3), "narrative", autocomplete=("hashtag",)
    )

    class Meta:
        verbose_name = "trend"

    def clean(self) -> None:
        super().clean()
        self.hashtag = f"#{self.hashtag.strip().lstrip('#')}" if self.hashtag.strip() else ""
        if self.trended_from and self.trended_until and self.trended_until < self.trended_from:
            raise ValidationError(
                {"trended_until": f"The end ({self.trended_until:%d %b %Y}) is before the start."}
            )


class TrendDriver(Orderable):
    """An account that drove a trend, as the analysis names it."""

    page = ParentalKey(TrendPage, on_delete=models.CASCADE, related_name="drivers")
    handle = models.CharField(max_length=100, help_text="e.g. @example")
    posts = models.PositiveIntegerField(
        null=True, blank=True, help_text="Its posts under the hashtag; empty when not counted."
    )
    note = models.CharField(max_length=300, blank=True)

    panels = field_panels("handle", "posts", "note")

    def __str__(self) -> str:
        return self.handle
