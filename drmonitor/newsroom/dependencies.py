"""Which keys a write to the newsroom makes stale (registered by NewsroomConfig.ready()).

Each function reads the object as the database has it when called: once before the write (the
lists an article leaves) and once after the commit (the lists it joins); see
core/caching/invalidation.py. Every page also gets the generic page keys there.
"""

from __future__ import annotations

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


def article_keys(article: ArticlePage) -> set[str]:
    """Its lists (every section, tag, author and month it is in) and its neighbours' links."""
    row = ArticlePage.objects.filter(pk=article.pk).values("path", "date_published").first()
    if row is None:
        return set()
    extra = SectionPage.objects.filter(extra_articles=article.pk).values_list("path", flat=True)
    sections = _sections_above([row["path"][: -Page.steplen], *extra])
    tags = ArticleTag.objects.filter(content_object_id=article.pk).values_list("tag_id", flat=True)
    authors = ArticleAuthor.objects.filter(article_id=article.pk).values_list(
        "author_id", flat=True
    )
    when = timezone.localtime(row["date_published"])
    # Neighbours by the stored date, not by a draft's: an unsaved copy carrying just that.
    stored = ArticlePage(pk=article.pk, date_published=row["date_published"])
    return {
        keys.ARTICLES,
        keys.neighbours(article.pk),
        keys.archive(when.year),
        keys.archive(when.year, when.month),
        *(keys.section_articles(pk) for pk in sections),
        *(keys.tag_articles(pk) for pk in tags),
        *(keys.author_articles(pk) for pk in authors),
        *(keys.neighbours(pk) for pk in stored.neighbour_ids() if pk),
    }


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
    invalidation.register(ArticlePage, article_keys)
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
