"""Tracker records for the site search: one call that returns incidents, cases and hearings.

The site search page (newsroom) calls `search_records(query)` and shows the hits beside the
articles; each hit carries what a result row needs, so the page knows nothing of our models.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from wagtail.search.backends import get_search_backend

from drmonitor.tracker.models import Hearing, Incident, LegalCase


@dataclass(frozen=True)
class RecordHit:
    kind: str  # "incident", "case" or "hearing"
    title: str
    url: str
    summary: str
    date: datetime.date | None


def search_records(query: str, limit: int = 5) -> list[RecordHit]:
    """Up to `limit` best matches of each kind, incidents first."""
    query = (query or "").strip()
    if not query:
        return []
    backend = get_search_backend()
    hits: list[RecordHit] = []
    incidents = Incident.objects.select_related("country")
    for incident in backend.search(query, incidents)[:limit]:
        hits.append(
            RecordHit(
                "incident",
                incident.title,
                incident.get_absolute_url(),
                incident.summary,
                incident.start_date,
            )
        )
    for case in backend.search(query, LegalCase.objects.select_related("court"))[:limit]:
        hits.append(
            RecordHit(
                "case",
                case.title,
                case.get_absolute_url(),
                f"{case.court.name} · {case.get_status_display()}",
                case.filed_on,
            )
        )
    hearings = Hearing.objects.select_related("case__court")
    for hearing in backend.search(query, hearings)[:limit]:
        hits.append(
            RecordHit(
                "hearing",
                hearing.title,
                hearing.get_absolute_url(),
                hearing.what_happened,
                hearing.date,
            )
        )
    return hits
