"""The search results page and the live endpoint behind the header's search box.

Both answer per query and per reader, so both say `Cache-Control: private, no-cache` (and more):
neither the page cache nor a shared proxy may keep them.
"""

from __future__ import annotations

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from drmonitor.newsroom.search import (
    MAX_QUERY_LENGTH,
    PER_PAGE,
    SearchForm,
    live_hits,
    site_search,
)


@require_GET
@never_cache
def search_results(request: HttpRequest) -> HttpResponse:
    """/search/?q=...&section=&tag=&from=&to=&order=&page=: the full, filterable results."""
    form = SearchForm(request.GET)
    context: dict = {"form": form, "query": "", "results": None, "filters": None}
    if form.is_valid():
        query, filters = form.query, form.filters()
        context.update(query=query, search_query=query, filters=filters)
        if query or filters:
            hits = site_search(query, filters, form.sort_order, request=request)
            paginator = Paginator(hits, PER_PAGE)
            number = request.GET.get("page", "1")
            try:
                page = paginator.page(number)
            except InvalidPage as error:
                raise Http404(f"No page {number} of these results") from error
            context.update(
                results=page,
                paginator=paginator,
                page_links=list(paginator.get_elided_page_range(page.number, on_each_side=2)),
                page_query=_without_page(request),
            )
            if query and not filters and page.number == 1 and paginator.count:
                # A plain query's first page is a topic page ("privacy"): search engines may
                # index it, under one address. Filtered, later or empty pages are not indexed.
                context["indexable"] = True
                context["canonical"] = f"{reverse('discovery:search')}?{urlencode({'q': query})}"
    return render(request, "newsroom/search_results.html", context)


def _without_page(request: HttpRequest) -> str:
    """The query string minus `page`, for the pagination links."""
    params = [(k, v) for k, values in request.GET.lists() if k != "page" for v in values]
    return urlencode(params)


@require_GET
@never_cache
def live_search(request: HttpRequest) -> JsonResponse:
    """/search/live/?q=...: up to six matches as JSON for the header's dropdown."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    hits = live_hits(query, request=request)
    return JsonResponse(
        {
            "query": query,
            "results": [hit.as_json() for hit in hits],
            "all_url": reverse("discovery:search") + "?" + urlencode({"q": query}),
        }
    )
