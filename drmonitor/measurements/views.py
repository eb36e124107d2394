"""The observatory's public pages: the status board, a page per service and country, the
measurements behind a cell, one measurement; CSV and JSON of what each shows.

Every page reads the store read-only through readings.py, kept in the cache under the store's
version (keys.py), so a fresh ingest shows on the next request. A store that is missing, empty
or busy gives the page with a plain message, never an error.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from drm_observatory.store.report_cli import (
    BOARD_COLUMNS,
    EPISODE_COLUMNS,
    SERIES_COLUMNS,
    board_record,
    csv_cell,
    flat_episode,
)
from drmonitor.core.caching import depends_on, keep
from drmonitor.measurements import keys, readings
from drmonitor.measurements.evidence import (
    NOTICE,
    is_synthetic,
    network_labels,
    service_context,
    verdicts,
)
from drmonitor.measurements.filters import Filters, parse
from drmonitor.measurements.store import BUSY, EMPTY, MISSING, Unavailable
from drmonitor.tracker import keys as tracker_keys

if TYPE_CHECKING:
    from drm_observatory.store import board as board_rows

MESSAGES = {
    MISSING: "No measurements yet: the measurement store has not been created.",
    EMPTY: "No measurements yet: the measurement store is empty.",
    BUSY: "The measurement store is being written to right now; try again in a minute.",
}


def _kept[T](name: str, f: Filters, read: Callable[[Filters], T]) -> T:
    """`read(f)`, kept under the store's current version."""
    store_key = keys.store()
    depends_on(store_key)
    return keep(f"measurements:{name}:{store_key}:{f.cache_name}", lambda: read(f))


def _page(request, template: str, context: dict, read: Callable[[], dict]) -> HttpResponse:
    """Render `template` with what `read()` adds, or with the store's state explained."""
    busy = False
    try:
        context |= read()
    except Unavailable as exc:
        context["unavailable"] = MESSAGES[exc.reason]
        busy = exc.reason == BUSY
    context.setdefault("notice", NOTICE)
    response = render(request, template, context)
    if busy:  # the store is unchanged once the writer lets go: this answer must not be kept
        patch_cache_control(response, no_cache=True)
    return response


def board(request):
    f = parse(request.GET)
    context = {"filters": f}

    def read() -> dict:
        found = _kept("board", f, readings.read_board)
        depends_on(tracker_keys.RECORDS)
        labels = network_labels(asn for _cc, asn in found.networks)
        return {
            "board": found,
            "synthetic": found.synthetic,
            "columns": [(cc, asn, labels.get(asn, "")) for cc, asn in found.networks],
            "grid": [(row, _cells(row, found)) for row in found.rows],
            "query": f.query(),
        }

    return _page(request, "measurements/board.html", context, read)


def _cells(row: board_rows.Row, found: readings.Board) -> list[tuple | None]:
    """The row's cell under each column, with the link to the measurements behind it."""
    by_network = {(c.country, c.asn): c for c in row.cells}
    cells = []
    for network in found.networks:
        cell = by_network.get(network)
        if cell is None:
            cells.append(None)
            continue
        window = Filters(
            asn=cell.asn,
            since=cell.since.time if cell.since else None,
            until=found.now,
        )
        link = reverse("measurements:measurements", args=[row.country, row.domain])
        cells.append((cell, f"{link}?{window.query()}"))
    return cells


def service(request, country: str, domain: str):
    f = parse(request.GET, country=country, domain=domain)
    context = {"filters": f, "country": f.country, "domain": f.domain}

    def read() -> dict:
        found = _kept("service", f, readings.read_service)
        depends_on(tracker_keys.RECORDS)
        return service_context(f, found)

    return _page(request, "measurements/service.html", context, read)


def listed(request, country: str, domain: str):
    f = parse(request.GET, country=country, domain=domain)
    context = {"filters": f, "country": f.country, "domain": f.domain}

    def read() -> dict:
        found, total, synthetic = _kept("listed", f, readings.read_listed)
        return {"measurements": found, "total": total, "synthetic": synthetic}

    return _page(request, "measurements/listed.html", context, read)


def measurement(request, uid: str):
    store_key = keys.store()
    depends_on(store_key)

    def read() -> dict:
        record = keep(f"measurements:one:{store_key}:{uid}", lambda: readings.read_measurement(uid))
        if record is None:
            raise Http404("No measurement with this uid in the store.")
        return {"m": record, "verdicts": verdicts(record), "synthetic": is_synthetic(record)}

    return _page(request, "measurements/measurement.html", {"uid": uid}, read)


# --- Downloads ------------------------------------------------------------------------------


def _csv(name: str, columns: Sequence[str], rows: Iterable[dict]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return response


def _download(fmt: str, name: str, columns: Sequence[str], rows: list[dict], extra: dict):
    if fmt == "csv":
        return _csv(name, columns, rows)
    return JsonResponse(
        {"notice": NOTICE, **extra, name: rows},
        encoder=DjangoJSONEncoder,
        json_dumps_params={"indent": 1},
    )


def _download_or_message(fmt: str, read: Callable[[], HttpResponse]) -> HttpResponse:
    try:
        return read()
    except Unavailable as exc:
        if fmt == "csv":
            response = HttpResponse(MESSAGES[exc.reason] + "\n", content_type="text/plain")
        else:
            response = JsonResponse({"message": MESSAGES[exc.reason]})
        if exc.reason == BUSY:
            patch_cache_control(response, no_cache=True)
        return response


def board_download(request, fmt: str):
    f = parse(request.GET)

    def read() -> HttpResponse:
        found = _kept("board", f, readings.read_board)
        cells = [board_record(c) for row in found.rows for c in row.cells]
        services = [
            {"country": r.country, "domain": r.domain, "state": r.state} for r in found.rows
        ]
        extra = {"synthetic": found.synthetic, "as_of": found.now, "services": services}
        return _download(fmt, "networks", BOARD_COLUMNS, cells, extra)

    return _download_or_message(fmt, read)


def series_download(request, country: str, domain: str, fmt: str):
    f = parse(request.GET, country=country, domain=domain)

    def read() -> HttpResponse:
        found = _kept("service", f, readings.read_service)
        rows = [dataclasses.asdict(p) for p in found.points]
        return _download(fmt, "series", SERIES_COLUMNS, rows, {"synthetic": found.synthetic})

    return _download_or_message(fmt, read)


def episodes_download(request, country: str, domain: str, fmt: str):
    f = parse(request.GET, country=country, domain=domain)

    def read() -> HttpResponse:
        found = _kept("service", f, readings.read_service)
        rows = found.episodes if fmt == "json" else [flat_episode(e) for e in found.episodes]
        return _download(fmt, "episodes", EPISODE_COLUMNS, rows, {"synthetic": found.synthetic})

    return _download_or_message(fmt, read)
