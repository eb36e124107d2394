"""Queries that list articles, shared by the home page, sections, archives and the sidebar."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest
from taggit.models import Tag

from drmonitor.core.fragments import cached_value, keeps
from drmonitor.core.models import Rendition
from drmonitor.newsroom import teaser_images
from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, ArticleTag, Author, SectionPage

SIDEBAR_RECENT = 5
LATEST = 8  # teasers after the lead story on the front page
DATES_END = datetime(9999, 1, 1, tzinfo=UTC)
BLOCK_SIZE = 4
RELATED = 3


def live_articles() -> QuerySet[ArticlePage]:
    """Live articles, newest first, with what a teaser needs fetched up front."""
    return teasers(ArticlePage.objects.live())


def bylines() -> Prefetch:
    """An article's authors in byline order, each with its photo, in one query."""
    return Prefetch(
        "article_authors",
        queryset=ArticleAuthor.objects.select_related("author__photo").order_by("sort_order"),
    )


# The columns a teaser, a sidebar entry or a previous/next link reads. A page row has some
# forty; building model instances from all of them is most of what a listing query costs.
TEASER_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "live",
    "standfirst",
    "date_published",
    "featured_image",
)


def with_teaser_parts(articles: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """A few columns of each article, its image and the image's teaser renditions."""
    renditions = Prefetch(
        "featured_image__renditions",
        queryset=Rendition.objects.filter(filter_spec__in=teaser_images.RENDITION_SPECS),
    )
    return (
        articles.only(*TEASER_FIELDS).select_related("featured_image").prefetch_related(renditions)
    )


def with_bylines(articles: list[ArticlePage]) -> list[ArticlePage]:
    """Give each article its `byline`, its authors' names, from one narrow query for all.

    A teaser prints only names; building Author instances (clusterable models, each with its
    photo) for a dozen teasers cost more than the rest of the listing query.
    """
    names: dict[int, list[str]] = defaultdict(list)
    rows = (
        ArticleAuthor.objects.filter(article__in=[article.pk for article in articles])
        .exclude(author=None)
        .order_by("sort_order", "pk")
        .values_list("article_id", "author__name")
    )
    for article_id, name in rows:
        names[article_id].append(name)
    for article in articles:
        article.byline = names[article.pk]
    return articles


def teasers_for(ids: Sequence[int]) -> list[ArticlePage]:
    """The articles with these ids, in this order, ready for teasers; gone ones are left out."""
    found = with_teaser_parts(ArticlePage.objects.filter(pk__in=ids)).in_bulk()
    return with_bylines([found[pk] for pk in ids if pk in found])


def teasers(articles: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """Newest first, with the columns a teaser or a sidebar entry shows."""
    # A range on the date, always true, lets SQLite walk the date index newest first and stop
    # after one page of rows; without it, it reads every page of the site and sorts them.
    return with_teaser_parts(
        articles.filter(date_published__lt=DATES_END).order_by("-date_published", "-pk")
    )


def front_page_context(home) -> dict:
    """The lead story, the latest after it, and a block per top-level section, as article ids.

    Which articles they are only changes with content; the teasers are kept the same way.
    """
    sections = list(SectionPage.objects.child_of(home).live().in_menu())
    newest = cached_value(
        "front-latest", lambda: list(live_articles().values_list("pk", flat=True)[: LATEST + 1])
    )

    def block_ids() -> dict[int, list[int]]:
        # One query per section, so it is worth keeping.
        return {
            section.pk: list(section.articles().values_list("pk", flat=True)[:BLOCK_SIZE])
            for section in sections
        }

    chosen = cached_value(f"front-blocks:{home.pk}", block_ids)
    return {
        "lead": newest[:1],
        "latest": newest[1:],
        "section_blocks": [(section, chosen.get(section.pk, [])) for section in sections],
    }


# --- pagination ---------------------------------------------------------------------------


@dataclass
class Listing:
    """One page of a paginated list, with the elided page numbers to link to."""

    page: Page
    page_links: list

    @property
    def teasers(self) -> list[int]:
        """The ids of the articles on this page, in order, for `{% teasers %}`."""
        return self.page.object_list


def paginate(
    request: HttpRequest, articles: Callable[[], QuerySet[ArticlePage]], per_page: int, key: str
) -> Listing:
    """The page `?page=N` asks for; a page that does not exist is a 404, not the last page.

    How many articles the list holds and which are on the page asked for are kept under the
    content generation, as `key`: finding them reads every article of a long section, and the
    answer only changes with content. `articles()` builds the full query only when something
    has to be found again.
    """
    per_page = per_page or 12
    total = cached_value(f"count:{key}", lambda: articles().count())
    paginator = Paginator(range(total), per_page, allow_empty_first_page=True)
    number = request.GET.get("page", "1")
    try:
        page = paginator.page(number)
    except InvalidPage as error:
        raise Http404(f"No page {number} in this list") from error
    start = (page.number - 1) * per_page
    ids = cached_value(
        f"page:{key}:{per_page}:{page.number}",
        lambda: list(articles()[start : start + per_page].values_list("pk", flat=True)),
    )
    page.object_list = ids
    links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return Listing(page=page, page_links=links)


# --- one article's neighbours -------------------------------------------------------------


def previous_and_next(
    article: ArticlePage, kept: bool = True
) -> tuple[ArticlePage | None, ArticlePage | None]:
    """The articles published just before and just after this one, by date, not tree order.

    `kept=False` (a preview, whose date may not be the live one) finds them anew.
    """
    when, pk = article.date_published, article.pk
    live = ArticlePage.objects.live()

    def neighbours() -> tuple[int | None, int | None]:
        # Two lookups each way, both on the date index: an article of the very same moment
        # (an import can give many the same date) comes first, ordered by id; otherwise the
        # nearest date. One "earlier date, or same date and smaller id" condition reads every
        # row.
        same_moment = live.filter(date_published=when).values_list("pk", flat=True)
        earlier = live.filter(date_published__lt=when).order_by("-date_published", "-pk")
        later = live.filter(date_published__gt=when).order_by("date_published", "pk")
        previous = same_moment.filter(pk__lt=pk).order_by("-pk").first()
        following = same_moment.filter(pk__gt=pk).order_by("pk").first()
        if previous is None:
            previous = earlier.values_list("pk", flat=True).first()
        if following is None:
            following = later.values_list("pk", flat=True).first()
        return previous, following

    previous, following = cached_value(f"neighbours:{pk}", neighbours, kept=kept)
    found = ArticlePage.objects.only(*TEASER_FIELDS).in_bulk([previous, following])
    return found.get(previous), found.get(following)


def related_articles(article: ArticlePage, limit: int = RELATED, kept: bool = True) -> list[int]:
    """The ids of the live articles sharing the most tags with this one, newest first among
    equals. `kept=False` (a preview, whose tags may not be the live ones) ranks them anew."""
    tag_ids = [tag.pk for tag in article.tags.all()]
    if not tag_ids:
        return []

    def rank() -> list[int]:
        # Rank on the narrow tag table; grouping whole article rows costs ten times more.
        ranked = (
            ArticleTag.objects.filter(tag_id__in=tag_ids, content_object__live=True)
            .exclude(content_object_id=article.pk)
            .values("content_object_id")
            .annotate(shared_tags=Count("pk"))
            .order_by("-shared_tags", "-content_object__date_published", "-content_object_id")
        )
        return [row["content_object_id"] for row in ranked[:limit]]

    # A common tag can sit on thousands of articles, which makes the ranking the costliest
    # query of the page; its answer only changes when content does.
    return cached_value(f"related:{article.pk}:{limit}", rank, kept=kept)


def recent_articles(exclude: ArticlePage | None = None, limit: int = SIDEBAR_RECENT) -> list:
    articles = live_articles()
    if exclude is not None:
        articles = articles.exclude(pk=exclude.pk)
    return list(articles[:limit])


def article_context(article: ArticlePage, request: HttpRequest) -> dict:
    # The byline, the tag list, related articles and the page's meta tags all read the
    # authors and tags: fetch each once.
    prefetch_related_objects([article], bylines(), "tags")
    return {
        "authors": article.authors(),
        "related_articles": related_articles(article, kept=keeps(request)),
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
