"""What the store says, read for the pages and the watch: the board, a service's series and
episodes, the episodes of an incident's services, every network's state now, the measurements
behind a cell, one measurement. Plain data (kept in the cache as it is), read
through the observatory's own query layer (pooled, series, episodes, board), never its SQL.

That layer brings DuckDB (about 40 MB), so it is imported by the functions that read, not by
this module: a web worker imports it with the URL configuration and may never show a status
page.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drm_observatory.store.report_cli import episode_record
from drmonitor.measurements.filters import Filters
from drmonitor.measurements.store import reading

if TYPE_CHECKING:
    import duckdb

    from drm_observatory.store import board, series
    from drm_observatory.store.pooled import Scope

SYNTHETIC_SOFTWARE = "drm-demo-generator"  # what the demo's generator writes (demo/)


@dataclass(frozen=True)
class Board:
    rows: list[board.Row]
    networks: list[tuple[str, int | None]]  # (country, ASN) columns, in order
    now: dt.datetime | None
    synthetic: bool


@dataclass(frozen=True)
class Service:
    points: list[series.Point]
    episodes: list[dict]  # episode_record(): edges with uids, counts, stretches
    synthetic: bool


@dataclass(frozen=True)
class Listed:
    uid: str
    time: dt.datetime
    asn: int | None
    state: str  # the pooled state: ok, blocked, down, unknown
    ooni_blocking: str | None
    our_blocking: str | None


def _scope(f: Filters) -> Scope:
    from drm_observatory.store.pooled import Scope

    return Scope(country=f.country, asn=f.asn, domain=f.domain, since=f.since, until=f.until)


def _synthetic(db: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store holds any of the demo's generated measurements."""
    found = db.execute(
        "SELECT count(*) FROM measurements WHERE starts_with(software, ?)", [SYNTHETIC_SOFTWARE]
    ).fetchone()[0]
    return bool(found)


def read_board(f: Filters) -> Board:
    """Each service's state per network, as of `f.until` (else the newest measurement)."""
    from drm_observatory.store import board, episodes
    from drm_observatory.store.pooled import pool

    with reading() as db:
        pool(db, _scope(f))
        episodes.build(db)
        now = f.until or db.execute("SELECT max(t) FROM pooled").fetchone()[0]
        cells = board.cells(db, now=now) if now else []
        networks = sorted({(c.country, c.asn) for c in cells}, key=lambda n: (n[0], n[1] or 0))
        return Board(board.rows(cells), networks, now, _synthetic(db))


def read_service(f: Filters) -> Service:
    """Daily series and episodes of one domain in one country (per network)."""
    from drm_observatory.store import episodes, series
    from drm_observatory.store.pooled import pool

    with reading() as db:
        pool(db, _scope(f))
        points = series.series(db, "day")
        found = [episode_record(e) for e in episodes.episodes(db)]
        return Service(points, found, _synthetic(db))


def read_episodes(country: str, domains: list[str]) -> tuple[list[dict], bool]:
    """The episodes of these domains in one country (every network), and whether the store
    holds synthetic measurements."""
    from drm_observatory.store import episodes
    from drm_observatory.store.pooled import Scope, pool

    with reading() as db:
        found = []
        for domain in domains:
            pool(db, Scope(country=country, domain=domain))
            found += [episode_record(e) for e in episodes.episodes(db)]
        return found, _synthetic(db)


@dataclass(frozen=True)
class Watched:
    """Every (country, network, domain) state now, and every episode, of the whole store."""

    cells: list[board.Cell]
    episodes: list[dict]  # episode_record()
    newest: dt.datetime | None  # the newest measurement: the board's "now"
    synthetic: bool


def read_watched() -> Watched:
    """What the watch compares with what it recorded: each network's state as of the newest
    measurement, and the episodes that may need an incident."""
    from drm_observatory.store import board, episodes
    from drm_observatory.store.pooled import pool

    with reading() as db:
        pool(db)
        found = [episode_record(e) for e in episodes.episodes(db)]
        now = db.execute("SELECT max(t) FROM pooled").fetchone()[0]
        cells = board.cells(db, now=now) if now else []
        return Watched(cells, found, now, _synthetic(db))


def read_listed(f: Filters, limit: int = 500) -> tuple[list[Listed], int, bool]:
    """The measurements of a window (pooled states), newest first, how many there are, and
    whether the store holds synthetic ones."""
    from drm_observatory.store.pooled import pool

    with reading() as db:
        pool(db, _scope(f))
        total = db.execute("SELECT count(*) FROM pooled").fetchone()[0]
        rows = db.execute(
            "SELECT p.uid, p.t, p.asn, p.state, p.ooni_blocking, m.our_blocking FROM pooled p"
            " JOIN measurements m ON m.measurement_uid = p.uid ORDER BY p.t DESC LIMIT ?",
            [limit],
        ).fetchall()
        return [Listed(*row) for row in rows], total, _synthetic(db)


def read_measurement(uid: str) -> dict | None:
    """One stored row with its observations decoded; None when the store has no such uid."""
    with reading() as db:
        cursor = db.execute("SELECT * FROM measurements WHERE measurement_uid = ?", [uid])
        row = cursor.fetchone()
        if row is None:
            return None
        record = dict(zip([d[0] for d in cursor.description], row, strict=True))
    record["observations"] = json.loads(record["observations"] or "{}")
    return record
