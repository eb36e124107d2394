"""One CSV row read into an `IncidentData` (plain values, no database) with its errors and
warnings.

STOP's cells are read leniently: STOP's sheet is a record of what STOP wrote, kept whole
beside the incident, so a cell our model cannot take (a justification outside STOP's own
list, an end before the start, a note where a link belongs) becomes a warning and leaves our
field empty; the cell itself is kept and exported as it was. Only what an incident cannot do
without (its country and start date) is an error. The drm_ columns are our own format and are
read strictly: they describe our record in full and take precedence over the STOP columns.

STOP's free text stays text: other_affected, telcos_involved and decision_maker link to a
service, network or actor only when one of that name exists; new ones are made only from the
service flags and the drm_ columns, which are deliberate choices.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from drmonitor.tracker.stop import columns as cols
from drmonitor.tracker.stop.cells import stop_key
from drmonitor.tracker.stop.countries import code_for
from drmonitor.tracker.vocab import Extent, IncidentKind, IncidentStatus, SourceKind

MAX_URL_LENGTH = 2000


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
    country_code: str = ""
    slug: str = ""
    title: str = ""
    decision_maker: str = ""
    decision_maker_is_new_ok: bool = False  # from drm_decision_maker: may create the actor
    services: list[str] = field(default_factory=list)  # made when missing
    known_services: list[str] = field(default_factory=list)  # linked only when they exist
    networks: list[str] = field(default_factory=list)
    known_networks: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # url -> kind
    ordered_by: list[str] = field(default_factory=list)
    laws: list[str] = field(default_factory=list)
    stop_cells: dict[str, str] | None = None  # STOP's cells as written; None: not STOP's row
    stop_key: str = ""
    count_year: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.fields.get("kind") or "")


def _norm(value: str) -> str:
    return " ".join(value.split()).casefold()


def _choice(column: str, value: str, problems: list[RowError]) -> str:
    """STOP's exact string for `value`, forgiving case, spacing and the order of a list."""
    allowed = cols.VOCABULARIES[column]
    if value in allowed:
        return value
    wanted = _norm(", ".join(sorted(p.strip() for p in value.split(","))))
    for option in allowed:
        if _norm(", ".join(sorted(p.strip() for p in option.split(",")))) == wanted:
            return option
    problems.append(
        RowError(column, f'"{value}" is not an allowed value. Allowed: {"; ".join(allowed)}.')
    )
    return ""


_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


def _date(column: str, value: str, problems: list[RowError]) -> datetime.date | None:
    match = _DATE.match(value)
    try:
        if match:
            return datetime.date.fromisoformat(match.group(1))
    except ValueError:
        pass
    problems.append(RowError(column, f'"{value}" is not a date (write it as YYYY-MM-DD).'))
    return None


_URL_START = re.compile(r"(?=https?://)", re.IGNORECASE)
_validate_url = URLValidator(schemes=["http", "https"])


def split_urls(column: str, value: str, problems: list[RowError]) -> list[str]:
    """The links in a cell. Editors separate them with "; ", commas or line breaks, and some
    links contain ";" themselves, so a new link starts only where "http" does. Spaces inside
    a link are encoded, as a browser would; text that is not a link goes to `problems`."""
    urls: list[str] = []
    for number, piece in enumerate(_URL_START.split(value)):
        piece = piece.strip().strip(";,").strip().strip('"').strip()
        if not piece:
            continue
        if number == 0 and not piece.lower().startswith("http"):
            if "." in piece and " " not in piece and "/" in piece:
                piece = "http://" + piece
            else:
                problems.append(RowError(column, f'"{piece[:80]}" is not a link; kept as text.'))
                continue
        url = re.sub(r"\s+", "%20", piece)
        try:
            _validate_url(url)
        except ValidationError:
            problems.append(RowError(column, f'"{piece[:80]}" is not a valid link.'))
            continue
        if len(url) > MAX_URL_LENGTH:
            problems.append(
                RowError(column, f"a link is {len(url)} characters; the limit is {MAX_URL_LENGTH}.")
            )
            continue
        if url not in urls:
            urls.append(url)
    return urls


