"""What the front page, the sidebar and the archives list, as ids kept until the lists change."""

from __future__ import annotations

from django.http import Http404
from taggit.models import Tag

from drmonitor.core.caching import depends_on, keep
from drmonitor.core.caching import keys as core_keys
from drmonitor.newsroom import keys
from drmonitor.newsroom.models import ArticlePage, ArticleQuerySet, SectionPage

SIDEBAR_RECENT = 5
LATEST = 8  # teasers after the lead story on the front page
BLOCK_SIZE = 4


def live_articles() -> ArticleQuerySet:
    """Live articles, newest first, with what a teaser needs fetched up front."""
    return ArticlePage.objects.live().teasers()


def front_page(home) -> dict:
    """The lead story, the latest after it, and a block per top-level section, as article ids."""
    depends_on(core_keys.MENU)  # the blocks are the menu's top-level sections
    sections = list(SectionPage.objects.child_of(home).live().in_menu())
    newest = keep(
        "front-latest",
        lambda: list(live_articles().values_list("pk", flat=True)[: LATEST + 1]),
        depends=[keys.ARTICLES],
    )

    def block_ids() -> dict[int, list[int]]:
        # One query per section, so it is worth keeping.
        return {
            section.pk: list(section.articles().values_list("pk", flat=True)[:BLOCK_SIZE])
            for section in sections
        }

    chosen = keep(
        f"front-blocks:{home.pk}",
        block_ids,
        depends=[keys.section_articles(section.pk) for section in sections],
    )
    return {
        "lead": newest[:1],
        "latest": newest[1:],
        "section_blocks": [(section, chosen.get(section.pk, [])) for section in sections],
    }


def recent_ids() -> list[int]:
    """The newest articles, for the sidebar: every page shows them and every publish changes
    them, so pages do not go stale with them (see core/caching/kept.py)."""
    return keep(
        "recent-ids",
        lambda: list(live_articles().values_list("pk", flat=True)[:SIDEBAR_RECENT]),
        depends=[keys.ARTICLES],
        propagate=False,
    )


def tag_for_slug(slug: str) -> Tag:
    """Tags are case-insensitive: /tag/X-Ban/ and /tag/x-ban/ are the same page."""
    tag = Tag.objects.filter(slug__iexact=slug).order_by("pk").first()
    tag = tag or Tag.objects.filter(name__iexact=slug).order_by("pk").first()
    if tag is None:
        raise Http404("No such tag")
    depends_on(keys.tag(tag.pk))
    return tag


def archive_months(year: int) -> list:
    """The first moment of each month of `year` that has articles (Pakistan time), in order."""
    depends_on(keys.archive(year))
    return list(ArticlePage.objects.live().dated(year).datetimes("date_published", "month"))
