"""STOP's columns and vocabularies, and how each maps to our incident: the one place both the
CSV export and the STOP import read, so the two directions cannot drift apart.

Export: `incident_row()` turns an incident into one STOP-shaped row (STOP's 47 columns in
STOP's order, then our own `drm_` columns). Import: `parse_row()` turns one CSV row into an
`IncidentData` (plain values, no database) plus the row's errors.

Where STOP has no field of ours (telco_ack, election, violence, users_targeted, sms_affected...)
the export leaves the cell empty and the import ignores it. Derived columns (region, duration,
count_year, legal_just) are written from our data and ignored on import. STOP repeats an event
that spans several years once per year (count_year); we export one row per incident, with the
start year as count_year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from drmonitor.tracker.stop.countries import NAME_BY_CODE, REGION_BY_CODE, code_for
from drmonitor.tracker.vocab import (
    ActualCause,
    AffectedNetwork,
    DateType,
    Extent,
    GeoScope,
    IncidentKind,
    IncidentStatus,
    Justification,
    OrderedBy,
    SourceKind,
    YesNoUnknown,
)

STOP_COLUMNS = [
    "start_date_type",
    "start_date",
    "country",
    "geo_scope",
    "area_name",
    "shutdown_type",
    "affected_network",
    "shutdown_extent",
    "ordered_by",
    "decision_maker",
    "actual_cause",
    "actual_cause_details",
    "info_source",
    "info_source_link",
    "shutdown_status",
    "end_date",
    "duration",
    "gov_justification",
    "gov_just_details",
    "gov_ack",
    "legal_just",
    "legal_method",
    "gov_ack_source",
    "gov_ack_quote",
    "facebook_affected",
    "twitter_affected",
    "whatsapp_affected",
    "instagram_affected",
    "telegram_affected",
    "other_affected",
    "sms_affected",
    "phonecall_affected",
    "telcos_involved",
    "telco_ack",
    "telco_ack_source",
    "telco_ack_quote",
    "election",
    "violence",
    "hr_abuse_reported",
    "users_targeted",
    "users_target_detail",
    "users_notified",
    "econ_impact",
    "event",
    "an_link",
    "region",
    "count_year",
]

# Our own columns, after STOP's. drm_slug is the stable key across databases; drm_id is only
# informative (ids differ between installations).
DRM_COLUMNS = [
    "drm_id",
    "drm_slug",
    "drm_title",
    "drm_kind",
    "drm_end_date_type",
    "drm_url",
    "drm_services",
    "drm_ordered_by",
    "drm_laws",
    "drm_sources",
]
EXPORT_COLUMNS = STOP_COLUMNS + DRM_COLUMNS

# Column names of STOP's 2016-2019 sheets that mean the same as a current column.
OLD_COLUMN_NAMES = {
    "shutdown_type_new": "shutdown_type",
    "full or service-based": "shutdown_extent",
    "official_just": "gov_justification",
    "off_statement": "gov_ack_quote",
    "news_link": "info_source_link",
    "services_affected": "other_affected",
}
REQUIRED_COLUMNS = ["start_date", "country", "shutdown_type"]

SHUTDOWN_TYPES = ["Shutdown", "Throttle", "Shutdown, Throttle", "Unknown"]
INFO_SOURCES = ["CSO KIO partners", "News media article", "Social media", "Confidential", "Other"]

# STOP column -> the values it allows (ours are STOP's exact strings, see vocab.py).
VOCABULARIES: dict[str, list[str]] = {
    "start_date_type": DateType.values,
    "geo_scope": GeoScope.values,
    "shutdown_type": SHUTDOWN_TYPES,
    "affected_network": AffectedNetwork.values,
    "shutdown_extent": Extent.values,
    "ordered_by": OrderedBy.values,
    "actual_cause": ActualCause.values,
    "info_source": INFO_SOURCES,
    "shutdown_status": IncidentStatus.values,
    "gov_justification": Justification.values,
    "gov_ack": YesNoUnknown.values,
    "drm_kind": IncidentKind.values,
    "drm_end_date_type": DateType.values,
}

# The per-service flags, and the service record each one means.
SERVICE_FLAGS = {
    "facebook_affected": "Facebook",
    "twitter_affected": "X",
    "whatsapp_affected": "WhatsApp",
    "instagram_affected": "Instagram",
    "telegram_affected": "Telegram",
}
SERVICE_ALIASES = {"twitter": "X", "x (twitter)": "X", "x/twitter": "X", "twitter/x": "X"}

# Plain text columns: STOP column -> Incident field.
TEXT_FIELDS = {
    "area_name": "areas",
    "actual_cause_details": "actual_cause_details",
    "gov_just_details": "stated_justification_details",
    "legal_method": "legal_method",
    "gov_ack_quote": "government_ack_quote",
    "event": "summary",
}
# Vocabulary columns: STOP column -> Incident field.
CHOICE_FIELDS = {
    "start_date_type": "start_date_type",
    "geo_scope": "geo_scope",
    "affected_network": "affected_network",
    "shutdown_extent": "extent",
    "ordered_by": "ordered_by_level",
    "actual_cause": "actual_cause",
    "shutdown_status": "status",
    "gov_justification": "stated_justification",
    "gov_ack": "government_acknowledged",
    "drm_kind": "kind",
    "drm_end_date_type": "end_date_type",
}
# Incident field -> the column an error about it is reported under.
COLUMN_FOR_FIELD = {
    **{f: c for c, f in TEXT_FIELDS.items()},
    **{f: c for c, f in CHOICE_FIELDS.items()},
    "kind": "shutdown_type",
    "start_date": "start_date",
    "end_date": "end_date",
    "country": "country",
    "title": "drm_title",
    "slug": "drm_slug",
    "government_ack_source": "gov_ack_source",
    "decision_maker": "decision_maker",
}

# Which STOP info_source a source kind counts as.
INFO_SOURCE_FOR_KIND = {
    SourceKind.NEWS: "News media article",
    SourceKind.SOCIAL: "Social media",
    SourceKind.CSO: "CSO KIO partners",
    SourceKind.OONI: "CSO KIO partners",
    SourceKind.IODA: "CSO KIO partners",
    SourceKind.CF_RADAR: "CSO KIO partners",
    SourceKind.NETBLOCKS: "CSO KIO partners",
}
KIND_FOR_INFO_SOURCE = {
    "News media article": SourceKind.NEWS,
    "Social media": SourceKind.SOCIAL,
    "CSO KIO partners": SourceKind.CSO,
}
KIND_FOR_HOST = {
    "ooni.org": SourceKind.OONI,
    "ioda.": SourceKind.IODA,
    "radar.cloudflare.com": SourceKind.CF_RADAR,
    "netblocks.org": SourceKind.NETBLOCKS,
    "accessnow.org": SourceKind.STOP,
    "twitter.com": SourceKind.SOCIAL,
    "x.com": SourceKind.SOCIAL,
    "facebook.com": SourceKind.SOCIAL,
    "t.me": SourceKind.SOCIAL,
}
LIST_SEPARATOR = "; "


# --- export --------------------------------------------------------------------------------


def shutdown_type_for(kind: str) -> str:
    """STOP counts platform and website blocks as (service-based) shutdowns."""
    if kind == IncidentKind.THROTTLING:
        return "Throttle"
    if kind == IncidentKind.CABLE_FAULT:
        return "Unknown"
    return "Shutdown"


def _is_access_now(url: str) -> bool:
    return urlparse(url).netloc.lower().endswith("accessnow.org")


# The incident's relations a row prints.
LINKS = ("services", "sources", "networks", "ordered_by", "legal_basis")


def linked(incident) -> dict[str, list]:
    """The records `incident` links to, relation by relation (see `LINKS`)."""
    return {name: list(getattr(incident, name).all()) for name in LINKS}


def incident_row(incident, base_url: str, links: dict[str, list] | None = None) -> dict[str, str]:
    """One incident as a STOP row plus our drm_ columns. `links` are its linked records
    (`linked()`), by default read from the relations: prefetch them (see `export_queryset`)
    so a long export does not query per incident."""
    links = linked(incident) if links is None else links
    services = sorted(s.name for s in links["services"])
    service_set = set(services)
    service_based = incident.extent == Extent.SERVICE
    sources = sorted(links["sources"], key=lambda s: s.url)
    write_up = next((s for s in sources if _is_access_now(s.url)), None)
    evidence = [s for s in sources if s is not write_up]
    first_kind = evidence[0].kind if evidence else ""
    code = incident.country.code
    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row.update(
        {
            "start_date_type": incident.start_date_type,
            "start_date": incident.start_date.isoformat(),
            "country": NAME_BY_CODE.get(code, incident.country.name),
            "shutdown_type": shutdown_type_for(incident.kind),
            "decision_maker": incident.decision_maker.name if incident.decision_maker else "",
            "info_source": INFO_SOURCE_FOR_KIND.get(first_kind, "Other") if evidence else "",
            "info_source_link": LIST_SEPARATOR.join(s.url for s in evidence),
            "end_date": incident.end_date.isoformat() if incident.end_date else "",
            "duration": str(incident.duration_days()) if incident.end_date else "",
            "legal_just": "Yes" if links["legal_basis"] else "",
            "gov_ack_source": incident.government_ack_source,
            "other_affected": ", ".join(n for n in services if n not in SERVICE_FLAGS.values()),
            "telcos_involved": ", ".join(sorted(n.name for n in links["networks"])),
            "an_link": write_up.url if write_up else "",
            "region": REGION_BY_CODE.get(code, ""),
            "count_year": str(incident.start_date.year),
            "drm_id": str(incident.pk),
            "drm_slug": incident.slug,
            "drm_title": incident.title,
            "drm_kind": incident.kind,
            "drm_end_date_type": incident.end_date_type,
            "drm_url": base_url + incident.get_absolute_url(),
            "drm_services": LIST_SEPARATOR.join(services),
            "drm_ordered_by": LIST_SEPARATOR.join(sorted(a.name for a in links["ordered_by"])),
            "drm_laws": LIST_SEPARATOR.join(sorted(law.title for law in links["legal_basis"])),
            "drm_sources": LIST_SEPARATOR.join(f"{s.kind} {s.url}" for s in sources),
        }
    )
    for column, field_name in {**TEXT_FIELDS, **CHOICE_FIELDS}.items():
        row[column] = getattr(incident, field_name) or ""
    for column, name in SERVICE_FLAGS.items():
        row[column] = "Yes" if name in service_set else ("No" if service_based else "")
    return row


def export_queryset(incidents):
    return incidents.select_related("country", "decision_maker").prefetch_related(*LINKS)


# --- import --------------------------------------------------------------------------------


@dataclass
class RowError:
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.column}: {self.message}" if self.column else self.message


@dataclass
class IncidentData:
    """One row's values, checked and normalised, before any database lookup."""

    fields: dict[str, object] = field(default_factory=dict)  # Incident field -> value
    kind: str = ""  # drm_kind, or derived from shutdown_type and extent
    status: str = ""  # shutdown_status, or Ended/Unknown from the end date when blank
    country_code: str = ""
    slug: str = ""
    title: str = ""
    decision_maker: str = ""
    services: list[str] = field(default_factory=list)
    networks: list[tuple[str, str]] = field(default_factory=list)  # (name, country code)
    sources: dict[str, str] = field(default_factory=dict)  # url -> kind ("" = guess)
    ordered_by: list[str] = field(default_factory=list)
    laws: list[str] = field(default_factory=list)


