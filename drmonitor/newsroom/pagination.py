"""One page of a long list of articles, with which ids are on it kept until the list changes.

Counting a long section and finding page 7 of it reads every article in it, and the answer only
changes when the list does; so the count and each page's ids are kept under the list's key,
and the query is built only when something must be found again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from drmonitor.core.caching import keep

DEFAULT_PER_PAGE = 12


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
    request: HttpRequest,
    articles: Callable[[], QuerySet],
    per_page: int,
    name: str,
    depends: Iterable[str],
) -> Listing:
    """The page `?page=N` asks for; a page that does not exist is a 404, not the last page.

    `name` tells this list apart from others; `depends` are the keys it goes stale with.
    """
    per_page = per_page or DEFAULT_PER_PAGE
    depends = list(depends)
    # Counted by id: a list that must be DISTINCT (a tag's, an author's) would otherwise make the
    # database compare whole rows, some forty columns each, before counting them.
    total = keep(f"count:{name}", lambda: articles().values("pk").count(), depends=depends)
    paginator = Paginator(range(total), per_page, allow_empty_first_page=True)
    number = request.GET.get("page", "1")
    try:
        page = paginator.page(number)
    except InvalidPage as error:
        raise Http404(f"No page {number} in this list") from error
    start = (page.number - 1) * per_page
    page.object_list = keep(
        f"page:{name}:{per_page}:{page.number}",
        lambda: list(articles()[start : start + per_page].values_list("pk", flat=True)),
        depends=depends,
    )
    links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return Listing(page=page, page_links=links)
