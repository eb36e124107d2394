"""The read-only JSON API over the evidence desk, with its OpenAPI description.

Filters are the site's own filter forms (tracker/filters.py), so /api/incidents?country=PK
answers exactly what /incidents/?country=PK lists. Pages are limit/offset with absolute
next/previous links and the total count. Every list prefetches what it prints: a page costs a
fixed number of queries, however many records it holds.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from django.db.models import Count, Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Path, Query
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import BeforeValidator

from drmonitor.api import schemas as s
from drmonitor.api.docs import SiteDocs
from drmonitor.tracker.filters import CaseFilter, IncidentFilter
from drmonitor.tracker.models import (
    Country,
    Court,
    Hearing,
    Incident,
    LegalCase,
    Service,
    Source,
)
from drmonitor.tracker.vocab import CaseStatus, IncidentKind, IncidentStatus

MAX_LIMIT = 100
DEFAULT_LIMIT = 20

api = NinjaAPI(
    title="Digital Rights Monitor open data",
    version="1",
    description=(
        "Incidents (platform blocks, shutdowns, throttling), the court cases that challenge "
        "them, their hearings, and the services affected. Read-only and anonymous. Incidents "
        "are also available as CSV in Access Now STOP's columns at /api/incidents.csv."
    ),
    urls_namespace="api",
    docs=SiteDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


class BadRequest(Exception):
    def __init__(self, detail: str, errors: dict[str, list[str]] | None = None):
        self.detail, self.errors = detail, errors or {}


@api.exception_handler(BadRequest)
def _bad_request(request, exc: BadRequest):
    return api.create_response(request, {"detail": exc.detail, "errors": exc.errors}, status=400)


@api.exception_handler(NinjaValidationError)
def _invalid_parameters(request, exc: NinjaValidationError):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        name = str(error.get("loc", ["", "?"])[-1])
        errors.setdefault(name, []).append(error.get("msg", "invalid"))
    return api.create_response(
        request, {"detail": "Invalid parameters.", "errors": errors}, status=400
    )


ERRORS = {400: s.Error, 404: s.Error}


# --- serializing -----------------------------------------------------------------------------


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _api_url(request, name: str, **kwargs) -> str:
    return _absolute(request, reverse(f"api:{name}", kwargs=kwargs))


def _sources(sources) -> list[dict]:
    return [
        {"url": x.url, "kind": x.kind, "title": x.title, "publisher": x.publisher, "date": x.date}
        for x in sorted(sources, key=lambda x: x.url)
    ]


def _service_ref(request, service: Service) -> dict:
    return {
        "slug": service.slug,
        "name": service.name,
        "url": _absolute(request, service.get_absolute_url()),
        "api_url": _api_url(request, "service", slug=service.slug),
    }


def _case_ref(request, case: LegalCase) -> dict:
    return {
        "slug": case.slug,
        "title": case.title,
        "court": case.court.name,
        "url": _absolute(request, case.get_absolute_url()),
        "api_url": _api_url(request, "case", slug=case.slug),
    }


def _incident(request, incident: Incident, today: datetime.date) -> dict:
    return {
        **{
            name: getattr(incident, name)
            for name in (
                "id slug title kind status summary areas geo_scope affected_network extent "
                "start_date start_date_type end_date end_date_type ordered_by_level "
                "stated_justification stated_justification_details actual_cause "
                "actual_cause_details legal_method government_acknowledged updated_at"
            ).split()
        },
        "url": _absolute(request, incident.get_absolute_url()),
        "api_url": _api_url(request, "incident", slug=incident.slug),
        "country": {"code": incident.country.code, "name": incident.country.name},
        "days": incident.duration_days(today),
        "ordered_by": sorted(a.name for a in incident.ordered_by.all()),
        "decision_maker": incident.decision_maker.name if incident.decision_maker else None,
        "services": [_service_ref(request, x) for x in incident.services.all()],
        "networks": [{"name": n.name, "asn": n.asn} for n in incident.networks.all()],
        "sources": _sources(incident.sources.all()),
        "cases": [_case_ref(request, c) for c in incident.cases.all()],
    }


def _case(request, case: LegalCase) -> dict:
    parties = {
        role: "; ".join([a.name for a in getattr(case, role).all()] + ([text] if text else []))
        for role, text in (
            ("petitioners", case.petitioners_text),
            ("respondents", case.respondents_text),
        )
    }
    return {
        **{
            name: getattr(case, name)
            for name in (
                "id slug title status outcome subject filed_on decided_on updated_at"
            ).split()
        },
        **parties,
        "url": _absolute(request, case.get_absolute_url()),
        "api_url": _api_url(request, "case", slug=case.slug),
        "court": {
            "id": case.court.id,
            "name": case.court.name,
            "short_name": case.court.short_name,
        },
        "bench": case.bench.label if case.bench else None,
        "numbers": [n.number for n in case.numbers.all()],
        "incidents": [
            {
                "slug": i.slug,
                "title": i.title,
                "url": _absolute(request, i.get_absolute_url()),
                "api_url": _api_url(request, "incident", slug=i.slug),
            }
            for i in case.incidents.all()
        ],
        "hearing_count": case.hearing_count,
        "hearings_url": _absolute(request, reverse("api:hearings") + f"?case={case.slug}"),
    }


def _hearing(request, hearing: Hearing) -> dict:
    return {
        **{
            name: getattr(hearing, name)
            for name in (
                "id date date_precision result what_happened directions appeared summoned "
                "next_date next_date_note"
            ).split()
        },
        "case": _case_ref(request, hearing.case),
        "bench": hearing.bench.label if hearing.bench else None,
        "url": _absolute(request, hearing.get_absolute_url()),
        "api_url": _api_url(request, "hearing", hearing_id=hearing.pk),
        "sources": _sources(hearing.sources.all()),
    }


def _page(request, queryset, limit: int, offset: int, serialize) -> dict:
    count = queryset.count()
    items = list(queryset[offset : offset + limit])

    def link(at: int) -> str:
        params = request.GET.copy()
        params["limit"], params["offset"] = str(limit), str(at)
        return _absolute(request, f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "next": link(offset + limit) if offset + limit < count else None,
        "previous": link(max(offset - limit, 0)) if offset > 0 else None,
        "results": [serialize(item) for item in items],
    }


def _filtered(form_class, params: dict, queryset, unknown: dict):
    """`queryset` through the site's filter form. A well-formed value naming nothing we hold
    (`unknown`: parameter -> does it exist?) selects nothing; a malformed one is a 400."""
    params = {k: v for k, v in params.items() if v not in (None, "")}
    if any(name in params and not exists(params[name]) for name, exists in unknown.items()):
        return queryset.none()
    form = form_class(params)
    if not form.is_valid():
        raise BadRequest("Invalid filter.", {k: list(v) for k, v in form.errors.items()})
    return form.filter(queryset)


def filtered_incidents(params: dict, queryset):
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


# --- querysets -------------------------------------------------------------------------------


def incidents_queryset():
    return Incident.objects.select_related("country", "decision_maker").prefetch_related(
        "services",
        "networks",
        "ordered_by",
        Prefetch("sources", queryset=Source.objects.order_by("url")),
        Prefetch("cases", queryset=LegalCase.objects.select_related("court")),
    )


def cases_queryset():
    return (
        LegalCase.objects.select_related("court", "bench")
        .prefetch_related("numbers", "incidents", "petitioners", "respondents")
        .annotate(hearing_count=Count("hearings", distinct=True))
        .order_by("court__name", "-filed_on", "title")
    )


def hearings_queryset():
    return (
        Hearing.objects.select_related("case__court", "bench")
        .prefetch_related("sources")
        .order_by("date", "pk")
    )


# --- endpoints -------------------------------------------------------------------------------

CODE = r"^[A-Za-z]{2}$"
SLUG = r"^[-a-zA-Z0-9_]+$"


def _iso_only(value):
    """Strictly YYYY-MM-DD: pydantic's lax dates would take "0" as 1 January 1970."""
    if isinstance(value, datetime.date) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        return value
    raise ValueError("Write the date as YYYY-MM-DD.")


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_only)]