def _clean(value: str | None) -> str:
    return (value or "").strip()


def _norm(value: str) -> str:
    return " ".join(value.split()).casefold()


def _choice(column: str, value: str, errors: list[RowError]) -> str:
    """STOP's exact string for `value`, forgiving case, spacing and the order of a list."""
    allowed = VOCABULARIES[column]
    if value in allowed:
        return value
    wanted = _norm(", ".join(sorted(p.strip() for p in value.split(","))))
    for option in allowed:
        if _norm(", ".join(sorted(p.strip() for p in option.split(",")))) == wanted:
            return option
    errors.append(
        RowError(column, f'"{value}" is not an allowed value. Allowed: {"; ".join(allowed)}.')
    )
    return ""


_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


def _date(column: str, value: str, errors: list[RowError]) -> datetime.date | None:
    match = _DATE.match(value)
    try:
        if match:
            return datetime.date.fromisoformat(match.group(1))
    except ValueError:
        pass
    errors.append(RowError(column, f'"{value}" is not a date (write it as YYYY-MM-DD).'))
    return None


_URL_START = re.compile(r"(?=https?://)", re.IGNORECASE)
_validate_url = URLValidator(schemes=["http", "https"])


def split_urls(column: str, value: str, errors: list[RowError]) -> list[str]:
    """The links in a STOP cell. Editors separate them with "; ", commas or line breaks, and
    some links contain ";" themselves, so a new link starts only where "http" does. Spaces
    inside a link are encoded, as a browser would; anything else is reported."""
    urls: list[str] = []
    pieces = _URL_START.split(value)
    for number, piece in enumerate(pieces):
        piece = piece.strip().strip(";,").strip().strip('"').strip()
        if not piece:
            continue
        if number == 0 and not piece.lower().startswith("http"):
            if "." in piece and " " not in piece and "/" in piece:
                piece = "http://" + piece
            else:
                errors.append(RowError(column, f'"{piece[:80]}" is not a link.'))
                continue
        url = re.sub(r"\s+", "%20", piece)
        try:
            _validate_url(url)
        except ValidationError:
            errors.append(RowError(column, f'"{piece[:80]}" is not a valid link.'))
            continue
        if len(url) > 500:
            errors.append(RowError(column, f"a link is {len(url)} characters; the limit is 500."))
            continue
        if url not in urls:
            urls.append(url)
    return urls