def guess_source_kind(url: str, info_source: str) -> str:
    host = urlparse(url).netloc.lower()
    for marker, kind in cols.KIND_FOR_HOST.items():
        if host == marker or host.endswith("." + marker) or marker.endswith(".") and marker in host:
            return kind
    return cols.KIND_FOR_INFO_SOURCE.get(info_source, SourceKind.OTHER)


def _names(value: str, separators: str = ",;") -> list[str]:
    """Names in a free-text list cell, split on `separators` outside parentheses."""
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
    return cols.SERVICE_ALIASES.get(_norm(name), name)


def kind_for(shutdown_type: str, extent: str) -> str:
    """Our incident kind for a STOP row that has no drm_kind."""
    if shutdown_type == "Throttle":
        return IncidentKind.THROTTLING
    if extent == Extent.SERVICE:
        return IncidentKind.PLATFORM_BLOCK
    return IncidentKind.NETWORK_SHUTDOWN


def split_list(value: str) -> list[str]:
    """A drm_ list cell: one entry a line."""
    return [p.strip() for p in value.split(cols.LIST_SEPARATOR) if p.strip()]


def _read_stop(data: IncidentData, values: dict[str, str], warn: list[RowError]) -> None:
    """STOP's columns, leniently: what our model cannot take is a warning, never lost."""
    country = values.get("country", "")
    if country:
        names = [n.strip() for n in country.split(";") if n.strip()]
        data.country_code = code_for(names[0]) or ""
        if not data.country_code:
            data.errors.append(RowError("country", f'Unknown country "{names[0]}".'))
        elif len(names) > 1:
            warn.append(
                RowError(
                    "country",
                    f"names {len(names)} countries; the incident is filed "
                    f"under {names[0]}, and STOP's cell is kept whole.",
                )
            )
    for column in ("start_date", "end_date"):
        if values.get(column):
            problems: list[RowError] = []
            day = _date(column, values[column], problems)
            (data.errors if column == "start_date" else warn).extend(problems)
            data.fields[column] = day
    start, end = data.fields.get("start_date"), data.fields.get("end_date")
    if start and end and end < start:
        warn.append(RowError("end_date", "is before the start; our record leaves the end empty."))
        data.fields["end_date"] = None
    for column, field_name in cols.CHOICE_FIELDS.items():
        if values.get(column):
            value = _choice(column, values[column], warn)
            if value:
                data.fields[field_name] = value
    for column, field_name in cols.TEXT_FIELDS.items():
        if values.get(column):
            data.fields[field_name] = values[column]
    areas = str(data.fields.get("areas") or "")
    if len(areas) > 500:
        warn.append(RowError("area_name", "is longer than 500 characters; our record cuts it."))
        data.fields["areas"] = areas[:500]
    shutdown_type = values.get("shutdown_type", "")
    if shutdown_type:
        shutdown_type = _choice("shutdown_type", shutdown_type, warn)
    data.fields["kind"] = kind_for(shutdown_type, str(data.fields.get("extent") or ""))
    if not data.fields.get("status"):
        ended = data.fields.get("end_date")
        data.fields["status"] = IncidentStatus.ENDED if ended else IncidentStatus.UNKNOWN
    info_source = values.get("info_source", "")
    if info_source:
        _choice("info_source", info_source, warn)
    ack_urls = split_urls("gov_ack_source", values.get("gov_ack_source", ""), warn)
    if ack_urls:
        data.fields["government_ack_source"] = ack_urls[0]
    for column in ("info_source_link", "an_link"):
        for url in split_urls(column, values.get(column, ""), warn):
            data.sources.setdefault(url, guess_source_kind(url, info_source))
    for url in ack_urls[1:]:
        data.sources.setdefault(url, guess_source_kind(url, info_source))
    data.services = [
        name
        for column, name in cols.SERVICE_FLAGS.items()
        if values.get(column, "").casefold() == "yes"
    ]
    data.known_services = [canonical_service(n) for n in _names(values.get("other_affected", ""))]
    data.known_networks = _names(values.get("telcos_involved", ""))
    data.decision_maker = values.get("decision_maker", "")
    year = values.get("count_year", "")
    data.count_year = int(year) if year.isdigit() else 0


