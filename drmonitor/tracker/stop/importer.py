"""The STOP import: a dry run, then all rows or none (or, if the editor chooses, all rows
without errors), with a report row by row.

What is found again instead of duplicated: a row with drm_slug updates that incident; a row
whose STOP cells name an event already imported (the same STOP identity, cells.stop_key)
updates the incident it became; a row close to a record of ours that did not come from STOP
(same country, start within `MERGE_DAYS` days, a shared service or the same kind) is proposed
as a merge into it and, when the editor keeps merging on, joins it: its STOP cells are kept
with the record, its links are added, and our record's facts stay ours.

STOP's repeat rows (one per year of a long event) become one incident; each is kept as a row.
An update takes STOP's facts (dates, status, vocabularies) but never replaces the prose our
editors wrote with STOP's, and a blank cell never erases anything. Links are added, never
removed.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from drmonitor.core.caching import invalidation
from drmonitor.core.indexing import indexing_deferred
from drmonitor.tracker.keys import RECORDS
from drmonitor.tracker.models import (
    Actor,
    Country,
    Incident,
    Law,
    Network,
    Service,
    Source,
    StopRow,
)
from drmonitor.tracker.stop import columns as cols
from drmonitor.tracker.stop import export
from drmonitor.tracker.stop.cells import neutralise
from drmonitor.tracker.stop.countries import NAME_BY_CODE
from drmonitor.tracker.stop.parsing import IncidentData, RowError, parse_row
from drmonitor.tracker.stop.reading import read_sheet
from drmonitor.tracker.vocab import ActorKind, IncidentKind, OrderedBy

MERGE_DAYS = 3
UNCHANGED_COLUMNS = {"drm_url"}

Progress = Callable[[int, int], None]


@dataclass
class RowReport:
    row: int  # as a spreadsheet numbers it: the header is row 1
    line: int  # the line of the file the row starts on
    key: str = ""
    title: str = ""
    action: str = ""  # create, update, unchanged, merge, repeat; empty when the row has errors
    repeat_of: int | None = None
    merge_into: str = ""  # the title of the record a merge joins
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)


@dataclass
class ImportReport:
    dry_run: bool
    skip_errors: bool = False
    rows: list[RowReport] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    committed: bool = False
    rejected_csv: str = ""  # the rows with errors, as CSV, for the editor to fix

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
        elif self.committed and self.error_rows:
            state = f"imported, {counts['error']} rows with errors skipped"
        elif self.committed:
            state = "imported"
        elif self.dry_run:
            state = "dry run, nothing written"
        else:
            state = f"nothing imported: {counts['error']} rows have errors"
        return (
            f"{len(self.rows)} rows ({state}). Create {counts['create']}, update "
            f"{counts['update']}, unchanged {counts['unchanged']}, merge {counts['merge']}, "
            f"repeated rows {counts['repeat']}, rows with errors {counts['error']}, rows with "
            f"warnings {sum(1 for r in self.rows if r.warnings)}."
        )

    def as_text(self) -> str:
        lines = [self.summary(), *self.file_errors]
        if self.ignored_columns:
            lines.append("Ignored columns: " + ", ".join(self.ignored_columns))
        for r in self.rows:
            where = f"row {r.row} (line {r.line})"
            if r.errors:
                lines.append(f"{where}: ERROR {r.key}")
                lines += [f"    {error}" for error in r.errors]
            elif r.action == "repeat":
                lines.append(f"{where}: repeat of row {r.repeat_of} ({r.key})")
            elif r.action == "merge":
                lines.append(f"{where}: merge into {r.merge_into!r} ({r.key})")
            else:
                lines.append(f"{where}: {r.action} {r.title!r} ({r.key})")
            lines += [f'    {c}: "{old}" -> "{new}"' for c, old, new in r.changes]
            lines += [f"    warning: {w}" for w in r.warnings]
        if self.error_rows:
            lines.append("Errors by kind:")
            lines += [f"  {n:5d}  {kind}" for kind, n in self.error_categories().most_common()]
        return "\n".join(lines)


@dataclass
class _Group:
    """The rows that are one incident, and what becomes of them."""

    members: list[tuple[RowReport, IncidentData]]
    incident: Incident | None = None
    action: str = "create"
    links: dict[str, list] = field(default_factory=dict)

    @property
    def main(self) -> tuple[RowReport, IncidentData]:
        """The row whose facts the incident takes: the latest year's, then the last one."""
        return max(self.members, key=lambda m: (m[1].count_year, m[0].row))


