"""What each list selects and prefetches, shared by the JSON API and the CSV downloads.

Filters are the site's own filter forms (tracker/filters.py), so /api/incidents?country=PK
answers exactly what /incidents/?country=PK lists. Every queryset prefetches what its records
print: a page costs a fixed number of queries, however many records it holds.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.db.models.query import QuerySet

from drmonitor.tracker.filters import CaseFilter, IncidentFilter
from drmonitor.tracker.models import (
    Country,
    Court,
    Hearing,
    Incident,
    LegalCase,
    Service,
)


class BadRequest(Exception):
    """A malformed filter value: the client gets a 400 naming each parameter's problems."""

    def __init__(self, detail: str, errors: dict[str, list[str]] | None = None):
        self.detail, self.errors = detail, errors or {}


def _filtered(form_class, params: dict, queryset: QuerySet, unknown: dict) -> QuerySet:
    """`queryset` through the site's filter form. A well-formed value naming nothing we hold
    (`unknown`: parameter -> does it exist?) selects nothing; a malformed one is a 400."""
    params = {k: v for k, v in params.items() if v not in (None, "")}
    if any(name in params and not exists(params[name]) for name, exists in unknown.items()):
        return queryset.none()
    form = form_class(params)
    if not form.is_valid():
        raise BadRequest("Invalid filter.", {k: list(v) for k, v in form.errors.items()})
    return form.filter(queryset)


def filtered_incidents(params: dict, queryset: QuerySet) -> QuerySet:
    if params.get("country"):
        params = {**params, "country": params["country"].upper()}
    return _filtered(
        IncidentFilter,
        params,
        queryset,
        {
            "country": lambda code: Country.objects.filter(code=code).exists(),
            "service": lambda slug: Service.objects.filter(slug=slug).exists(),
        },
    )


def filtered_cases(params: dict, queryset: QuerySet) -> QuerySet:
    return _filtered(
        CaseFilter,
        params,
        queryset,
        {"court": lambda pk: Court.objects.filter(pk=pk).exists()},
    )


def incidents_queryset() -> QuerySet:
    return Incident.objects.select_related("country", "decision_maker").prefetch_related(
        "services",
        "networks",
        "ordered_by",
        "sources",
        Prefetch("cases", queryset=LegalCase.objects.select_related("court")),
    )


def cases_queryset() -> QuerySet:
    return (
        LegalCase.objects.select_related("court", "bench")
        .prefetch_related("numbers", "incidents", "petitioners", "respondents")
        .annotate(hearing_count=Count("hearings", distinct=True))
        .order_by("court__name", "-filed_on", "title")
    )


def case_detail_queryset() -> QuerySet:
    """A case with its hearings in date order and its sources."""
    return cases_queryset().prefetch_related(
        Prefetch("hearings", queryset=Hearing.objects.order_by("date", "pk")), "sources"
    )


def hearings_queryset() -> QuerySet:
    return (
        Hearing.objects.select_related("case__court", "bench")
        .prefetch_related("sources")
        .order_by("date", "pk")
    )


def services_queryset() -> QuerySet:
    return Service.objects.annotate(incident_count=Count("incidents")).order_by("name")
