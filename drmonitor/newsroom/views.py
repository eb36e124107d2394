"""Archive pages that are not in the page tree: by tag, by author and by date."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import strip_tags

from drmonitor.core.caching import depends_on
from drmonitor.newsroom import keys, listings
from drmonitor.newsroom.models import Author, describe_listing
from drmonitor.newsroom.pagination import paginate

PER_PAGE = 12


def _listing_page(
    request: HttpRequest,
    template: str,
    articles: Callable,
    name: str,
    key: str,
    opening: str,
    **context,
) -> HttpResponse:
    listing = paginate(request, articles, PER_PAGE, name, depends=[key])
    context.update(listing=listing, description=describe_listing(opening, listing.teasers))
    return render(request, template, context)


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = listings.tag_for_slug(slug)
    return _listing_page(
        request,
        "newsroom/tag_page.html",
        lambda: listings.live_articles().tagged(found.pk).distinct(),
        f"tag:{found.pk}",
        keys.tag_articles(found.pk),
        f"Digital Rights Monitor's reporting tagged \u201c{found.name}\u201d, newest first.",
        tag=found,
        title=found.name,
        kicker="Tag",
        empty_text="No published articles carry this tag yet.",
    )


def author(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    depends_on(keys.author(person.pk))
    return _listing_page(
        request,
        "newsroom/author_page.html",
        lambda: listings.live_articles().by(person).distinct(),
        f"author:{person.pk}",
        keys.author_articles(person.pk),
        _about_author(person),
        author=person,
        title=person.name,
        kicker="Author",
        empty_text=f"{person.name} has no published articles yet.",
    )


def _about_author(person: Author) -> str:
    """The author's bio, or their name and role: their page's meta description opens with it."""
    bio = " ".join(strip_tags(person.bio).split())
    if bio:
        return bio
    role = f", {person.role}" if person.role else ""
    return f"Stories by {person.name}{role} at Digital Rights Monitor."


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
        lambda: listings.live_articles().dated(year, month),
        f"archive:{year}:{month}",
        keys.archive(year, month),
        f"What Digital Rights Monitor published in {title}.",
        year=year,
        month=date(year, month, 1) if month else None,
        months=listings.archive_months(year),
        title=title,
        kicker="Archive",
        empty_text=f"Nothing was published in {title}.",
    )


def latest_archive(request: HttpRequest) -> HttpResponse:
    """/archive/: this year's archive. A redirect, never cached, so pages that link here need
    not print the year."""
    return redirect("newsroom:archive_year", year=timezone.localdate().year)
