"""Queries that list articles, shared by the home page, sections, archives and the sidebar."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest
from taggit.models import Tag

from drmonitor.newsroom.models import ArticlePage, ArticleTag, Author, SectionPage

SIDEBAR_RECENT = 5
RELATED = 3


def live_articles() -> QuerySet[ArticlePage]:
    """Live articles, newest first, with what a teaser needs fetched up front."""
    return teasers(ArticlePage.objects.live())


def teasers(articles: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """Newest first, with images, their renditions and bylines in a fixed number of queries."""
    return (
        articles.order_by("-date_published", "-pk")
        .select_related("featured_image")
        .prefetch_related("featured_image__renditions", "article_authors__author")
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
            (section, list(teasers(section.articles())[:4])) for section in sections
        ],
    }


# --- pagination ---------------------------------------------------------------------------


@dataclass
class Listing:
    """One page of a paginated list, with the elided page numbers to link to."""

    page: Page
    page_links: list

    @property
    def articles(self):
        return self.page.object_list


def paginate(request: HttpRequest, items: QuerySet, per_page: int) -> Listing:
    """The page `?page=N` asks for; a page that does not exist is a 404, not the last page."""
    paginator = Paginator(items, per_page or 12, allow_empty_first_page=True)
    number = request.GET.get("page", "1")
    try:
        page = paginator.page(number)
    except InvalidPage as error:
        raise Http404(f"No page {number} in this list") from error
    links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return Listing(page=page, page_links=links)


# --- one article's neighbours -------------------------------------------------------------


def previous_and_next(article: ArticlePage) -> tuple[ArticlePage | None, ArticlePage | None]:
    """The articles published just before and just after this one, by date, not tree order."""
    when, pk = article.date_published, article.pk
    live = ArticlePage.objects.live().exclude(pk=pk).defer_streamfields()
    earlier = live.filter(Q(date_published__lt=when) | Q(date_published=when, pk__lt=pk))
    later = live.filter(Q(date_published__gt=when) | Q(date_published=when, pk__gt=pk))
    return (
        earlier.order_by("-date_published", "-pk").first(),
        later.order_by("date_published", "pk").first(),
    )


def related_articles(article: ArticlePage, limit: int = RELATED) -> list[ArticlePage]:
    """Live articles sharing the most tags with this one, newest first among equals."""
    tag_ids = list(article.tags.values_list("pk", flat=True))
    if not tag_ids:
        return []
    # Rank on the narrow tag table first; grouping whole article rows costs ten times more.
    ranked = (
        ArticleTag.objects.filter(tag_id__in=tag_ids, content_object__live=True)
        .exclude(content_object_id=article.pk)
        .values("content_object_id")
        .annotate(shared_tags=Count("pk"))
        .order_by("-shared_tags", "-content_object__date_published", "-content_object_id")
    )
    ids = [row["content_object_id"] for row in ranked[:limit]]
    found = (
        ArticlePage.objects.filter(pk__in=ids)
        .select_related("featured_image")
        .prefetch_related("featured_image__renditions", "article_authors__author")
        .defer_streamfields()
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


def recent_articles(exclude: ArticlePage | None = None, limit: int = SIDEBAR_RECENT) -> list:
    articles = live_articles()
    if exclude is not None:
        articles = articles.exclude(pk=exclude.pk)
    return list(articles[:limit])


def article_context(article: ArticlePage) -> dict:
    previous, following = previous_and_next(article)
    bylines = article.article_authors.select_related("author__photo").order_by("sort_order")
    return {
        "authors": [link.author for link in bylines],
        "previous_article": previous,
        "next_article": following,
        "related_articles": related_articles(article),
        "recent_articles": recent_articles(exclude=article),
    }


# --- archives by tag, author and date -----------------------------------------------------


def tag_for_slug(slug: str) -> Tag:
    """Tags are case-insensitive: /tag/X-Ban/ and /tag/x-ban/ are the same page."""
    tag = Tag.objects.filter(slug__iexact=slug).order_by("pk").first()
    tag = tag or Tag.objects.filter(name__iexact=slug).order_by("pk").first()
    if tag is None:
        raise Http404("No such tag")
    return tag


def articles_tagged(tag: Tag) -> QuerySet[ArticlePage]:
    return live_articles().filter(tagged_items__tag=tag).distinct()


def articles_by(author: Author) -> QuerySet[ArticlePage]:
    return live_articles().filter(article_authors__author=author).distinct()


def articles_in(year: int, month: int | None = None) -> QuerySet[ArticlePage]:
    """Articles dated in a year or month of Pakistan time, the calendar readers see."""
    articles = live_articles().filter(date_published__year=year)
    if month is not None:
        articles = articles.filter(date_published__month=month)
    return articles


def archive_months(year: int) -> list:
    """The first moment of each month of `year` that has articles (Pakistan time), in order."""
    return list(
        ArticlePage.objects.live()
        .filter(date_published__year=year)
        .datetimes("date_published", "month")
    )
