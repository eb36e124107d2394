"""CSV downloads. The incident CSV is STOP-shaped (tracker/stop/columns.py) so it merges with
Access Now's data and can be imported back; cases and hearings have columns of their own."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from drmonitor.api.endpoints import (
    BadRequest,
    cases_queryset,
    filtered_incidents,
    hearings_queryset,
)
from drmonitor.tracker.models import Incident
from drmonitor.tracker.stop.columns import EXPORT_COLUMNS, export_queryset, incident_row

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


def _csv_response(filename: str, columns: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.DictWriter(response, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return response


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _iso(value) -> str:
    return value.isoformat() if value else ""


def incident_csv_text(incidents, base_url: str) -> str:
    """The STOP-shaped CSV of `incidents` (also what the round-trip test compares)."""
    return _csv_response(
        "incidents.csv",
        EXPORT_COLUMNS,
        (incident_row(i, base_url) for i in export_queryset(incidents)),
    ).content.decode()


@require_safe
def incidents_csv(request):
    """Every incident, or those the list's filters select (same parameters as the page)."""
    try:
        incidents = filtered_incidents(
            request.GET.dict(), Incident.objects.order_by("start_date", "slug")
        )
    except BadRequest as exc:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.errors.items())
        return HttpResponse(f"Invalid filter: {problems}\n", status=400, content_type="text/plain")
    rows = (incident_row(i, _base_url(request)) for i in export_queryset(incidents))
    return _csv_response("drm-incidents.csv", EXPORT_COLUMNS, rows)


@require_safe
def cases_csv(request):
    base = _base_url(request)
    rows = (
        {
            "id": c.pk,
            "slug": c.slug,
            "title": c.title,
            "court": c.court.name,
            "court_short_name": c.court.short_name,
            "numbers": "; ".join(n.number for n in c.numbers.all()),
            "status": c.status,
            "outcome": c.outcome,
            "filed_on": _iso(c.filed_on),
            "decided_on": _iso(c.decided_on),
            "petitioners": c.petitioners_text,
            "respondents": c.respondents_text,
            "subject": c.subject,
            "incidents": "; ".join(i.slug for i in c.incidents.all()),
            "hearing_count": c.hearing_count,
            "url": base + c.get_absolute_url(),
        }
        for c in cases_queryset()
    )
    return _csv_response("drm-cases.csv", CASE_COLUMNS, rows)


@require_safe
def hearings_csv(request):
    base = _base_url(request)
    rows = (
        {
            "id": h.pk,
            "case_slug": h.case.slug,
            "case_title": h.case.title,
            "court": h.case.court.name,
            "date": _iso(h.date),
            "date_precision": h.date_precision,
            "bench": h.bench.label if h.bench else "",
            "result": h.result,
            "what_happened": h.what_happened,
            "directions": h.directions,
            "appeared": h.appeared,
            "summoned": h.summoned,
            "next_date": _iso(h.next_date),
            "next_date_note": h.next_date_note,
            "url": base + h.get_absolute_url(),
        }
        for h in hearings_queryset()
    )
    return _csv_response("drm-hearings.csv", HEARING_COLUMNS, rows)
