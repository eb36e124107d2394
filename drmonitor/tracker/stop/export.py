"""Incidents out as STOP rows: what STOP wrote, as STOP wrote it, and our record beside it.

An incident imported from STOP is exported as the rows it came from (STOP's repeat rows stay
rows), each with STOP's cells unchanged: STOP's dates, STOP's inclusive duration, blanks
blank. A record of ours gets one row whose STOP columns are written from it in STOP's formats
(its duration counts both the first and the last day, as STOP's does). Both carry our whole
record in the drm_ columns. Every cell passes the formula rule (cells.py); a cell with a
separator, quote or line break is quoted.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO
from urllib.parse import urlparse

from drmonitor.tracker.stop import columns as cols
from drmonitor.tracker.stop.cells import neutralise, stop_date
from drmonitor.tracker.stop.countries import NAME_BY_CODE, REGION_BY_CODE
from drmonitor.tracker.vocab import Extent, IncidentKind

# The incident's relations a row prints.
LINKS = ("services", "sources", "networks", "ordered_by", "legal_basis")
STOP_LIST_SEPARATOR = "; "  # how STOP's own cells list links


def linked(incident) -> dict[str, list]:
    """The records `incident` links to, relation by relation (see `LINKS`)."""
    return {name: list(getattr(incident, name).all()) for name in LINKS}


def export_queryset(incidents):
    return incidents.select_related("country", "decision_maker").prefetch_related(
        *LINKS, "stop_rows"
    )


def shutdown_type_for(kind: str) -> str:
    """STOP counts platform and website blocks as (service-based) shutdowns."""
    if kind == IncidentKind.THROTTLING:
        return "Throttle"
    if kind == IncidentKind.CABLE_FAULT:
        return "Unknown"
    return "Shutdown"


def _is_access_now(url: str) -> bool:
    return urlparse(url).netloc.lower().endswith("accessnow.org")


def drm_cells(incident, base_url: str, links: dict[str, list], from_stop: bool) -> dict[str, str]:
    """Our record in the drm_ columns."""
    row = {
        cols.DRM_STOP_ROW: cols.STOP_ORIGIN if from_stop else "",
        "drm_url": base_url + incident.get_absolute_url(),
        "drm_country": incident.country.code,
        "drm_decision_maker": incident.decision_maker.name if incident.decision_maker else "",
        "drm_services": cols.LIST_SEPARATOR.join(sorted(s.name for s in links["services"])),
        "drm_networks": cols.LIST_SEPARATOR.join(sorted(n.name for n in links["networks"])),
        "drm_ordered_by": cols.LIST_SEPARATOR.join(sorted(a.name for a in links["ordered_by"])),
        "drm_laws": cols.LIST_SEPARATOR.join(sorted(law.title for law in links["legal_basis"])),
        "drm_sources": cols.LIST_SEPARATOR.join(
            f"{s.kind} {s.url}" for s in sorted(links["sources"], key=lambda s: s.url)
        ),
    }
    for column, field_name in cols.DRM_FIELDS.items():
        value = getattr(incident, field_name)
        row[column] = "" if value is None else str(value)
    return row


def derived_stop_cells(incident, links: dict[str, list]) -> dict[str, str]:
    """STOP's columns written from a record of ours, in STOP's formats."""
    services = sorted(s.name for s in links["services"])
    service_set = set(services)
    service_based = incident.extent == Extent.SERVICE
    sources = sorted(links["sources"], key=lambda s: s.url)
    write_up = next((s for s in sources if _is_access_now(s.url)), None)
    evidence = [s for s in sources if s is not write_up]
    code = incident.country.code
    row = dict.fromkeys(cols.STOP_COLUMNS, "")
    row.update(
        {
            "start_date_type": incident.start_date_type,
            "start_date": stop_date(incident.start_date),
            "country": NAME_BY_CODE.get(code, incident.country.name),
            "shutdown_type": shutdown_type_for(incident.kind),
            "decision_maker": incident.decision_maker.name if incident.decision_maker else "",
            "info_source": cols.INFO_SOURCE_FOR_KIND.get(evidence[0].kind, "Other")
            if evidence
            else "",
            "info_source_link": STOP_LIST_SEPARATOR.join(s.url for s in evidence),
            "end_date": stop_date(incident.end_date),
            "duration": str(incident.duration_days() + 1) if incident.end_date else "",
            "legal_just": "Yes" if links["legal_basis"] else "",
            "gov_ack_source": incident.government_ack_source,
            "other_affected": ", ".join(
                n for n in services if n not in cols.SERVICE_FLAGS.values()
            ),
            "telcos_involved": ", ".join(sorted(n.name for n in links["networks"])),
            "an_link": write_up.url if write_up else "",
            "region": REGION_BY_CODE.get(code, ""),
            "count_year": str(incident.start_date.year),
        }
    )
    for column, field_name in {**cols.TEXT_FIELDS, **cols.CHOICE_FIELDS}.items():
        row[column] = getattr(incident, field_name) or ""
    for column, name in cols.SERVICE_FLAGS.items():
        row[column] = "Yes" if name in service_set else ("No" if service_based else "")
    return row


def incident_rows(incident, base_url: str, links: dict[str, list] | None = None) -> list[dict]:
    """The incident's rows, STOP's columns then ours. `links` are its linked records
    (`linked()`), by default read from the relations: prefetch them (`export_queryset`) so
    a long export does not query per incident."""
    links = linked(incident) if links is None else links
    stop_rows = list(incident.stop_rows.all()) if incident.pk else []
    if not stop_rows:
        return [derived_stop_cells(incident, links) | drm_cells(incident, base_url, links, False)]
    ours = drm_cells(incident, base_url, links, True)
    return [{c: row.cells.get(c, "") for c in cols.STOP_COLUMNS} | ours for row in stop_rows]


def write_csv(out: TextIO, rows: Iterable[dict[str, str]]) -> None:
    """STOP rows as CSV, every cell through the formula rule (cells.py)."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(cols.EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([neutralise(row.get(c, "")) for c in cols.EXPORT_COLUMNS])


def export_rows(incidents, base_url: str) -> Iterator[dict[str, str]]:
    """Every row of `incidents` (a queryset, in its order)."""
    for incident in export_queryset(incidents):
        yield from incident_rows(incident, base_url)
