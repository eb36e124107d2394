"""Import incidents from a STOP-format CSV: all rows or none.

The dry run and the real run share every step (parse, find, apply, validate, link) and write
the same report; the dry run keeps new records in memory instead of saving them, so it writes
nothing (and stays fast: saving fires the search index and the page cache on every record).
The real run works in one transaction that is rolled back when any row has an error: nothing
is half-imported, and followers hear of nothing rolled back (their e-mails queue on commit).

Finding an incident again (so a second run creates no duplicates): a row with `drm_slug` (our
own export) matches the incident with that slug; any other row matches on its natural key,
country + start_date + kind + area_name + decision_maker + affected services (see
`columns.natural_key`). STOP repeats an event that spans several years once per year; such
rows share a key and become one incident, from the row with the latest count_year.

Updates never lose what editors wrote: a blank cell erases nothing; STOP's prose (event,
details, quotes, legal method) fills our text fields only where they are empty, while its
facts (dates, status, vocabularies) do update, and every change is listed in the report. Rows
from our own export (with drm_slug) update the text too. Links (services, networks, sources,
laws, ordering authorities) are added, never removed.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from drmonitor.core.caching import invalidation
from drmonitor.tracker.models import Actor, Country, Incident, Law, Network, Service, Source
from drmonitor.tracker.stop import columns as cols
from drmonitor.tracker.stop.countries import NAME_BY_CODE
from drmonitor.tracker.vocab import ActorKind, IncidentKind, OrderedBy

MAX_ROWS = 20_000
UNCHANGED_COLUMNS = {"drm_id", "drm_url", "duration"}  # ids differ; duration moves with today


@dataclass
class RowReport:
    row: int  # as a spreadsheet numbers it: the header is row 1
    key: str = ""
    title: str = ""
    action: str = ""  # create, update, unchanged, repeat; empty when the row has errors
    repeat_of: int | None = None
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    errors: list[cols.RowError] = field(default_factory=list)


@dataclass
class ImportReport:
    dry_run: bool
    rows: list[RowReport] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    committed: bool = False

    @property
    def error_rows(self) -> list[RowReport]:
        return [r for r in self.rows if r.errors]

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.error_rows

    def counts(self) -> Counter:
        return Counter(r.action or "error" for r in self.rows)

    def error_categories(self) -> Counter:
        """Errors grouped by column and message with the quoted values and numbers taken out."""
        found: Counter = Counter()
        for row in self.error_rows:
            for error in row.errors:
                message = re.sub(r'"[^"]*"', '"…"', error.message)
                found[f"{error.column}: {re.sub(r'\d+', 'N', message)}"] += 1
        return found

    def summary(self) -> str:
        counts = self.counts()
        if self.file_errors:
            state = "nothing imported: the file cannot be read"
        elif self.committed:
            state = "imported"
        elif self.dry_run:
            state = "dry run, nothing written"
        else:
            state = f"nothing imported: {counts['error']} rows have errors"
        return (
            f"{len(self.rows)} rows ({state}). Create {counts['create']}, update "
            f"{counts['update']}, unchanged {counts['unchanged']}, repeated rows "
            f"{counts['repeat']}, rows with errors {counts['error']}."
        )

    def as_text(self) -> str:
        lines = [self.summary(), *self.file_errors]
        if self.ignored_columns:
            lines.append("Ignored columns: " + ", ".join(self.ignored_columns))
        for r in self.rows:
            if r.errors:
                lines.append(f"row {r.row}: ERROR {r.key}")
                lines += [f"    {error}" for error in r.errors]
            elif r.action == "repeat":
                lines.append(f"row {r.row}: repeat of row {r.repeat_of} ({r.key})")
            else:
                lines.append(f"row {r.row}: {r.action} {r.title!r} ({r.key})")
                lines += [f'    {c}: "{old}" -> "{new}"' for c, old, new in r.changes]
        if self.error_rows:
            lines.append("Errors by kind:")
            lines += [f"  {n:5d}  {kind}" for kind, n in self.error_categories().most_common()]
        return "\n".join(lines)


def read_rows(content: bytes | str, report: ImportReport) -> list[dict[str, str]]:
    """The file's rows keyed by current STOP column names; problems go to `report`."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            report.file_errors.append(
                f"The file is not UTF-8 text (byte {exc.start}). Save it as CSV UTF-8."
            )
            return []
    content = content.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        header = reader.fieldnames or []
        renamed = [cols.OLD_COLUMN_NAMES.get(h.strip(), h.strip()) for h in header]
        missing = [c for c in cols.REQUIRED_COLUMNS if c not in renamed]
        if missing:
            report.file_errors.append(
                "This is not a STOP file: missing column(s) " + ", ".join(missing) + "."
            )
            return []
        known = set(cols.EXPORT_COLUMNS)
        report.ignored_columns = [h for h in renamed if h and h not in known]
        rows = []
        for raw in reader:
            if len(rows) >= MAX_ROWS:
                report.file_errors.append(f"The file has more than {MAX_ROWS} rows.")
                return []
            rows.append({new: raw.get(old) or "" for old, new in zip(header, renamed, strict=True)})
        return rows
    except csv.Error as exc:
        report.file_errors.append(f"The CSV cannot be read near line {reader.line_num}: {exc}")
        return []