def _key(data: IncidentData, row: int) -> tuple:
    if data.slug:
        return ("slug", data.slug)
    if data.stop_key:
        return ("stop", data.stop_key)
    return ("row", row)


def describe(data: IncidentData) -> str:
    if data.slug:
        return f"slug {data.slug}"
    start = data.fields.get("start_date")
    area = str(data.fields.get("areas") or "-")[:60]
    return f"{data.country_code or '?'} / {start or '?'} / {data.kind} / {area}"


class _References:
    """Countries, actors, services, networks, sources and laws, each looked up once.

    A free-text name from STOP finds a record only if one of that name exists (`known=True`);
    the service flags and our drm_ columns may make new ones. A missing record stands in
    unsaved; only those the rows that are written use are saved (`_save`), so neither a dry
    run nor a row left out leaves anything behind.
    """

    def __init__(self):
        # Each small table once, by the key a row names it by.
        self.found: dict[str, dict[str, object]] = {
            "country": {c.code: c for c in Country.objects.all()},
            "actor": {a.name.casefold(): a for a in Actor.objects.all()},
            "service": {s.name.casefold(): s for s in Service.objects.all()},
            "network": {n.name.casefold(): n for n in Network.objects.order_by("-pk")},
            "law": {law.title.casefold(): law for law in Law.objects.all()},
        }
        self.country_names = {c.name: code for code, c in self.found["country"].items()}
        self.sources: dict[str, Source] = {}

    def _get(self, table: str, key: str, model, defaults: dict | None):
        found = self.found[table]
        if key not in found and defaults is not None:
            found[key] = model(**defaults)
        return found.get(key)

    def country(self, code: str) -> Country:
        return self._get("country", code, Country, {"code": code, "name": NAME_BY_CODE[code]})

    def country_clash(self, code: str) -> str:
        """Why the country `code` cannot be added, or ""."""
        other = self.country_names.get(NAME_BY_CODE.get(code, ""), code)
        if code in self.found["country"] or other == code:
            return ""
        return f'the name "{NAME_BY_CODE[code]}" belongs to code {other}'

    def actor(self, name: str, level: str, country: Country | None, known: bool):
        kind = {
            OrderedBy.LAW_ENFORCEMENT: ActorKind.LAW_ENFORCEMENT,
            OrderedBy.JUDICIARY: ActorKind.COURT,
            OrderedBy.NON_GOVERNMENT: ActorKind.COMPANY,
        }.get(level, ActorKind.AUTHORITY)
        country = country if country is not None and country.pk else None
        defaults = None if known else {"name": name, "kind": kind, "country": country}
        return self._get("actor", name.casefold(), Actor, defaults)

    def service(self, name: str, known: bool):
        return self._get("service", name.casefold(), Service, None if known else {"name": name})

    def network(self, name: str, known: bool):
        return self._get("network", name.casefold(), Network, None if known else {"name": name})

    def law(self, title: str) -> Law:
        return self._get("law", title.casefold(), Law, {"title": title[:255]})

    def load_sources(self, urls: set[str]) -> None:
        """Every source the file names, in a few queries; the missing ones made in one."""
        wanted = sorted(urls - self.sources.keys())
        for start in range(0, len(wanted), 500):
            for source in Source.objects.filter(url__in=wanted[start : start + 500]):
                self.sources[source.url] = source

    def source(self, url: str, kind: str) -> Source:
        if url not in self.sources:
            self.sources[url] = Source(url=url, kind=kind)
        return self.sources[url]


