"""Archive pages that are not in the page tree: by tag, by author and by date."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from drmonitor.newsroom import listings
from drmonitor.newsroom.models import Author

PER_PAGE = 12


def _listing_page(
    request: HttpRequest, template: str, articles: Callable, key: str, **context
) -> HttpResponse:
    listing = listings.paginate(request, articles, PER_PAGE, key)
    context.update(listing=listing)
    return render(request, template, context)


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = listings.tag_for_slug(slug)
    return _listing_page(
        request,
        "newsroom/tag_page.html",
        lambda: listings.articles_tagged(found),
        f"tag:{found.pk}",
        tag=found,
        title=found.name,
        kicker="Tag",
        empty_text="No published articles carry this tag yet.",
    )


def author(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    return _listing_page(
        request,
        "newsroom/author_page.html",
        lambda: listings.articles_by(person),
        f"author:{person.pk}",
        author=person,
        title=person.name,
        kicker="Author",
        empty_text=f"{person.name} has no published articles yet.",
    )


def archive(request: HttpRequest, year: int, month: int | None = None) -> HttpResponse:
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        raise Http404("No such date")
    if month is None:
        title = str(year)
    else:
        title = f"{calendar.month_name[month]} {year}"
    return _listing_page(
        request,
        "newsroom/archive_page.html",
        lambda: listings.articles_in(year, month),
        f"archive:{year}:{month}",
        year=year,
        month=date(year, month, 1) if month else None,
        months=listings.archive_months(year),
        title=title,
        kicker="Archive",
        empty_text=f"Nothing was published in {title}.",
    )
