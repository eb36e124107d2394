"""The dependency keys of the newsroom's lists and records (see core/caching).

An article's own content is `core.caching.keys.page(pk)`; these name the lists it appears in
and the records pages show beside it. newsroom/dependencies.py says which writes make them
stale.
"""

from __future__ import annotations

from drmonitor.core.caching.keys import record

# Every live article, newest first: the front page's latest, the sidebar, the site feed.
ARTICLES = "articles"


def section_articles(section_pk: int) -> str:
    """The live articles a section lists: its own, its subsections', its extra ones."""
    return f"page:{section_pk}:articles"


def neighbours(article_pk: int) -> str:
    """Which articles come just before and after this one by date."""
    return f"page:{article_pk}:neighbours"


def tag(tag_pk: int) -> str:
    return record("taggit.tag", tag_pk)


def tag_articles(tag_pk: int) -> str:
    return record("taggit.tag", tag_pk) + ":articles"


def author(author_pk: int) -> str:
    return record("newsroom.author", author_pk)


def author_articles(author_pk: int) -> str:
    return record("newsroom.author", author_pk) + ":articles"


def archive(year: int, month: int | None = None) -> str:
    """The articles dated in a year, or a month of it (Pakistan time)."""
    return f"archive:{year}" if month is None else f"archive:{year}-{month:02d}"
