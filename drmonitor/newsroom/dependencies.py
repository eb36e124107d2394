"""Which keys a write to the newsroom makes stale (registered by NewsroomConfig.ready()).

Each function reads the object as the database has it when called: once before the write (the
lists an article leaves) and once after the commit (the lists it joins); see
core/caching/invalidation.py. Every page also gets the generic page keys there.
"""

from __future__ import annotations

from bisect import bisect_left

from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

from drmonitor.core.caching import frontend, invalidation
from drmonitor.newsroom import keys
from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, ArticleTag, Author, SectionPage


def _sections_above(paths: list[str]) -> set[int]:
    """The sections at these tree paths and above them."""
    prefixes = {
        path[:end] for path in paths for end in range(Page.steplen, len(path) + 1, Page.steplen)
    }
    return set(SectionPage.objects.filter(path__in=prefixes).values_list("pk", flat=True))


def articles_keys(articles: list[ArticlePage]) -> set[str]:
    """Their lists (every section, tag, author and month they are in) and their neighbours'
    links, read for all of them in a few queries."""
    pks = [article.pk for article in articles]
    rows = list(ArticlePage.objects.filter(pk__in=pks).values_list("pk", "path", "date_published"))
    if not rows:
        return set()
    pks = [pk for pk, _, _ in rows]
    through = ArticlePage.extra_sections.through
    extra = through.objects.filter(articlepage_id__in=pks).values_list(
        "sectionpage__path", flat=True
    )
    sections = _sections_above([path[: -Page.steplen] for _, path, _ in rows] + list(extra))
    tags = ArticleTag.objects.filter(content_object_id__in=pks).values_list("tag_id", flat=True)
    authors = ArticleAuthor.objects.filter(article_id__in=pks).values_list("author_id", flat=True)
    found = {
        keys.ARTICLES,
        *(keys.section_articles(pk) for pk in sections),
        *(keys.tag_articles(pk) for pk in set(tags)),
        *(keys.author_articles(pk) for pk in set(authors)),
    }
    for pk, _, date_published in rows:
        when = timezone.localtime(date_published)
        found.update(
            (keys.neighbours(pk), keys.archive(when.year), keys.archive(when.year, when.month))
        )
    found.update(keys.neighbours(pk) for pk in _neighbours([(d, pk) for pk, _, d in rows]))
    return found


# Past this many articles, their neighbours are found in one read of every live article's date
# rather than in four lookups each.
NEIGHBOURS_ONE_READ = 20


def _neighbours(moments: list[tuple]) -> set[int]:
    """The live articles just before and after each (date, pk), by their stored dates."""
    if len(moments) < NEIGHBOURS_ONE_READ:
        found: set[int] = set()
        for when, pk in moments:
            # Neighbours by the stored date, not by a draft's: an unsaved copy carrying just that.
            found.update(ArticlePage(pk=pk, date_published=when).neighbour_ids())
        return found - {None}
    order = list(
        ArticlePage.objects.live()
        .order_by("date_published", "pk")
        .values_list("date_published", "pk")
    )
    found = set()
    for moment in moments:
        at = bisect_left(order, moment)
        if at > 0:
            found.add(order[at - 1][1])
        after = at + 1 if at < len(order) and order[at] == moment else at
        if after < len(order):
            found.add(order[after][1])
    return found


def section_keys(section: SectionPage) -> set[str]:
    """Its list and the lists of the sections above it, which list its articles too."""
    path = SectionPage.objects.filter(pk=section.pk).values_list("path", flat=True).first()
    if path is None:
        return set()
    return {keys.section_articles(pk) for pk in _sections_above([path])}


def author_keys(author: Author) -> list[str]:
    """The author's name, photo and bio, shown in bylines and on the author's page."""
    return [keys.author(author.pk), keys.author_articles(author.pk)]


def tag_keys(tag: Tag) -> list[str]:
    """The tag's name, shown on its articles and its page."""
    return [keys.tag(tag.pk), keys.tag_articles(tag.pk)]


def register() -> None:
    invalidation.register_many(ArticlePage, articles_keys)
    invalidation.register(SectionPage, section_keys)
    invalidation.register(Author, author_keys)
    invalidation.register(Tag, tag_keys)
    for prefix in (keys.ARTICLES, "page:", "taggit.tag:", "newsroom.author:"):
        frontend.register_urls(prefix, _list_urls)
    frontend.register_urls("archive:", _archive_urls)


# --- the same keys as addresses, for the front-end cache (core/caching/frontend.py) ----------


def _on_every_site(*paths: str) -> list[str]:
    return [f"{site.root_url}{path}" for site in Site.objects.all() for path in paths]


def _feeds_of(path: str) -> tuple[str, str, str]:
    return path, f"{path}feed/", f"{path}feed/atom/"


def _list_urls(key: str) -> list[str]:
    """The pages that show a list: the front page and site feed, a section's feeds, a tag's or
    an author's page and feeds (a section's own page is purged as a page)."""
    kind, _, rest = key.partition(":")
    pk = rest.split(":")[0]
    if key == keys.ARTICLES:
        return _on_every_site("/", "/feed/", "/feed/atom/", "/sitemap.xml")
    if kind == "page" and key.endswith(":articles"):
        section = SectionPage.objects.filter(pk=int(pk)).first()
        url = section.get_full_url() if section is not None else None
        return [url + "feed/", url + "feed/atom/"] if url else []
    if kind == "taggit.tag":
        tag = Tag.objects.filter(pk=int(pk)).first()
        return _on_every_site(*_feeds_of(f"/tag/{tag.slug}/")) if tag else []
    if kind == "newsroom.author":
        author = Author.objects.filter(pk=int(pk)).first()
        return _on_every_site(*_feeds_of(author.get_absolute_url())) if author else []
    return []


def _archive_urls(key: str) -> list[str]:
    year, _, month = key.removeprefix("archive:").partition("-")
    return _on_every_site(f"/archive/{year}/" + (f"{int(month)}/" if month else ""))
