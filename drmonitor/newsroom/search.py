"""Site search: what a reader finds for a query, shared by the results page and the live box.

Each kind of record readers can find is a *source*: articles here, and whatever other apps
register with the SEARCH_SOURCES hook (the tracker's incidents, cases and hearings). A source turns
a query and filters into lazy search results, and a page of those into `Hit`s, the neutral shape
templates and the live endpoint show. `site_search` chains the sources into one sequence that a
paginator can count and slice without loading everything.

Words are matched whole first (titles, standfirsts, bodies, tags, author names) with every word
required; when that finds nothing, the last word is taken as the beginning of a word
("censo" finds "censorship"), so the live box has answers while the reader is still typing and
"View All Result" shows the same articles. "Best match" puts headline matches first, then the
newest; "Newest first" is by date alone.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django import forms
from django.db import DatabaseError, connections
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from taggit.models import Tag
from wagtail import hooks
from wagtail.search.models import IndexEntry

from drmonitor.core.caching import keep
from drmonitor.core.caching import keys as core_keys
from drmonitor.newsroom import hooks as newsroom_hooks
from drmonitor.newsroom.models import ArticlePage, ArticleTag, SectionPage, picture_renditions

LIVE_LIMIT = 6
PER_PAGE = 10
THUMBNAIL_SPEC = "fill-96x64"
MAX_QUERY_LENGTH = 200
MAX_RANKED_WORDS = 8
MIN_ENTRIES_TO_ANALYSE = 50

# Dates a search can be narrowed to. Earlier or later ones mean "from the start" or "up to
# now" and are taken as these: midnight of 1 January 1 in Karachi is before the first moment
# a datetime can hold, and the day after 31 December 9999 does not exist.
EARLIEST_DAY = datetime.date(1900, 1, 1)
LATEST_DAY = datetime.date(2999, 12, 31)

ORDER_CHOICES = [("relevance", "Best match"), ("newest", "Newest first")]  # first is default


# --- what a reader asked for ---------------------------------------------------------------

# A word as the search engines take it: letters and digits of any script, joined by inner
# hyphens or apostrophes ("e-safety", "Pakistan's"). Everything else is dropped before the
# query reaches the database, where a lone `"` is full-text syntax and fails the whole query.
SEARCH_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def search_terms(query: str) -> str:
    """The words of what a reader typed, at most MAX_QUERY_LENGTH characters of them."""
    return " ".join(SEARCH_WORD.findall(query[:MAX_QUERY_LENGTH]))


@dataclass(frozen=True)
class Filters:
    """Narrowing a search: a section (with its child sections), a tag, a range of dates."""

    section: SectionPage | None = None
    tag: Tag | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def __bool__(self) -> bool:
        return any((self.section, self.tag, self.date_from, self.date_to))


def section_choices() -> list[tuple[str, str]]:
    """Every live section, in menu order, labelled with its parents: two "News" stay apart."""
    sections = SectionPage.objects.live().order_by("path").values_list("pk", "title", "depth")
    top = min((depth for _pk, _title, depth in sections), default=0)
    trail: list[str] = []
    choices = [("", "All sections")]
    for pk, title, depth in sections:
        trail = trail[: depth - top] + [title]
        choices.append((str(pk), " › ".join(trail)))
    return choices


def tag_choices() -> list[tuple[str, str]]:
    """Tags that live articles carry, by name; slugs are what the URL says."""
    used = ArticleTag.objects.filter(content_object__live=True).values("tag_id")
    tags = Tag.objects.filter(pk__in=used).order_by("name").values_list("slug", "name")
    return [("", "Any tag"), *tags]


def filter_choices() -> tuple[list, list]:
    """Both lists, kept until a page is published, moved or withdrawn."""
    return keep(
        "search-choices", lambda: (section_choices(), tag_choices()), depends=[core_keys.PAGES]
    )


class SearchForm(forms.Form):
    """The query and filters of /search/, read from the query string (`from`, `to` are dates)."""

    q = forms.CharField(label="Search for", required=False, max_length=MAX_QUERY_LENGTH)
    section = forms.TypedChoiceField(label="Section", required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label="Tag", required=False)
    order = forms.ChoiceField(label="Sort by", required=False, choices=ORDER_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` is a Python keyword, so the date fields are added by name.
        date_input = forms.DateInput(attrs={"type": "date"})
        self.fields["from"] = forms.DateField(label="From", required=False, widget=date_input)
        self.fields["to"] = forms.DateField(label="To", required=False, widget=date_input)
        self.fields["section"].choices, self.fields["tag"].choices = filter_choices()
        self.order_fields(["q", "section", "tag", "from", "to", "order"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        return cleaned

    @property
    def query(self) -> str:
        return search_terms(self.cleaned_data.get("q", ""))

    @property
    def sort_order(self) -> str:
        return self.cleaned_data.get("order") or "relevance"

    def filters(self) -> Filters:
        data = self.cleaned_data
        section = tag = None
        if data.get("section"):
            section = SectionPage.objects.live().filter(pk=data["section"]).first()
        if data.get("tag"):
            tag = Tag.objects.filter(slug=data["tag"]).first()
        return Filters(
            section=section,
            tag=tag,
            date_from=within_calendar(data.get("from")),
            date_to=within_calendar(data.get("to")),
        )


def within_calendar(day: datetime.date | None) -> datetime.date | None:
    """`day` moved into EARLIEST_DAY..LATEST_DAY, the range every database and time zone holds."""
    return None if day is None else min(max(day, EARLIEST_DAY), LATEST_DAY)


# --- what a reader finds ---------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One found record as the results page and the live box show it."""

    title: str
    url: str
    kind: str
    date: datetime.datetime | datetime.date | None = None
    summary: str = ""
    context: str = ""  # e.g. the section an article is filed in
    thumbnail: object | None = None  # a rendition, or None
    byline: list = field(default_factory=list)

    def as_json(self) -> dict:
        when = self.date
        if isinstance(when, datetime.datetime):
            when = timezone.localtime(when)
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.kind,
            "date": when.isoformat() if when else None,
            "date_display": f"{when.day} {when:%B %Y}" if when else "",
            "context": self.context,
            "thumbnail": self.thumbnail.url if self.thumbnail else None,
        }