SlugPath = Path(..., pattern=SLUG, description="The record's slug, as in its page's address")
Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Records per page")
Offset = Query(0, ge=0, le=1_000_000, description="Records to skip")


@api.get("/incidents", response={200: s.IncidentPage, **ERRORS}, url_name="incidents")
def incident_list(
    request,
    country: str | None = Query(None, pattern=CODE, description="ISO 3166-1 code, e.g. PK"),
    kind: IncidentKind | None = None,
    service: str | None = Query(None, pattern=SLUG, description="Service slug, e.g. x"),
    status: IncidentStatus | None = None,
    year: int | None = Query(None, ge=1990, le=2100, description="Under way that year"),
    limit: int = Limit,
    offset: int = Offset,
):
    """Incidents, newest first, filtered as on the site's incident list."""
    params = {"country": country, "kind": kind, "service": service, "status": status, "year": year}
    today = timezone.localdate()
    incidents = filtered_incidents(params, incidents_queryset())
    return _page(request, incidents, limit, offset, lambda i: _incident(request, i, today))


@api.get("/incidents/{slug}", response={200: s.IncidentOut, **ERRORS}, url_name="incident")
def incident_detail(request, slug: str = SlugPath):
    incident = get_object_or_404(incidents_queryset(), slug=slug)
    return _incident(request, incident, timezone.localdate())