# Prose our editors write; a STOP row fills it in where empty but never replaces it.
EDITORS_TEXT = {*cols.TEXT_FIELDS.values(), "government_ack_source"}


def _apply(group: _Group, data: IncidentData, refs: _References) -> None:
    incident = group.incident
    creating = incident.pk is None
    fill_only = group.action == "merge"
    for name, value in data.fields.items():
        if value is None or value == "":
            continue  # a blank cell never erases what an editor wrote
        if not creating and getattr(incident, name) not in (None, ""):
            if fill_only or (not data.slug and name in EDITORS_TEXT):
                continue  # a merge keeps our facts; STOP's wording does not replace ours
        setattr(incident, name, value)
    if creating:
        incident.title = data.title or make_title(data)
    elif data.title and not fill_only:
        incident.title = data.title
    if creating or not fill_only:
        incident.country = refs.country(data.country_code)
    if data.decision_maker and not (fill_only and incident.decision_maker_id):
        actor = refs.actor(
            data.decision_maker,
            incident.ordered_by_level,
            incident.country,
            known=not data.decision_maker_is_new_ok,
        )
        if actor is not None:
            incident.decision_maker = actor


def _wanted_links(incident: Incident, data: IncidentData, refs: _References) -> dict[str, list]:
    found = {
        "services": [refs.service(n, known=False) for n in data.services]
        + [refs.service(n, known=True) for n in data.known_services],
        "networks": [refs.network(n, known=False) for n in data.networks]
        + [refs.network(n, known=True) for n in data.known_networks],
        "sources": [refs.source(url, kind) for url, kind in data.sources.items()],
        "ordered_by": [refs.actor(n, "", incident.country, known=False) for n in data.ordered_by],
        "legal_basis": [refs.law(t) for t in data.laws],
    }
    return {name: [r for r in records if r is not None] for name, records in found.items()}


def make_title(data: IncidentData) -> str:
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


def _validation_errors(exc: ValidationError) -> list[RowError]:
    errors = []
    for name, messages in exc.message_dict.items():
        column = "" if name == "__all__" else cols.COLUMN_FOR_FIELD.get(name, name)
        errors += [RowError(column, message) for message in messages]
    return errors


class _Matcher:
    """Finds the incident a group of rows is: by slug, by STOP identity, or close enough to
    one of our own records to propose a merge."""

    def __init__(self, groups: dict[tuple, _Group]):
        slugs = [key[1] for key in groups if key[0] == "slug"]
        stop_keys = [key[1] for key in groups if key[0] == "stop"]
        self.by_slug: dict[str, int] = {}
        for start in range(0, len(slugs), 500):
            chunk = Incident.objects.filter(slug__in=slugs[start : start + 500])
            self.by_slug.update(chunk.values_list("slug", "pk"))
        self.by_stop_key: dict[str, tuple[int, bool]] = {}
        for start in range(0, len(stop_keys), 500):
            chunk = StopRow.objects.filter(stop_key__in=stop_keys[start : start + 500])
            for stop_key, incident_id, merged in chunk.values_list(
                "stop_key", "incident_id", "merged"
            ):
                self.by_stop_key[stop_key] = (incident_id, merged)
        # Our own records (no STOP rows) by country, for merge proposals.
        ours = Incident.objects.filter(stop_rows__isnull=True)
        services: dict[int, set[str]] = defaultdict(set)
        through = Incident.services.through.objects.filter(incident__in=ours)
        for incident_id, name in through.values_list("incident_id", "service__name"):
            services[incident_id].add(name.casefold())
        self.ours: dict[str, list[tuple[datetime.date, str, set[str], int]]] = defaultdict(list)
        for pk, code, start, kind in ours.values_list("pk", "country__code", "start_date", "kind"):
            self.ours[code].append((start, kind, services[pk], pk))

    def find(self, key: tuple, data: IncidentData, merge: bool) -> tuple[int | None, str]:
        if key[0] == "slug" and key[1] in self.by_slug:
            return self.by_slug[key[1]], "update"
        if key[0] == "stop" and key[1] in self.by_stop_key:
            incident_id, merged = self.by_stop_key[key[1]]
            return incident_id, "merge" if merged else "update"
        start = data.fields.get("start_date")
        if not merge or data.slug or not start:
            return None, "create"
        services = {n.casefold() for n in data.services + data.known_services}
        close = [
            (abs((their_start - start).days), pk)
            for their_start, kind, their_services, pk in self.ours.get(data.country_code, [])
            if abs((their_start - start).days) <= MERGE_DAYS
            and (services & their_services or kind == data.kind)
        ]
        return (min(close)[1], "merge") if close else (None, "create")