class Source(Protocol):
    """A kind of record the site search finds."""

    def results(self, query: str, filters: Filters, order: str): ...

    def hits(self, records: list, request: HttpRequest | None) -> list[Hit]: ...


def _day_start(day: datetime.date) -> datetime.datetime:
    """Midnight of `day` in the site's time zone, the calendar readers see dates in."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


_analysed: set[str] = set()


def ensure_planner_statistics(alias: str = "default") -> None:
    """Give SQLite's query planner statistics on the search index, once per database.

    Without them SQLite guesses that the index entries of one content type are few, and
    answers every search by probing the full-text table once per article: seconds at 10,000
    articles, even for a word that matches nothing. With any statistics, it starts from the
    full-text match, which takes milliseconds. PostgreSQL keeps its own statistics.
    """
    if alias in _analysed:
        return
    connection = connections[alias]
    if connection.vendor != "sqlite":
        _analysed.add(alias)
        return
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        try:
            cursor.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = %s LIMIT 1", [table])
            has_statistics = cursor.fetchone() is not None
        except DatabaseError:  # no ANALYZE has ever run
            has_statistics = False
        if not has_statistics:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - model's own name
            if cursor.fetchone()[0] < MIN_ENTRIES_TO_ANALYSE:
                return  # too few to say anything; ask again on the next search
            cursor.execute(f'ANALYZE "{table}"')
    _analysed.add(alias)


def headline_first(queryset: QuerySet, query: str) -> QuerySet:
    """Best match, cheaply: query words in the headline count most, in the standfirst next,
    and the newest come first among equals. (Ranking every match with BM25 or ts_rank costs a
    per-row subquery on SQLite, seconds for a common word at 10,000 articles.)"""
    words = query.split()[:MAX_RANKED_WORDS]
    score = Value(0)
    for word in words:
        score = score + Case(When(title__icontains=word, then=Value(2)), default=Value(0))
        score = score + Case(When(standfirst__icontains=word, then=Value(1)), default=Value(0))
    return queryset.annotate(headline_score=score).order_by(
        F("headline_score").desc(), F("date_published").desc(), F("pk").desc()
    )


def matching(queryset: QuerySet, query: str):
    """Whole words first; if none match, the last word as a prefix (autocomplete).

    `queryset` carries the order; the search backends keep it (`order_by_relevance=False`)."""
    ensure_planner_statistics(queryset.db)
    found = queryset.search(query, operator="and", order_by_relevance=False)
    # The count is kept by the results, so the paginator asks the database only once.
    if found.count():
        return found
    return queryset.autocomplete(query, operator="and", order_by_relevance=False)


class ArticleSource:
    """Live, public articles."""

    kind = "article"

    def articles(self, filters: Filters) -> QuerySet[ArticlePage]:
        articles = ArticlePage.objects.live().public()
        if filters.section is not None:
            sections = SectionPage.objects.descendant_of(filters.section, inclusive=True)
            in_section = ArticlePage.objects.filter(
                Q(path__startswith=filters.section.path) | Q(extra_sections__in=sections)
            )
            articles = articles.filter(pk__in=in_section.values("pk"))
        if filters.tag is not None:
            tagged = ArticleTag.objects.filter(tag=filters.tag).values("content_object_id")
            articles = articles.filter(pk__in=tagged)
        if filters.date_from is not None:
            articles = articles.filter(date_published__gte=_day_start(filters.date_from))
        if filters.date_to is not None:
            next_day = filters.date_to + datetime.timedelta(days=1)
            articles = articles.filter(date_published__lt=_day_start(next_day))
        return (
            articles.select_related("featured_image")
            .prefetch_related(picture_renditions(THUMBNAIL_SPEC), "article_authors__author")
            .defer_streamfields()
        )

    def results(self, query: str, filters: Filters, order: str):
        articles = self.articles(filters)
        if not query or order == "newest":
            articles = articles.order_by(F("date_published").desc(), F("pk").desc())
        else:
            articles = headline_first(articles, query)
        return matching(articles, query) if query else articles

    def hits(self, articles: list[ArticlePage], request: HttpRequest | None) -> list[Hit]:
        # An article's section is its parent page: one query for all of them, by tree path.
        parent_paths = {article.path[: -ArticlePage.steplen] for article in articles}
        section_titles = dict(
            SectionPage.objects.filter(path__in=parent_paths).values_list("path", "title")
        )
        hits = []
        for article in articles:
            image = article.featured_image
            hits.append(
                Hit(
                    title=article.title,
                    url=article.get_url(request),
                    kind=self.kind,
                    date=article.date_published,
                    summary=article.standfirst,
                    context=section_titles.get(article.path[: -ArticlePage.steplen], ""),
                    thumbnail=image.get_rendition(THUMBNAIL_SPEC) if image else None,
                    byline=article.authors(),
                )
            )
        return hits


def sources() -> list[Source]:
    """Articles first, then the kinds other apps register (newsroom/hooks.py)."""
    others = [
        source for make in hooks.get_hooks(newsroom_hooks.SEARCH_SOURCES) for source in make()
    ]
    return [ArticleSource(), *others]


class ChainedResults(Sequence):
    """The sources' results one after another, counted and sliced lazily for a paginator."""

    def __init__(self, parts: list[tuple[Source, object]], request: HttpRequest | None):
        self.parts = parts
        self.request = request
        self._counts: dict[int, int] = {}

    def _count(self, index: int) -> int:
        if index not in self._counts:
            results = self.parts[index][1]
            self._counts[index] = results.count()
        return self._counts[index]

    def count(self) -> int:
        return sum(self._count(index) for index in range(len(self.parts)))

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if isinstance(key, int):
            found = self[key : key + 1]
            if not found:
                raise IndexError(key)
            return found[0]
        start, stop = key.start or 0, key.stop
        hits: list[Hit] = []
        for index, (source, results) in enumerate(self.parts):
            if stop is not None and stop <= start:
                break
            if start and start >= self._count(index):
                # The slice begins after this source's last result: skip the source.
                size = self._count(index)
                start -= size
                stop = None if stop is None else stop - size
                continue
            records = list(results[start:stop])
            hits.extend(source.hits(records, self.request))
            # Unless the slice is full, this source ran out at `start + len(records)`.
            stop = None if stop is None else stop - (start + len(records))
            start = 0
        return hits


def site_search(
    query: str,
    filters: Filters | None = None,
    order: str = "relevance",
    request: HttpRequest | None = None,
) -> ChainedResults:
    """Everything that matches, as `Hit`s: articles first, then the other kinds."""
    filters = filters or Filters()
    parts = [(source, source.results(query, filters, order)) for source in sources()]
    return ChainedResults(parts, request)


def live_hits(query: str, request: HttpRequest | None = None) -> list[Hit]:
    """The few best matches the header's live box shows while the reader types."""
    query = search_terms(query)
    if not query:
        return []
    return site_search(query, request=request)[:LIVE_LIMIT]
