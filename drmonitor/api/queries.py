"""What each list selects and prefetches, shared by the JSON API and the CSV downloads.

Filters are the site's own filter forms (tracker/filters.py), so /api/incidents?country=PK
answers exactly what /incidents/?country=PK lists. Every queryset prefetches what its records
print: a page costs a fixed number of queries, however many records it holds.
"""

from __future__ import annotations

import datetime
import re

from django.db.models import Count, Prefetch, Q
from django.db.models.query import QuerySet
from django.utils import timezone

from drmonitor.tracker.filters import CaseFilter, IncidentFilter
from drmonitor.tracker.models import (
    Actor,
    Campaign,
    Country,
    Court,
    Hearing,
    Incident,
    Law,
    LegalCase,
    Order,
    Service,
    Statement,
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
        # Not a number: the form reports it; a number no court has selects nothing.
        {"court": lambda pk: not str(pk).isdigit() or Court.objects.filter(pk=pk).exists()},
    )


def _day(params: dict, name: str, errors: dict) -> datetime.date | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    errors[name] = ["Write the date as YYYY-MM-DD."]
    return None


def filtered_hearings(params: dict, queryset: QuerySet) -> QuerySet:
    """Hearings `from`/`to` a date (YYYY-MM-DD), `upcoming` only, of one `case` (slug): the
    JSON list and the CSV read the same parameters the same way."""
    errors: dict[str, list[str]] = {}
    date_from, date_to = _day(params, "from", errors), _day(params, "to", errors)
    upcoming = str(params.get("upcoming") or "").lower()
    if upcoming not in ("", "true", "false", "1", "0"):
        errors["upcoming"] = ["Write true or false."]
    case = params.get("case")
    if case and not re.fullmatch(r"[-a-zA-Z0-9_]+", case):
        errors["case"] = ["A case slug has letters, digits, - and _ only."]
    if errors:
        raise BadRequest("Invalid filter.", errors)
    if upcoming in ("true", "1"):
        queryset = queryset.filter(date__gte=timezone.localdate())
    if date_from:
        queryset = queryset.filter(date__gte=date_from)
    if date_to:
        queryset = queryset.filter(date__lte=date_to)
    if case:
        queryset = queryset.filter(case__slug=case)
    return queryset


def incidents_queryset() -> QuerySet:
    return (
        Incident.objects.published()
        .select_related("country", "decision_maker")
        .prefetch_related(
            "services",
            "networks",
            "ordered_by",
            "sources",
            Prefetch("cases", queryset=LegalCase.objects.published().select_related("court")),
        )
    )


def cases_queryset() -> QuerySet:
    return (
        LegalCase.objects.published()
        .select_related("court", "bench")
        .prefetch_related("numbers", _incident_refs(), "petitioners", "respondents")
        .annotate(hearing_count=Count("hearings", filter=Q(hearings__live=True), distinct=True))
        .order_by("court__name", "-filed_on", "title")
    )


def case_detail_queryset() -> QuerySet:
    """A case with its hearings in date order and its sources."""
    return cases_queryset().prefetch_related(
        Prefetch("hearings", queryset=Hearing.objects.published().order_by("date", "pk")),
        "sources",
    )


def hearings_queryset() -> QuerySet:
    return (
        Hearing.objects.published()
        .select_related("case__court", "bench")
        .prefetch_related("sources")
        .order_by("date", "pk")
    )


def services_queryset() -> QuerySet:
    return Service.objects.annotate(
        incident_count=Count("incidents", filter=Q(incidents__live=True))
    ).order_by("name")


def _incident_refs() -> Prefetch:
    return Prefetch("incidents", queryset=Incident.objects.published().only("slug", "title"))


def orders_queryset() -> QuerySet:
    """Court orders and judgments, and government orders such as blocking letters, by date."""
    return (
        Order.objects.published()
        .select_related("case__court", "incident", "issued_by", "document")
        .prefetch_related("sources")
        .order_by("date", "pk")
    )


def statements_queryset() -> QuerySet:
    """Civil society's statements, by date."""
    return Statement.objects.prefetch_related("actors", "sources", _incident_refs()).order_by(
        "date", "pk"
    )


def campaigns_queryset() -> QuerySet:
    """Campaigns about incidents, by name."""
    return Campaign.objects.prefetch_related("organisers", "sources", _incident_refs()).order_by(
        "name", "pk"
    )


def actors_queryset() -> QuerySet:
    """Who orders, decides, petitions, responds, signs or campaigns, by name."""
    return Actor.objects.select_related("country").order_by("name")


def courts_queryset() -> QuerySet:
    """The courts the cases are before, by name."""
    return Court.objects.select_related("jurisdiction").order_by("name")


def laws_queryset() -> QuerySet:
    """Laws and provisions incidents and cases cite."""
    return Law.objects.select_related("jurisdiction").order_by("title")