def _changes(before: list[dict], after: list[dict]) -> list[tuple[str, str, str]]:
    changes = []
    for column in cols.EXPORT_COLUMNS:
        if column in UNCHANGED_COLUMNS:
            continue
        old = " | ".join(dict.fromkeys(r.get(column, "") for r in before))
        new = " | ".join(dict.fromkeys(r.get(column, "") for r in after))
        if old != new:
            changes.append((column, old, new))
    return changes


def rejected_rows_csv(header: list[str], rows: list[tuple[RowReport, dict[str, str]]]) -> str:
    """The rows with errors as a CSV to fix and import again, each with its errors."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*header, "import_errors"])
    for line, cells in rows:
        errors = "\n".join(str(e) for e in line.errors)
        writer.writerow([neutralise(cells.get(c, "")) for c in header] + [neutralise(errors)])
    return out.getvalue()


def import_stop(
    content: bytes | str,
    *,
    commit: bool,
    skip_errors: bool = False,
    merge: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    """Check (and with `commit`, write) every row of a STOP CSV; return the report.

    By default a single row with errors keeps the whole file out; with `skip_errors` the
    rows without errors are written and the others are left out (`rejected_csv`)."""
    report = ImportReport(dry_run=not commit, skip_errors=skip_errors)
    sheet = read_sheet(content)
    if sheet.error:
        report.file_errors.append(sheet.error)
        return report
    report.ignored_columns = sheet.ignored_columns
    header = set(sheet.header)
    total = 2 * len(sheet.rows)
    tick = progress or (lambda done, total: None)

    groups: dict[tuple, _Group] = {}
    for number, row in enumerate(sheet.rows, start=2):
        data = parse_row(row.cells, header)
        line = RowReport(
            row=number,
            line=row.line,
            key=describe(data),
            errors=data.errors,
            warnings=data.warnings,
        )
        report.rows.append(line)
        if not data.errors:
            groups.setdefault(_key(data, number), _Group(members=[])).members.append((line, data))
        if number % 200 == 0:
            tick(number, total)

    with invalidation.batched(), transaction.atomic(), indexing_deferred() as written:
        _resolve(
            groups,
            report,
            commit=commit,
            merge=merge,
            tick=lambda n: tick(len(sheet.rows) + n, total),
            written=written,
        )
        if report.error_rows:
            cells_of = {r.row: row.cells for r, row in zip(report.rows, sheet.rows, strict=True)}
            report.rejected_csv = rejected_rows_csv(
                sheet.header, [(r, cells_of[r.row]) for r in report.error_rows]
            )
        if commit and (report.ok or skip_errors):
            report.committed = True
        else:
            transaction.set_rollback(True)
    tick(total, total)
    return report


MATCHED_AT_ONCE = 300


def _resolve(
    groups: dict[tuple, _Group],
    report: ImportReport,
    *,
    commit: bool,
    merge: bool,
    tick: Callable[[int], None],
    written: Callable[[list], None],
) -> None:
    """Match, check and (in a real run) save every group of rows."""
    refs = _References()
    refs.load_sources({url for g in groups.values() for _, d in g.members for url in d.sources})
    matcher = _Matcher(groups)
    found: dict[tuple, int] = {}
    for key, group in groups.items():
        pk, group.action = matcher.find(key, group.main[1], merge)
        if pk:
            found[key] = pk
    taken_slugs = set(Incident.objects.values_list("slug", flat=True))
    checked: list[_Group] = []
    done = 0
    existing: dict[int, Incident] = {}
    keys = list(groups)
    for index, key in enumerate(keys):
        group = groups[key]
        if index % MATCHED_AT_ONCE == 0:
            # The matched incidents, with everything the export shows, a few hundred at a time:
            # all of them at once cost more memory than the rest of the import.
            wanted = [found[k] for k in keys[index : index + MATCHED_AT_ONCE] if k in found]
            existing = {
                i.pk: i for i in export.export_queryset(Incident.objects.filter(pk__in=wanted))
            }
        members = sorted(group.members, key=lambda m: m[0].row)
        line, data = group.main
        for other, _ in members:
            if other is not line:
                other.action, other.repeat_of = "repeat", line.row
        incident = existing.get(found.get(key))
        before = export.incident_rows(incident, "") if incident else None
        if incident is None:
            incident = Incident(slug=data.slug)
            group.action = "create"
        incident.log_status_change = incident.pk is not None
        group.incident = incident
        errors: list[RowError] = []
        clash = refs.country_clash(data.country_code)
        if clash:
            errors.append(RowError("country", f"cannot be saved: {clash}."))
        else:
            _apply(group, data, refs)
            try:
                incident.clean_fields(exclude=["country", "decision_maker", "slug"])
                incident.clean()
            except ValidationError as exc:
                errors += _validation_errors(exc)
            if incident.pk is None and incident.slug and incident.slug in taken_slugs:
                errors.append(
                    RowError("drm_slug", f'"{incident.slug}" is taken by another record.')
                )
        if errors:
            line.errors += errors
            for other, _ in members:
                if other is not line:
                    other.errors.append(RowError("", f"repeats row {line.row}, which failed."))
            continue
        if incident.pk is None:
            incident.slug = incident.slug or _free_slug(incident.title, taken_slugs)
        taken_slugs.add(incident.slug)
        links = export.linked(incident) if incident.pk else {n: [] for n in export.LINKS}
        for name, records in _wanted_links(incident, data, refs).items():
            links[name] += [r for r in records if r not in links[name]]
        group.links = links
        line.title = incident.title
        line.action = group.action
        if group.action == "merge":
            line.merge_into = incident.title
        if before is not None:
            line.changes = _changes(before, _rows_after(incident, group, links))
            if not line.changes:
                line.action = group.action = "unchanged"
        if group.action == "unchanged" or not commit:
            group.incident, group.links = None, {}  # nothing to write: let it go
        else:
            checked.append(group)
        done += len(members)
        tick(done // 2)
    if commit and (report.ok or report.skip_errors):
        _save(checked, tick=lambda n: tick(len(report.rows) // 2 + n), written=written)


def _rows_after(incident: Incident, group: _Group, links: dict[str, list]) -> list[dict]:
    """The incident's export rows once the group is applied (nothing saved)."""
    stop_cells = [d.stop_cells for _, d in sorted(group.members, key=lambda m: m[0].row)]
    if not any(c is not None for c in stop_cells):
        return export.incident_rows(incident, "", links)
    keys = {d.stop_key for _, d in group.members}
    kept = [r.cells for r in incident.stop_rows.all() if r.stop_key not in keys]
    ours = export.drm_cells(incident, "", links, True)
    every = kept + [c for c in stop_cells if c is not None]
    return [{c: cells.get(c, "") for c in cols.STOP_COLUMNS} | ours for cells in every]