def guess_source_kind(url: str, info_source: str) -> str:
    host = urlparse(url).netloc.lower()
    for marker, kind in KIND_FOR_HOST.items():
        if host == marker or host.endswith("." + marker) or marker.endswith(".") and marker in host:
            return kind
    return KIND_FOR_INFO_SOURCE.get(info_source, SourceKind.OTHER)


def _names(value: str, separators: str = ",;") -> list[str]:
    """Names in a list cell, split on `separators` outside parentheses."""
    names, depth, current = [], 0, ""
    for char in value:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in separators and depth <= 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    out: list[str] = []
    for name in names:
        name = " ".join(name.split()).strip("\"' ")
        if name and name not in out:
            out.append(name)
    return out


def canonical_service(name: str) -> str:
    return SERVICE_ALIASES.get(_norm(name), name)


def parse_row(row: dict[str, str]) -> tuple[IncidentData, list[RowError]]:
    """Read one CSV row (already keyed by current column names)."""
    errors: list[RowError] = []
    data = IncidentData()
    values = {column: _clean(value) for column, value in row.items() if column}

    for column in REQUIRED_COLUMNS:
        if not values.get(column):
            errors.append(RowError(column, "is required."))

    if values.get("country"):
        names = [n for n in re.split(r";", values["country"]) if n.strip()]
        if len(names) > 1:
            errors.append(
                RowError("country", f"names {len(names)} countries; an incident has one country.")
            )
        else:
            data.country_code = code_for(values["country"]) or ""
            if not data.country_code:
                errors.append(RowError("country", f'Unknown country "{values["country"]}".'))

    for column in ("start_date", "end_date"):
        if values.get(column):
            data.fields[column] = _date(column, values[column], errors)
    for column, field_name in CHOICE_FIELDS.items():
        if values.get(column):
            data.fields[field_name] = _choice(column, values[column], errors)
    for column, field_name in TEXT_FIELDS.items():
        if column in values:
            data.fields[field_name] = values[column]

    shutdown_type = values.get("shutdown_type", "")
    if shutdown_type:
        shutdown_type = _choice("shutdown_type", shutdown_type, errors)
    data.kind = data.fields.get("kind") or kind_for(shutdown_type, data.fields.get("extent") or "")
    data.status = data.fields.get("status") or (
        IncidentStatus.ENDED if data.fields.get("end_date") else IncidentStatus.UNKNOWN
    )
    if values.get("info_source"):
        _choice("info_source", values["info_source"], errors)

    ack_urls = split_urls("gov_ack_source", values.get("gov_ack_source", ""), errors)
    if "gov_ack_source" in values:
        data.fields["government_ack_source"] = ack_urls[0] if ack_urls else ""

    info_source = values.get("info_source", "")
    for column in ("info_source_link", "an_link"):
        for url in split_urls(column, values.get(column, ""), errors):
            data.sources.setdefault(url, "")
    for url in ack_urls[1:]:
        data.sources.setdefault(url, "")
    for entry in _split_list(values.get("drm_sources", "")):
        kind, _, url = entry.partition(" ")
        if kind not in SourceKind.values or not url:
            errors.append(RowError("drm_sources", f'"{entry[:80]}" is not "kind URL".'))
            continue
        for clean_url in split_urls("drm_sources", url, errors):
            data.sources[clean_url] = kind
    for url, kind in data.sources.items():
        data.sources[url] = kind or guess_source_kind(url, info_source)

    services: list[str] = []
    for column, name in SERVICE_FLAGS.items():
        if values.get(column, "").casefold() == "yes":
            services.append(name)
    services += [canonical_service(n) for n in _names(values.get("other_affected", ""))]
    services += [canonical_service(n) for n in _split_list(values.get("drm_services", ""))]
    for name in services:
        if len(name) > 100:
            errors.append(RowError("other_affected", f'"{name[:60]}..." is too long for a name.'))
    data.services = sorted({_norm(n): n for n in services if len(n) <= 100}.values(), key=_norm)

    for name in _names(values.get("telcos_involved", "")):
        prefix, colon, rest = name.partition(":")
        country = code_for(prefix) if colon else None
        network = rest.strip() if country else name
        if len(network) > 200:
            errors.append(RowError("telcos_involved", f'"{network[:60]}..." is too long.'))
        elif (network, country or "") not in data.networks:
            data.networks.append((network, country or ""))

    data.decision_maker = values.get("decision_maker", "")
    if len(data.decision_maker) > 200:
        errors.append(RowError("decision_maker", "is longer than 200 characters."))
    data.ordered_by = _split_list(values.get("drm_ordered_by", ""))
    data.laws = _split_list(values.get("drm_laws", ""))
    data.slug = values.get("drm_slug", "")
    data.title = values.get("drm_title", "")
    return data, errors


