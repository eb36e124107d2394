"""Pages of a list: `limit` records from `offset`, the total count, and absolute links to the
next and previous pages that keep the request's other parameters (its filters)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 1_000_000


class PageParameters(Schema):
    """Which records of a list a page holds."""  # published: the OpenAPI component's description

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Records per page")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Records to skip")


class LinkedPages(PaginationBase):
    """For `@paginate(LinkedPages)`: the view returns its queryset, this cuts the page.

    `Output` is None because every list declares its page shape itself (`schemas.IncidentPage`
    ...): ninja would otherwise name them `Paged<Item>`, and the published description has
    always called them `<Item>Page`.
    """

    Input = PageParameters
    Output = None
    items_attribute = "results"

    def paginate_queryset(
        self, queryset: QuerySet, pagination: PageParameters, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        limit, offset = pagination.limit, pagination.offset
        count = queryset.count()

        def link(at: int) -> str:
            query = request.GET.copy()
            query["limit"], query["offset"] = str(limit), str(at)
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        return {
            "count": count,
            "next": link(offset + limit) if offset + limit < count else None,
            "previous": link(max(offset - limit, 0)) if offset > 0 else None,
            "results": list(queryset[offset : offset + limit]),
        }