def _free_slug(title: str, taken: set[str]) -> str:
    base = slugify(title)[:90] or "incident"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _save_new_references(groups: list[_Group]) -> None:
    """Save the countries, actors, services, networks, laws and sources the written rows
    name that are not stored yet (sources, the many, in one insert)."""
    sources: dict[str, Source] = {}
    for group in groups:
        incident = group.incident
        for record in [incident.country, incident.decision_maker]:
            if record is not None and record.pk is None:
                record.save()
        for name, records in group.links.items():
            for record in records:
                if record.pk is None and name == "sources":
                    sources[record.url] = record
                elif record.pk is None:
                    record.save()
    Source.objects.bulk_create(list(sources.values()))


def _save(
    groups: list[_Group], tick: Callable[[int], None], written: Callable[[list], None]
) -> None:
    """Write the checked groups: changed incidents one by one (their status changes are
    logged), new ones, links and STOP rows in bulk. Bulk writes send no signals, so the
    search index (`written`) and the page cache (`invalidate`) are told here."""
    _save_new_references(groups)
    new = [g.incident for g in groups if g.incident.pk is None]
    Incident.objects.bulk_create(new, batch_size=500)
    written(new)
    through_rows: dict[str, list] = defaultdict(list)
    stop_rows: list[StopRow] = []
    replaced: list[tuple[int, set[str]]] = []
    for number, group in enumerate(groups, start=1):
        incident = group.incident
        if group.action == "unchanged":
            continue
        if group.action != "create":
            incident.save()
        for name, records in group.links.items():
            relation = getattr(Incident, name)
            target = relation.field.m2m_reverse_field_name()
            source = relation.field.m2m_field_name()
            through_rows[name] += [
                relation.through(**{f"{source}_id": incident.pk, f"{target}_id": r.pk})
                for r in records
            ]
        rows = [d for _, d in sorted(group.members, key=lambda m: m[0].row) if d.stop_cells]
        if rows:
            replaced.append((incident.pk, {d.stop_key for d in rows}))
            merged = group.action == "merge"
            stop_rows += [
                StopRow(incident=incident, cells=d.stop_cells, stop_key=d.stop_key, merged=merged)
                for d in rows
            ]
        if number % 200 == 0:
            tick(number)
    for name, objects in through_rows.items():
        getattr(Incident, name).through.objects.bulk_create(objects, ignore_conflicts=True)
    _replace_stop_rows(replaced, stop_rows)
    invalidation.invalidate(RECORDS)