def _split_list(value: str) -> list[str]:
    return [p.strip() for p in value.split(LIST_SEPARATOR.strip()) if p.strip()]


def kind_for(shutdown_type: str, extent: str) -> str:
    """Our incident kind for a STOP row that has no drm_kind."""
    if shutdown_type == "Throttle":
        return IncidentKind.THROTTLING
    if extent == Extent.SERVICE:
        return IncidentKind.PLATFORM_BLOCK
    return IncidentKind.NETWORK_SHUTDOWN


def natural_key(data: IncidentData) -> tuple:
    """How a STOP row finds its incident again (documented in docs): the slug when the row
    has one, else country, start date, kind, areas, decision maker and affected services."""
    if data.slug:
        return ("slug", data.slug)
    start = data.fields.get("start_date")
    return (
        data.country_code,
        start.isoformat() if start else "",
        data.kind,
        _norm(str(data.fields.get("areas") or "")),
        _norm(data.decision_maker),
        tuple(_norm(s) for s in data.services),
    )


def incident_key(incident) -> tuple:
    """`natural_key` of a stored incident (relations prefetched)."""
    return (
        incident.country.code,
        incident.start_date.isoformat(),
        incident.kind,
        _norm(incident.areas),
        _norm(incident.decision_maker.name if incident.decision_maker else ""),
        tuple(sorted(_norm(s.name) for s in incident.services.all())),
    )


def describe_key(key: tuple) -> str:
    if key[0] == "slug":
        return f"slug {key[1]}"
    code, start, kind, areas, decider, services = key
    parts = [code, start, kind, areas or "-", decider or "-", ", ".join(services) or "-"]
    return " / ".join(parts)
