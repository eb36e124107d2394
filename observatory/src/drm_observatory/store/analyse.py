"""The pooled series, partition by partition (UTC day × country), in worker processes or on a
Dask cluster.

Pooling compares the networks of a domain within one UTC hour and one UTC day (pooled.py), so
one day of the store, every country of it, is all a partition needs. Each worker attaches the
store read-only (many processes may read a DuckDB file at once), copies that day into a database
of its own in memory, and runs the very `pool` and `series` the `series` command runs, keeping
its country's rows. The partitions are independent: the same function runs in a local process
pool or, given a scheduler's address, on a Dask cluster whose workers see the store's path.

A partition yields the buckets it measured; the empty buckets that `series` adds between two
measured ones, as `unknown`, are not made across partitions.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import duckdb

from drm_observatory.store.pooled import Scope, pool
from drm_observatory.store.series import Bucket, Point, series

DAY = dt.timedelta(days=1)
# Copies one day of the store (every country: the pool compares them) into the worker's memory.
COPY_DAY = (
    "CREATE TABLE measurements AS SELECT * FROM store.measurements "
    "WHERE measurement_start_time >= ? AND measurement_start_time < ?"
)


@dataclass(frozen=True, order=True)
class Partition:
    day: dt.date
    country: str


def partitions(store: str, country: str | None = None) -> list[Partition]:
    """Every (day, country) the store holds measurements of, oldest first."""
    with duckdb.connect(store, read_only=True) as db:
        found = db.execute(
            "SELECT DISTINCT measurement_start_time::DATE, probe_cc FROM measurements "
            "WHERE measurement_start_time IS NOT NULL AND probe_cc IS NOT NULL "
            "AND (? IS NULL OR probe_cc = ?) ORDER BY 1, 2",
            [country, country],
        ).fetchall()
    return [Partition(day, cc) for day, cc in found]


def analyse_partition(store: str, partition: Partition, bucket: Bucket = "day") -> list[Point]:
    """The series buckets of one partition, as `series` gives them for that day and country."""
    start = dt.datetime.combine(partition.day, dt.time())
    with duckdb.connect(":memory:") as db:
        db.execute(f"ATTACH '{_quoted(store)}' AS store (READ_ONLY)")  # no parameters here
        db.execute(COPY_DAY, [start, start + DAY])
        db.execute("DETACH store")
        pool(db, Scope(country=partition.country))
        return series(db, bucket)


def analyse(
    store: str,
    found: Iterable[Partition],
    bucket: Bucket = "day",
    *,
    workers: int | None = None,
    dask: str | None = None,
) -> list[Point]:
    """Every partition's buckets, in local processes (`workers`, default one per core) or on
    the Dask cluster whose scheduler is at `dask` (tcp://host:8786)."""
    found = list(found)
    stores, buckets = [store] * len(found), [bucket] * len(found)
    if dask:
        from distributed import Client  # the `cluster` extra

        with Client(dask) as client:
            futures = client.map(analyse_partition, stores, found, buckets, pure=False)
            results = client.gather(futures)
    else:
        with ProcessPoolExecutor(workers or os.cpu_count()) as pool_:
            results = list(pool_.map(analyse_partition, stores, found, buckets))
    points = [p for part in results for p in part]
    return sorted(points, key=lambda p: (p.country, p.asn or -1, p.domain, p.start))


def _quoted(path: str) -> str:
    return path.replace("'", "''")
