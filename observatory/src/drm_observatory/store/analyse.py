"""The pooled series, partition by partition (UTC day × country), in worker processes or on a
Dask cluster.

Pooling compares the networks of a domain, in every country, within one UTC hour and one UTC
day (pooled.py): so a day is the smallest piece that needs nothing else, and one task computes
a day's partitions, one per country. Each task attaches the store read-only (many processes may
read a DuckDB file at once), copies that day into a database of its own in memory, and runs the
very `pool` and `series` the `series` command runs. The days are independent: the same function
runs in a local process pool or, given a scheduler's address, on a Dask cluster whose workers
see the store's path.

A partition yields the buckets it measured; the empty buckets that `series` adds between two
measured ones, as `unknown`, are not made across partitions.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

import duckdb

from drm_observatory.store.pooled import Scope, pool
from drm_observatory.store.series import Bucket, Point, series

DAY = dt.timedelta(days=1)
# Copies one day of the store (every country: the pool compares them) into the worker's memory.
COPY_DAY = (
    "CREATE TABLE measurements AS SELECT * FROM store.measurements "
    "WHERE measurement_start_time >= ? AND measurement_start_time < ?"
)


def days(store: str, country: str | None = None) -> list[dt.date]:
    """Every UTC day the store holds measurements of (of `country`, if given), oldest first."""
    with duckdb.connect(store, read_only=True) as db:
        found = db.execute(
            "SELECT DISTINCT measurement_start_time::DATE FROM measurements "
            "WHERE measurement_start_time IS NOT NULL AND (? IS NULL OR probe_cc = ?) ORDER BY 1",
            [country, country],
        ).fetchall()
    return [day for (day,) in found]


def analyse_day(
    store: str, day: dt.date, bucket: Bucket = "day", country: str | None = None
) -> list[Point]:
    """The series buckets of one day, every country's (or `country`'s), as `series` gives them."""
    start = dt.datetime.combine(day, dt.time())
    with duckdb.connect(":memory:") as db:
        db.execute(f"ATTACH '{_quoted(store)}' AS store (READ_ONLY)")  # no parameters here
        db.execute(COPY_DAY, [start, start + DAY])
        db.execute("DETACH store")
        pool(db, Scope(country=country))
        return series(db, bucket)


def analyse(
    store: str,
    found: Iterable[dt.date],
    bucket: Bucket = "day",
    *,
    country: str | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> list[Point]:
    """Every day's buckets, in local processes (`workers`, default one per core) or on the Dask
    cluster whose scheduler is at `dask` (tcp://host:8786)."""
    found = list(found)
    n = len(found)
    arguments = ([store] * n, found, [bucket] * n, [country] * n)
    if dask:
        from distributed import Client  # the `cluster` extra

        with Client(dask) as client:
            results = client.gather(client.map(analyse_day, *arguments, pure=False))
    else:
        with ProcessPoolExecutor(workers or os.cpu_count()) as processes:
            results = list(processes.map(analyse_day, *arguments))
    points = [p for part in results for p in part]
    return sorted(points, key=lambda p: (p.country, p.asn or -1, p.domain, p.start))


def _quoted(path: str) -> str:
    return path.replace("'", "''")
