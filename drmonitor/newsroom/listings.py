"""What the front page, the sidebar and the archives list, as ids kept until the lists change."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.http import Http404
from taggit.models import Tag

from drmonitor.core.caching import depends_on, keep
from drmonitor.core.caching import keys as core_keys
from drmonitor.newsroom import keys
from drmonitor.newsroom.models import ArticlePage, ArticleQuerySet, SectionPage

SIDEBAR_RECENT = 5


def live_articles() -> ArticleQuerySet:
    """Live articles, newest first: lists take their ids, teasers.py reads what they show."""
    return ArticlePage.objects.live().newest_first()


def newest_ids(count: int) -> list[int]:
    """The newest live articles' ids, kept until an article is published or changes date."""
    return keep(
        f"newest:{count}",
        lambda: list(
            ArticlePage.objects.live().newest_first().values_list("pk", flat=True)[:count]
        ),
        depends=[keys.ARTICLES],
    )


def live_among(ids: Iterable[int]) -> list[int]:
    """The ids, in their order, of those that are live articles (editors' picks may not be)."""
    ids = list(ids)
    if not ids:
        return []
    live = set(ArticlePage.objects.live().filter(pk__in=ids).values_list("pk", flat=True))
    depends_on(*(core_keys.page(pk) for pk in ids))
    return [pk for pk in ids if pk in live]


def section_candidates(home, count: int) -> list[tuple[SectionPage, list[int]]]:
    """Each top-level section of the menu with the ids of its `count` newest articles (its
    subsections' included), for the front page's section rows."""
    depends_on(core_keys.MENU)  # the rows are the menu's top-level sections
    sections = list(
        SectionPage.objects.child_of(home).live().in_menu().only("title", "url_path", "path")
    )
    chosen = keep(
        f"front-sections:{home.pk}:{count}",
        lambda: newest_in_each(sections, count),
        depends=[keys.section_articles(section.pk) for section in sections],
    )
    return [(section, chosen.get(section.pk, [])) for section in sections]


def newest_in_each(sections: list[SectionPage], count: int) -> dict[int, list[int]]:
    """The ids of each section's `count` newest articles, in one query: each section's list
    walks the date index and stops early, and the lists are read together (UNION ALL, which
    keeps no order: each list is put in order again here).

    The lists differ only in the section's tree path, and Django takes longer to write one
    list's SQL than the database takes to answer them all: the SQL is written once per process
    (and per `count`), and each section gives it its own path.
    """
    if not sections:
        return {}
    sql, first_params, places = _section_list_sql(sections[0], count)
    arms, params = [], []
    for section in sections:
        arms.append(f"SELECT %s, * FROM ({sql}) AS section_{section.pk}")  # noqa: S608 - Django's SQL
        own = list(first_params)
        for place in places:
            own[place] = _below(section)
        params.append(section.pk)
        params.extend(own)
    rows: dict[int, list[tuple]] = {section.pk: [] for section in sections}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(arms), params)
        for section_id, published, pk in cursor.fetchall():
            rows[section_id].append((published, pk))
    return {
        section_id: [pk for _date, pk in sorted(found, reverse=True)]
        for section_id, found in rows.items()
    }


# A section list's SQL by its length: its text, its params, and where the section's path goes.
_section_lists: dict[int, tuple[str, tuple, list[int]]] = {}


def _section_list_sql(section: SectionPage, count: int) -> tuple[str, tuple, list[int]]:
    """The SQL of `section`'s `count` newest articles, written by Django once per count."""
    if count not in _section_lists:
        newest = section.articles().values_list("date_published", "pk")[:count]
        sql, params = newest.query.sql_with_params()
        places = [place for place, param in enumerate(params) if param == _below(section)]
        if not places:
            raise RuntimeError("a section's list no longer matches its articles by tree path")
        _section_lists[count] = (sql, tuple(params), places)
    return _section_lists[count]


def _below(section: SectionPage) -> str:
    """The pattern Django's `path__startswith` gives the database for the section's subtree
    (tree paths are letters and digits: nothing in them needs escaping)."""
    return f"{section.path}%"


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
