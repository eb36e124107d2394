"""The tracker's records in the site search: incidents, cases, hearings and orders (found by
the words of their documents too), after the articles.

Registered with newsroom's search hook (tracker/wagtail_hooks.py). Records have no section or
tag, so a search narrowed to one finds none of them; the date filters apply to each record's
own date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from wagtail.search.backends import get_search_backend

from drmonitor.newsroom.search import Filters, Hit
from drmonitor.tracker.models import Hearing, Incident, LegalCase, Order


@dataclass(frozen=True)
class RecordSource:
    """One kind of record, found by Wagtail's search backend."""

    kind: str
    records: Callable[[], QuerySet]
    date_field: str
    summary_field: str
    context: Callable[[Model], str]

    def results(self, query: str, filters: Filters, order: str):
        if not query or filters.section is not None or filters.tag is not None:
            return self.records().none()
        records = self.records().order_by(f"-{self.date_field}")
        if filters.date_from is not None:
            records = records.filter(**{f"{self.date_field}__gte": filters.date_from})
        if filters.date_to is not None:
            records = records.filter(**{f"{self.date_field}__lte": filters.date_to})
        return get_search_backend().search(query, records, order_by_relevance=False)

    def hits(self, records: list, request: HttpRequest | None) -> list[Hit]:
        return [
            Hit(
                title=record.title,
                url=record.get_absolute_url(),
                kind=self.kind,
                date=getattr(record, self.date_field),
                summary=getattr(record, self.summary_field),
                context=self.context(record),
            )
            for record in records
        ]


def sources() -> list[RecordSource]:
    return [
        RecordSource(
            "incident",
            lambda: Incident.objects.published().select_related("country"),
            "start_date",
            "summary",
            lambda incident: f"Incident · {incident.country.name}",
        ),
        RecordSource(
            "case",
            lambda: LegalCase.objects.published().select_related("court"),
            "filed_on",
            "subject",
            lambda case: f"Court case · {case.court.name} · {case.get_status_display()}",
        ),
        RecordSource(
            "hearing",
            lambda: Hearing.objects.published().select_related("case__court"),
            "date",
            "what_happened",
            lambda hearing: "Hearing",
        ),
        RecordSource(
            "order",
            lambda: Order.objects.published().select_related("case", "incident"),
            "date",
            "summary",
            lambda order: f"Order · {order.get_kind_display()}",
        ),
    ]
