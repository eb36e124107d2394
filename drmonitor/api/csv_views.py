"""CSV downloads. The incident CSV is STOP-shaped (tracker/stop/columns.py) so it merges with
Access Now's data and can be imported back; cases and hearings have columns of their own.

A case or hearing row is the JSON API's record (schemas.py) flattened: nested records become
the columns below, lists are joined with "; ", and what a spreadsheet has no use for (api_url,
sources...) is left out. So a value means the same in both downloads. Dates come out as
YYYY-MM-DD and missing values as empty cells. A cell a spreadsheet would run as a formula
("=", "+", "-", "@"...) is written with a leading apostrophe (tracker/stop/cells.py), as in the
incident CSV.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from functools import wraps

from django.db.models import QuerySet
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe
from ninja import Schema

from drmonitor.api import schemas as s
from drmonitor.api.queries import (
    BadRequest,
    cases_queryset,
    filtered_cases,
    filtered_hearings,
    filtered_incidents,
    hearings_queryset,
)
from drmonitor.tracker.models import Incident
from drmonitor.tracker.stop.cells import neutral_row
from drmonitor.tracker.stop.export import export_rows, write_csv

CASE_COLUMNS = [
    "id",
    "slug",
    "title",
    "court",
    "court_short_name",
    "numbers",
    "status",
    "outcome",
    "filed_on",
    "decided_on",
    "petitioners",
    "respondents",
    "subject",
    "incidents",
    "hearing_count",
    "url",
]
HEARING_COLUMNS = [
    "id",
    "case_slug",
    "case_title",
    "court",
    "date",
    "date_precision",
    "bench",
    "result",
    "what_happened",
    "directions",
    "appeared",
    "summoned",
    "next_date",
    "next_date_note",
    "url",
]


def _case_row(case: dict) -> dict:
    return {
        **case,
        "court": case["court"]["name"],
        "court_short_name": case["court"]["short_name"],
        "numbers": "; ".join(case["numbers"]),
        "incidents": "; ".join(incident["slug"] for incident in case["incidents"]),
    }


def _hearing_row(hearing: dict) -> dict:
    case = hearing["case"]
    return {
        **hearing,
        "case_slug": case["slug"],
        "case_title": case["title"],
        "court": case["court"],
    }


def _csv_response(filename: str, columns: list[str], rows: Iterable[dict]) -> HttpResponse:
    """The rows as a download; keys of a row that are not `columns` are left out."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(neutral_row(row, columns) for row in rows)
    return response


def _records_response(
    request,
    filename: str,
    columns: list[str],
    records: QuerySet,
    shape: type[Schema],
    flatten: Callable[[dict], dict],
) -> HttpResponse:
    context = {"request": request}
    rows = (flatten(shape.model_validate(r, context=context).model_dump()) for r in records)
    return _csv_response(filename, columns, rows)


def _incidents_response(incidents, base_url: str) -> HttpResponse:
    """STOP's rows as STOP wrote them, then ours (tracker/stop/export.py)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="drm-incidents.csv"'
    write_csv(response, export_rows(incidents, base_url))
    return response


def incident_csv_text(incidents, base_url: str) -> str:
    """The STOP-shaped CSV of `incidents` (also what the round-trip test compares)."""
    return _incidents_response(incidents, base_url).content.decode()


def filters_honoured(view):
    """The JSON list's filters for a CSV: a malformed one answers 400 in the JSON API's shape
    (`detail`, `errors` by parameter), never a half-filtered download."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadRequest as exc:
            return JsonResponse({"detail": exc.detail, "errors": exc.errors}, status=400)

    return require_safe(wrapper)


@filters_honoured
def incidents_csv(request):
    """Every incident, or those the list's filters select (same parameters as the page)."""
    incidents = filtered_incidents(
        request.GET.dict(), Incident.objects.published().order_by("start_date", "slug")
    )
    return _incidents_response(incidents, request.build_absolute_uri("/").rstrip("/"))


@filters_honoured
def cases_csv(request):
    """Every case, or those of one `court` (id) or `status`, as in /api/cases."""
    cases = filtered_cases(request.GET.dict(), cases_queryset())
    return _records_response(request, "drm-cases.csv", CASE_COLUMNS, cases, s.CaseOut, _case_row)


@filters_honoured
def hearings_csv(request):
    """Every published hearing, or those `from`/`to` a date, `upcoming`, of one `case`."""
    hearings = filtered_hearings(request.GET.dict(), hearings_queryset())
    return _records_response(
        request, "drm-hearings.csv", HEARING_COLUMNS, hearings, s.HearingOut, _hearing_row
    )
