"""`analyse` (day by day, in processes) against `series` (one DuckDB query) on synthetic rows.

    .venv/bin/python bench/analyse_bench.py [--rows 1000000] [--workers 2]

Writes `--rows` synthetic verdict rows into a fresh store (episodes_bench.py's rows: 2,000
series over 90 days; not timed), then times the pooled daily series of the whole store as the
`series` command computes it, and the same from `analyse` in `--workers` processes, and checks
that both give the same buckets. Says when the partitioned run is worth its overhead: each day
is its own task, which reads its day out of the store.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from episodes_bench import generate

from drm_observatory.store import pooled, series
from drm_observatory.store.analyse import analyse, days


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="analyse-bench-") as tmp:
        path = Path(tmp) / "store.duckdb"
        generate(path, args.rows)
        began = time.perf_counter()
        with duckdb.connect(str(path), read_only=True) as db:
            pooled.pool(db)
            whole = [p for p in series.series(db, "day") if p.measurements]
        one_query = time.perf_counter() - began
        began = time.perf_counter()
        found = days(str(path))
        parted = analyse(str(path), found, "day", workers=args.workers)
        partitioned = time.perf_counter() - began
    print(f"\n{args.rows:,} verdict rows, {len(found)} days, load {os.getloadavg()[0]:.1f}")
    print(f"  series (one query)         {one_query:7.1f} s")
    print(f"  analyse ({args.workers} processes)     {partitioned:7.1f} s")
    print(f"  same buckets: {parted == whole} ({len(whole):,})")
    if parted != whole:
        sys.exit("analyse and series disagree")


if __name__ == "__main__":
    main()
