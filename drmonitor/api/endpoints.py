"""The read-only JSON API over the evidence desk, with its OpenAPI description.

Each endpoint selects (queries.py) and returns model instances; ninja writes them in the
record's one shape (schemas.py) and documents the same shape. Lists are cut into pages by
`pagination.LinkedPages` (limit/offset, the total count, absolute next/previous links).

No `from __future__ import annotations` here: `@paginate` wraps the views, and ninja reads
the parameters' types from the wrapper, whose module could not resolve them as strings.
"""

import datetime
import re
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate
from pydantic import BeforeValidator

from drmonitor.api import schemas as s
from drmonitor.api.docs import SiteDocs
from drmonitor.api.pagination import LinkedPages
from drmonitor.api.queries import (
    BadRequest,
    actors_queryset,
    campaigns_queryset,
    case_detail_queryset,
    cases_queryset,
    courts_queryset,
    filtered_cases,
    filtered_hearings,
    filtered_incidents,
    hearings_queryset,
    incidents_queryset,
    laws_queryset,
    orders_queryset,
    services_queryset,
    statements_queryset,
)
from drmonitor.playlists.models import Playlist
from drmonitor.tracker.models import Incident, LegalCase
from drmonitor.tracker.timeline import case_timeline, incident_timeline
from drmonitor.tracker.vocab import CaseStatus, IncidentKind, IncidentStatus

api = NinjaAPI(
    title="Digital Rights Monitor open data",
    version="1",
    description=(
        "Incidents (platform blocks, shutdowns, throttling), the court cases that challenge "
        "them, their hearings, the services affected, and public playlists of articles and "
        "episodes. Read-only and anonymous. Incidents "
        "are also available as CSV in Access Now STOP's columns at /api/incidents.csv."
    ),
    urls_namespace="api",
    docs=SiteDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


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
CourtQuery = Query(None, ge=1, description="Court id (see `court.id`)")


def _list_endpoint(path: str, page: type[Schema], url_name: str):
    """A list of records: every list is cut into pages the same way (`LinkedPages`), and
    documented as `page`, that record's page schema."""

    def register(view):
        response = {200: page, **ERRORS}
        return api.get(path, response=response, url_name=url_name)(paginate(LinkedPages)(view))

    return register


@_list_endpoint("/incidents", s.IncidentPage, "incidents")
def incident_list(
    request,
    country: str | None = Query(None, pattern=CODE, description="ISO 3166-1 code, e.g. PK"),
    kind: IncidentKind | None = None,
    service: str | None = Query(None, pattern=SLUG, description="Service slug, e.g. x"),
    status: IncidentStatus | None = None,
    year: int | None = Query(None, ge=1990, le=2100, description="Under way that year"),
):
    """Incidents, newest first, filtered as on the site's incident list."""
    params = {"country": country, "kind": kind, "service": service, "status": status, "year": year}
    return filtered_incidents(params, incidents_queryset())


@api.get("/incidents/{slug}", response={200: s.IncidentOut, **ERRORS}, url_name="incident")
def incident_detail(request, slug: str = SlugPath):
    return get_object_or_404(incidents_queryset(), slug=slug)


@_list_endpoint("/cases", s.CasePage, "cases")
def case_list(request, court: int | None = CourtQuery, status: CaseStatus | None = None):
    """Court cases by court, newest filing first."""
    return filtered_cases({"court": court, "status": status}, cases_queryset())


@api.get("/cases/{slug}", response={200: s.CaseDetailOut, **ERRORS}, url_name="case")
def case_detail(request, slug: str = SlugPath):
    return get_object_or_404(case_detail_queryset(), slug=slug)


@_list_endpoint("/hearings", s.HearingPage, "hearings")
def hearing_list(
    request,
    date_from: IsoDate | None = Query(None, alias="from", description="On or after"),  # noqa: B008
    date_to: IsoDate | None = Query(None, alias="to", description="On or before"),  # noqa: B008
    upcoming: bool = Query(False, description="Only hearings from today on"),
    case: str | None = Query(None, pattern=SLUG, description="Case slug"),
):
    """Hearings in date order."""
    params = {"from": date_from, "to": date_to, "upcoming": str(upcoming), "case": case}
    return filtered_hearings(params, hearings_queryset())


@api.get("/hearings/{hearing_id}", response={200: s.HearingOut, **ERRORS}, url_name="hearing")
def hearing_detail(request, hearing_id: int):
    return get_object_or_404(hearings_queryset(), pk=hearing_id)


@_list_endpoint("/services", s.ServicePage, "services")
def service_list(request):
    """Platforms and apps that incidents affected, by name."""
    return services_queryset()


@api.get("/services/{slug}", response={200: s.ServiceOut, **ERRORS}, url_name="service")
def service_detail(request, slug: str = SlugPath):
    return get_object_or_404(services_queryset(), slug=slug)


@api.get(
    "/incidents/{slug}/timeline",
    response={200: list[s.TimelineEventOut], **ERRORS},
    url_name="incident_timeline",
)
def incident_timeline_view(request, slug: str = SlugPath):
    """The incident's merged timeline (its orders, cases, hearings, statements, campaigns,
    status changes, our reporting and what was measured), in date order, each event with its
    sources, a measured one with the measurements that prove it."""
    return incident_timeline(get_object_or_404(Incident.objects.published(), slug=slug))


@api.get(
    "/cases/{slug}/timeline",
    response={200: list[s.TimelineEventOut], **ERRORS},
    url_name="case_timeline",
)
def case_timeline_view(request, slug: str = SlugPath):
    """The case's timeline from filing on, with the incidents it challenges."""
    return case_timeline(get_object_or_404(LegalCase.objects.published(), slug=slug))


def _plain_list(records):
    """A list endpoint without filters: every published record, in its queryset's order, which
    the queryset's docstring describes (the API's documentation shows it)."""

    def view(request):
        return records()

    view.__doc__ = records.__doc__
    view.__name__ = records.__name__.replace("_queryset", "_list")
    return view


for _path, _page, _records in (
    ("orders", s.OrderPage, orders_queryset),
    ("statements", s.StatementPage, statements_queryset),
    ("campaigns", s.CampaignPage, campaigns_queryset),
    ("actors", s.ActorPage, actors_queryset),
    ("courts", s.CourtPage, courts_queryset),
    ("laws", s.LawPage, laws_queryset),
):
    _list_endpoint(f"/{_path}", _page, _path)(_plain_list(_records))


@_list_endpoint("/playlists", s.PlaylistPage, "playlists")
def playlist_list(request, featured: bool = Query(False, description="Only featured ones")):
    """Public playlists, featured first, then the most recently changed. Readers' private
    playlists are never here."""
    playlists = Playlist.objects.featured() if featured else Playlist.objects.public()
    return playlists.listed()


@api.get("/playlists/{playlist_id}", response={200: s.PlaylistOut, **ERRORS}, url_name="playlist")
def playlist_detail(request, playlist_id: int):
    return get_object_or_404(Playlist.objects.public(), pk=playlist_id)