class _References:
    """Countries, actors, services, networks, sources and laws, looked up once per name.

    What is missing is created, or, in a dry run, stands in as an unsaved record, so the dry
    run writes nothing at all. Countries come only from the bundled ISO list.
    """

    def __init__(self, create: bool):
        self.create = create
        self.cache: dict[tuple, object] = {}

    def _get(self, key: tuple, model, lookup: dict, defaults: dict):
        if key not in self.cache:
            found = model.objects.filter(**lookup).first()
            if found is None:
                found = model(**defaults)
                if self.create:
                    found.save()
            self.cache[key] = found
        return self.cache[key]

    def country(self, code: str) -> Country:
        return self._get(
            ("country", code), Country, {"code": code}, {"code": code, "name": NAME_BY_CODE[code]}
        )

    def actor(self, name: str, level: str, country: Country | None) -> Actor:
        kind = {
            OrderedBy.LAW_ENFORCEMENT: ActorKind.LAW_ENFORCEMENT,
            OrderedBy.JUDICIARY: ActorKind.COURT,
            OrderedBy.NON_GOVERNMENT: ActorKind.COMPANY,
        }.get(level, ActorKind.AUTHORITY)
        defaults = {"name": name, "kind": kind, "country": country if country.pk else None}
        return self._get(("actor", name.casefold()), Actor, {"name__iexact": name}, defaults)

    def service(self, name: str) -> Service:
        return self._get(
            ("service", name.casefold()), Service, {"name__iexact": name}, {"name": name}
        )

    def network(self, name: str, code: str) -> Network:
        country = self.country(code) if code else None
        defaults = {"name": name, "country": country if country and country.pk else None}
        return self._get(("network", name.casefold()), Network, {"name__iexact": name}, defaults)

    def source(self, url: str, kind: str) -> Source:
        return self._get(("source", url), Source, {"url": url}, {"url": url, "kind": kind})

    def law(self, title: str) -> Law:
        defaults = {"title": title[:255]}
        return self._get(("law", title.casefold()), Law, {"title__iexact": title}, defaults)


def make_title(data: cols.IncidentData) -> str:
    """A readable title for a STOP row, which has none: what, where, when."""
    country = NAME_BY_CODE.get(data.country_code, data.country_code)
    services = data.services[:3] + ([f"{len(data.services) - 3} more"] if data.services[3:] else [])
    what = {
        IncidentKind.THROTTLING: "Internet throttled",
        IncidentKind.PLATFORM_BLOCK: (", ".join(services) + " blocked")
        if services
        else "Services blocked",
    }.get(data.kind, "Internet shutdown")
    areas = str(data.fields.get("areas") or "")
    where = f" ({areas[:80].rstrip()}{'…' if len(areas) > 80 else ''})" if areas else ""
    if areas.casefold() in {"nationwide", "national"}:
        where = " (nationwide)"
    start = data.fields.get("start_date")
    when = f", {start:%d %b %Y}" if start else ""
    return f"{what} in {country}{where}{when}"[:255]


# Prose our editors write; a STOP row fills it in where empty but never replaces it.
EDITORS_TEXT = {*cols.TEXT_FIELDS.values(), "government_ack_source"}


def _apply(incident: Incident, data: cols.IncidentData, refs: _References) -> None:
    creating = incident.pk is None
    for name, value in data.fields.items():
        if value is None or (not creating and value == ""):
            continue  # a blank cell never erases what an editor wrote
        if not creating and not data.slug and name in EDITORS_TEXT and getattr(incident, name):
            continue  # STOP's wording does not replace ours (our own export, with drm_slug, may)
        setattr(incident, name, value)
    if creating:
        incident.kind = data.kind
        incident.status = data.status
        incident.title = data.title or make_title(data)
        incident.slug = data.slug
    elif data.title:
        incident.title = data.title
    incident.country = refs.country(data.country_code)
    if data.decision_maker:
        incident.decision_maker = refs.actor(
            data.decision_maker, incident.ordered_by_level, incident.country
        )