def _read_drm(data: IncidentData, values: dict[str, str], header: set[str]) -> None:
    """Our own columns, strictly. In our own export (it has drm_stop_row) they are our whole
    record, so a blank cell there means blank; in a sheet that has only some of them, a
    blank cell says nothing and the STOP columns stand."""
    errors = data.errors
    whole_record = cols.DRM_STOP_ROW in header
    for column, field_name in cols.DRM_FIELDS.items():
        value = values.get(column, "")
        if column not in header or not (value or whole_record):
            continue
        if column in cols.DRM_DATES:
            data.fields[field_name] = _date(column, value, errors) if value else None
        elif column in cols.VOCABULARIES:
            data.fields[field_name] = _choice(column, value, errors) if value else ""
        else:
            data.fields[field_name] = value
    if "drm_country" in header and values.get("drm_country"):
        data.country_code = code_for(values["drm_country"]) or ""
        if not data.country_code:
            errors.append(RowError("drm_country", f'Unknown country "{values["drm_country"]}".'))
    if "drm_decision_maker" in header:
        data.decision_maker = values.get("drm_decision_maker", "")
        data.decision_maker_is_new_ok = True
    if "drm_services" in header:
        data.services = [canonical_service(n) for n in split_list(values["drm_services"])]
        data.known_services = []
    if "drm_networks" in header:
        data.networks, data.known_networks = split_list(values["drm_networks"]), []
    data.ordered_by = split_list(values.get("drm_ordered_by", ""))
    data.laws = split_list(values.get("drm_laws", ""))
    if "drm_sources" in header:
        data.sources = {}
        for entry in split_list(values["drm_sources"]):
            kind, _, url = entry.partition(" ")
            try:
                _validate_url(url.strip())
            except ValidationError:
                url = ""
            if kind not in SourceKind.values or not url.strip():
                errors.append(RowError("drm_sources", f'"{entry[:80]}" is not "kind URL".'))
                continue
            data.sources[url.strip()] = kind
    for name in data.services + data.networks + data.ordered_by:
        if len(name) > 100:
            errors.append(RowError("", f'"{name[:60]}..." is too long for a name.'))


def parse_row(cells: dict[str, str], header: set[str]) -> IncidentData:
    """Read one CSV row, keyed by current column names (`header`: the file's columns)."""
    data = IncidentData()
    values = {column: (value or "").strip() for column, value in cells.items() if column}
    from_stop = cols.DRM_STOP_ROW not in header or values.get(cols.DRM_STOP_ROW) == cols.STOP_ORIGIN
    if from_stop:
        _read_stop(data, values, data.warnings)
        data.stop_cells = {c: cells[c] for c in cols.STOP_COLUMNS if cells.get(c)}
        data.stop_key = stop_key(data.stop_cells)
    _read_drm(data, values, header)
    # What our columns give, STOP's cell need not: its problem is no longer one.
    given = {c.removeprefix("drm_") for c in ("drm_country", "drm_start_date") if values.get(c)}
    data.errors = [e for e in data.errors if e.column not in given]
    data.slug, data.title = str(data.fields.pop("slug", "")), str(data.fields.pop("title", ""))
    reported = {e.column.removeprefix("drm_") for e in data.errors}
    if not data.fields.get("start_date") and "start_date" not in reported:
        data.errors.append(RowError("start_date", "is required."))
    if not data.country_code and "country" not in reported:
        data.errors.append(RowError("country", "is required."))
    if len(data.decision_maker) > 200:
        data.errors.append(RowError("decision_maker", "is longer than 200 characters."))
    return data