@api.get("/cases", response={200: s.CasePage, **ERRORS}, url_name="cases")
def case_list(
    request,
    court: int | None = Query(None, ge=1, description="Court id (see `court.id`)"),
    status: CaseStatus | None = None,
    limit: int = Limit,
    offset: int = Offset,
):
    """Court cases by court, newest filing first."""
    cases = _filtered(
        CaseFilter,
        {"court": court, "status": status},
        cases_queryset(),
        {"court": lambda pk: Court.objects.filter(pk=pk).exists()},
    )
    return _page(request, cases, limit, offset, lambda c: _case(request, c))


@api.get("/cases/{slug}", response={200: s.CaseDetailOut, **ERRORS}, url_name="case")
def case_detail(request, slug: str = SlugPath):
    case = get_object_or_404(cases_queryset().prefetch_related("sources"), slug=slug)
    hearings = case.hearings.order_by("date", "pk")
    return {
        **_case(request, case),
        "hearings": [
            {
                "id": h.pk,
                "date": h.date,
                "result": h.result,
                "what_happened": h.what_happened,
                "next_date": h.next_date,
                "url": _absolute(request, f"{case.get_absolute_url()}#hearing-{h.pk}"),
                "api_url": _api_url(request, "hearing", hearing_id=h.pk),
            }
            for h in hearings
        ],
        "sources": _sources(case.sources.all()),
    }


@api.get("/hearings", response={200: s.HearingPage, **ERRORS}, url_name="hearings")
def hearing_list(
    request,
    date_from: IsoDate | None = Query(None, alias="from", description="On or after"),  # noqa: B008
    date_to: IsoDate | None = Query(None, alias="to", description="On or before"),  # noqa: B008
    upcoming: bool = Query(False, description="Only hearings from today on"),
    case: str | None = Query(None, pattern=SLUG, description="Case slug"),
    limit: int = Limit,
    offset: int = Offset,
):
    """Hearings in date order."""
    hearings = hearings_queryset()
    if upcoming:
        hearings = hearings.filter(date__gte=timezone.localdate())
    if date_from:
        hearings = hearings.filter(date__gte=date_from)
    if date_to:
        hearings = hearings.filter(date__lte=date_to)
    if case:
        hearings = hearings.filter(case__slug=case)
    return _page(request, hearings, limit, offset, lambda h: _hearing(request, h))


@api.get("/hearings/{hearing_id}", response={200: s.HearingOut, **ERRORS}, url_name="hearing")
def hearing_detail(request, hearing_id: int):
    return _hearing(request, get_object_or_404(hearings_queryset(), pk=hearing_id))


def services_queryset():
    return Service.objects.annotate(incident_count=Count("incidents")).order_by("name")


def _service(request, service: Service) -> dict:
    return {
        **_service_ref(request, service),
        "domains": service.domain_list(),
        "website": service.website,
        "incident_count": service.incident_count,
    }


@api.get("/services", response={200: s.ServicePage, **ERRORS}, url_name="services")
def service_list(request, limit: int = Limit, offset: int = Offset):
    """Platforms and apps that incidents affected, by name."""
    return _page(request, services_queryset(), limit, offset, lambda x: _service(request, x))


@api.get("/services/{slug}", response={200: s.ServiceOut, **ERRORS}, url_name="service")
def service_detail(request, slug: str = SlugPath):
    return _service(request, get_object_or_404(services_queryset(), slug=slug))
