"""What a teaser or a sidebar entry shows of an article, read as plain values.

A listing shows a dozen teasers, the front page some forty. Each shows a handful of an
article's columns, its byline and its picture; building a page object for it (a Wagtail page
and a clusterable model, each with its image object) cost more than the query and the markup
together. Here one narrow query gives plain rows, turned into `Teaser`s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.http import HttpRequest

from drmonitor.core.written_once import WrittenOnce
from drmonitor.newsroom import listings, teaser_images
from drmonitor.newsroom.models import ArticleAuthor, ArticlePage

# The columns of an article a teaser reads, then those of its picture (None without one).
_ARTICLE_COLUMNS = ("pk", "title", "url_path", "standfirst", "date_published")
_IMAGE_COLUMNS = tuple(f"featured_image__{name}" for name in ("pk", *teaser_images.FOCAL_FIELDS))
_ARTICLES = WrittenOnce(
    lambda ids: ArticlePage.objects.filter(pk__in=ids).values_list(
        *_ARTICLE_COLUMNS, *_IMAGE_COLUMNS
    )
)
_BYLINES = WrittenOnce(
    lambda ids: (
        ArticleAuthor.objects.filter(article__in=ids)
        .exclude(author=None)
        .order_by("sort_order", "pk")
        .values_list("article_id", "author_id", "author__name")
    )
)


@dataclass(slots=True)
class Teaser:
    """An article as teasers show it; `with_bylines` fills in the byline."""

    pk: int
    title: str
    url_path: str
    standfirst: str
    date_published: datetime
    featured_image: teaser_images.TeaserImage | None
    byline: list[str] = field(default_factory=list)
    byline_ids: list[int] = field(default_factory=list)


def teasers_for(ids: Sequence[int]) -> list[Teaser]:
    """The articles with these ids, in this order, ready for teasers; gone ones are left out."""
    if not ids:
        return []
    found = {}
    for row in _ARTICLES.rows(ids):
        article, picture = row[: len(_ARTICLE_COLUMNS)], row[len(_ARTICLE_COLUMNS) :]
        image = teaser_images.TeaserImage(*picture) if picture[0] is not None else None
        found[article[0]] = Teaser(*article, featured_image=image)
    teasers = [found[pk] for pk in ids if pk in found]
    teaser_images.attach(teaser.featured_image for teaser in teasers)
    return with_bylines(teasers)


def with_bylines[A: (ArticlePage, Teaser)](articles: list[A]) -> list[A]:
    """Give each article its `byline` (names) and `byline_ids`, from one narrow query for all.

    A teaser prints only names; building Author instances (clusterable models, each with its
    photo) for a dozen teasers cost more than the rest of the listing query.
    """
    names: dict[int, list[str]] = defaultdict(list)
    ids: dict[int, list[int]] = defaultdict(list)
    for article_id, author_id, name in _BYLINES.rows([article.pk for article in articles]):
        names[article_id].append(name)
        ids[article_id].append(author_id)
    for article in articles:
        article.byline = names[article.pk]
        article.byline_ids = ids[article.pk]
    return articles


class TeaserPool:
    """The articles of every teaser a page shows, fetched together the first time one of them
    is not kept: a front page of a dozen lists, or a section's list and its sidebar, then cost
    three queries, not three a list.
    """

    def __init__(self, ids: Sequence[int] = ()) -> None:
        self.ids = list(dict.fromkeys(ids))
        self.found: dict[int, Teaser] | None = None

    def take(self, ids: Sequence[int]) -> list[Teaser]:
        """The articles with these ids, in this order, as `teasers_for` gives them."""
        if self.found is None:
            self.found = {teaser.pk: teaser for teaser in teasers_for([*self.ids, *ids])}
        missing = [pk for pk in dict.fromkeys(ids) if pk not in self.found]
        if missing:
            self.found.update({teaser.pk: teaser for teaser in teasers_for(missing)})
        return [self.found[pk] for pk in ids if pk in self.found]


def pool_for(request: HttpRequest | None, shown: Sequence[int] | None = None) -> TeaserPool:
    """The request's pool of teasers, made on first use. A page that knows every teaser it
    shows names them (the front page); otherwise the pool expects the sidebar's newest
    articles, which most pages show beside their list. Without a request, a pool of its own.
    """
    if request is None:
        return TeaserPool(shown or ())
    if not hasattr(request, "drm_teaser_pool"):
        expected = listings.recent_ids() if shown is None else shown
        request.drm_teaser_pool = TeaserPool(expected)
    return request.drm_teaser_pool
