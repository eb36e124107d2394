"""Queries that list articles, shared by the home page, sections, archives and the sidebar."""

from __future__ import annotations

from django.db.models import QuerySet

from drmonitor.newsroom.models import ArticlePage, SectionPage


def live_articles() -> QuerySet[ArticlePage]:
    """Live articles, newest first, with what a teaser needs fetched up front."""
    return (
        ArticlePage.objects.live()
        .order_by("-date_published", "-pk")
        .select_related("featured_image")
        .prefetch_related("article_authors__author")
        .defer_streamfields()
    )


def front_page_context(home) -> dict:
    """The lead story, the latest after it, and a block per top-level section."""
    latest = list(live_articles()[:9])
    sections = SectionPage.objects.child_of(home).live().in_menu().specific()
    return {
        "lead": latest[0] if latest else None,
        "latest": latest[1:],
        "section_blocks": [
            (section, list(section.articles().select_related("featured_image")[:4]))
            for section in sections
        ],
    }