def _replace_stop_rows(replaced: list[tuple[int, set[str]]], new_rows: list[StopRow]) -> None:
    """The incidents' STOP rows with the same STOP identity give way to the file's; the rows
    of other events (a merge of several) stay, and the file's follow them in file order."""
    incident_ids = [pk for pk, _ in replaced]
    keys_of = dict(replaced)
    kept: dict[int, list[StopRow]] = defaultdict(list)
    stale: list[int] = []
    for start in range(0, len(incident_ids), 500):
        for row in StopRow.objects.filter(incident_id__in=incident_ids[start : start + 500]):
            if row.stop_key in keys_of[row.incident_id]:
                stale.append(row.pk)
            else:
                kept[row.incident_id].append(row)
    for start in range(0, len(stale), 500):
        StopRow.objects.filter(pk__in=stale[start : start + 500]).delete()
    position: dict[int, int] = {}
    moved: list[StopRow] = []
    for incident_id, rows in kept.items():
        for number, row in enumerate(sorted(rows, key=lambda r: r.position)):
            if row.position != number:
                row.position = number
                moved.append(row)
        position[incident_id] = len(rows)
    StopRow.objects.bulk_update(moved, ["position"])
    for row in new_rows:
        row.position = position.get(row.incident_id, 0)
        position[row.incident_id] = row.position + 1
    StopRow.objects.bulk_create(new_rows, batch_size=500)