def _link(
    incident: Incident, data: cols.IncidentData, refs: _References, links: dict[str, list]
) -> None:
    """Add the row's links: to the database in a real run, and in both runs to `links`, the
    incident's linked records as the report's "changed" columns read them (`cols.linked`)."""
    wanted = {
        "services": [refs.service(n) for n in data.services],
        "networks": [refs.network(n, code) for n, code in data.networks],
        "sources": [refs.source(url, kind) for url, kind in data.sources.items()],
        "ordered_by": [refs.actor(n, "", incident.country) for n in data.ordered_by],
        "legal_basis": [refs.law(t) for t in data.laws],
    }
    if refs.create:
        for name, records in wanted.items():
            getattr(incident, name).add(*records)
    for name, records in wanted.items():
        links[name] += [r for r in records if r not in links[name]]


def _validation_errors(exc: ValidationError) -> list[cols.RowError]:
    errors = []
    for name, messages in exc.message_dict.items():
        column = "" if name == "__all__" else cols.COLUMN_FOR_FIELD.get(name, name)
        errors += [cols.RowError(column, message) for message in messages]
    return errors


def import_stop(content: bytes | str, *, commit: bool) -> ImportReport:
    """Check (and with `commit`, write) every row of a STOP CSV; return the report."""
    report = ImportReport(dry_run=not commit)
    rows = read_rows(content, report)
    if report.file_errors:
        return report

    parsed: list[tuple[RowReport, cols.IncidentData]] = []
    groups: dict[tuple, list[tuple[int, RowReport, cols.IncidentData]]] = {}
    for number, row in enumerate(rows, start=2):
        data, errors = cols.parse_row(row)
        key = cols.natural_key(data)
        line = RowReport(row=number, key=cols.describe_key(key), errors=errors)
        report.rows.append(line)
        parsed.append((line, data))
        if not errors:
            year = int(row.get("count_year") or 0) if row.get("count_year", "").isdigit() else 0
            groups.setdefault(key, []).append((year, line, data))

    # Thousands of rows make stale what one does: one entry in the cache's ledger.
    with invalidation.batched(), transaction.atomic():
        existing = cols.export_queryset(Incident.objects.all())
        by_key = {cols.incident_key(i): i for i in existing}
        by_slug = {i.slug: i for i in by_key.values()}
        # What each stored incident links to, with the rows' additions so far (a dry run
        # adds them here only).
        links_of: dict[int, dict[str, list]] = {}
        refs = _References(create=commit)
        for key, members in groups.items():
            members.sort(key=lambda m: (m[0], m[1].row))
            _, line, data = members[-1]
            for _, other, _ in members[:-1]:
                other.action, other.repeat_of = "repeat", line.row
            incident = by_slug.get(key[1]) if key[0] == "slug" else by_key.get(key)
            if incident:
                if incident.pk not in links_of:
                    links_of[incident.pk] = cols.linked(incident)
                links = links_of[incident.pk]
                before = cols.incident_row(incident, "", links)
            else:
                links, before = {name: [] for name in cols.LINKS}, None
            incident = incident or Incident()
            incident.log_status_change = incident.pk is not None
            try:
                with transaction.atomic():
                    _apply(incident, data, refs)
                    unsaved = [
                        name
                        for name in ("country", "decision_maker")
                        if getattr(incident, name) is not None
                        and getattr(incident, name).pk is None
                    ]
                    incident.full_clean(exclude=unsaved)
                    if commit:
                        incident.save()
                    _link(incident, data, refs, links)
            except (ValidationError, IntegrityError) as exc:
                refs.cache.clear()  # what the failed row created was rolled back with it
                if isinstance(exc, ValidationError):
                    line.errors += _validation_errors(exc)
                else:  # a clash the checks above did not foresee, e.g. a country name in use
                    line.errors.append(cols.RowError("", f"cannot be saved: {exc}"))
                for _, other, _ in members[:-1]:
                    other.errors.append(cols.RowError("", f"repeats row {line.row}, which failed."))
                continue
            line.title = incident.title
            if before is None:
                line.action = "create"
            else:
                after = cols.incident_row(incident, "", links)
                line.changes = [
                    (c, before[c], after[c])
                    for c in cols.EXPORT_COLUMNS
                    if c not in UNCHANGED_COLUMNS and before[c] != after[c]
                ]
                line.action = "update" if line.changes else "unchanged"
        if not commit or not report.ok:
            transaction.set_rollback(True)
        else:
            report.committed = True
    return report
