"""Series and episodes over many synthetic verdict rows: how fast, and in how much memory.

    .venv/bin/python bench/episodes_bench.py [--rows 10000000] [--memory-limit 2GB]

Writes `--rows` synthetic verdict rows into a fresh store (the real schema, in a temporary
directory; not timed), then, in a child process of its own, runs what `drm-observatory
episodes` and `series` run: the pool across networks (store/pooled.py), the daily and the
hourly series with every gap filled (store/series.py) and the episodes (store/episodes.py),
each into a table. Prints the wall time of each step, rows/s over the whole, and the child's
peak resident memory; the same at a quarter of the rows shows whether memory stays flat.

The rows: 2,000 series (4 countries x 10 networks x 50 domains) over 90 days, measured about
twice an hour each. One series in ten is blocked for a fifth of that time, intermittently,
with a pause of about two days in the middle; one domain is down everywhere for a day; stray
failures (one in 200) and unknown verdicts (one in 100) everywhere. The bench checks that the
series with episodes are the ones planted and prints how many episodes and restorations it
found (one each at 2.5 million rows and more; sparser series split some).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from drm_observatory.store.duck import MeasurementStore

KEYS = 2000  # 4 countries x 10 networks x 50 domains
DAYS = 90

# i: the row; k: its series; s: its place in the series (0 .. per-1); h: a hash of i.
SYNTHETIC = """
INSERT INTO measurements (measurement_uid, domain, probe_cc, probe_asn, measurement_start_time,
                          ooni_blocking, our_blocking, our_accessible, rule)
WITH r AS (
    SELECT i, i % $keys AS k, i // $keys AS s, hash(i) % 1000 AS h FROM range($rows) t(i)
), placed AS (
    SELECT *, s / ($rows // $keys) AS f,
           TIMESTAMP '2024-02-01' + to_seconds(((s * $days * 86400) // ($rows // $keys))
                                               + h % 600) AS t
    FROM r
), outcome AS (
    SELECT *,
      CASE
        WHEN k % 50 = 7 AND f >= 0.80 AND f < 0.81 THEN 'dead'
        WHEN k % 10 = 3 AND f >= 0.30 AND f < 0.50 AND NOT (f >= 0.39 AND f < 0.41)
             AND h % 5 <> 0 THEN 'blocked'
        WHEN h % 200 = 0 THEN 'stray'
        WHEN h % 100 = 1 THEN 'unknown'
        ELSE 'ok'
      END AS o
    FROM placed
)
SELECT 'bench-' || i, 'site' || (k % 50) || '.example', ['PK', 'IR', 'RU', 'TR'][k // 500 + 1],
       64500 + (k // 50) % 10, t,
       CASE o WHEN 'ok' THEN 'false' WHEN 'unknown' THEN 'null' WHEN 'dead' THEN '"tcp_ip"'
              ELSE '"http-failure"' END,
       CASE o WHEN 'ok' THEN 'false' WHEN 'unknown' THEN 'null' WHEN 'dead' THEN '"tcp_ip"'
              ELSE '"http-failure"' END,
       CASE o WHEN 'ok' THEN true WHEN 'unknown' THEN NULL ELSE false END,
       CASE o WHEN 'ok' THEN 'v0.4/1' WHEN 'unknown' THEN 'v0.4/6' WHEN 'dead' THEN 'v0.4/5'
              ELSE 'v0.4/7' END
FROM outcome
"""

CHILD = """
import json, re, resource, sys, time
from pathlib import Path
import duckdb
from drm_observatory.store import episodes, pooled, series
db = duckdb.connect(sys.argv[1], read_only=True)
db.execute(f"SET memory_limit = '{sys.argv[2]}'")
db.execute("SET preserve_insertion_order = false")
db.execute("SET enable_progress_bar = false")
times = {}
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
def step(name, run):
    began, began_cpu = time.perf_counter(), cpu()
    out = run()
    times[name] = (time.perf_counter() - began, cpu() - began_cpu, out)
step("pool", lambda: pooled.pool(db))
step("daily series", lambda: series.build(db, "day"))
step("hourly series", lambda: series.build(db, "hour"))
step("episodes", lambda: episodes.build(db))
check = db.execute(
    "SELECT count(*), count(DISTINCT (cc, asn, domain)),"
    " coalesce(min(len(restorations)), 0), coalesce(max(len(restorations)), 0) FROM episodes"
).fetchone()
down = db.execute("SELECT count(*) FROM pooled WHERE state = 'down'").fetchone()[0]
peak = int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1))
print(json.dumps({"times": times, "check": check, "down": down, "peak_kib": peak, "cpu": cpu()}))
"""


def generate(path: Path, rows: int) -> float:
    began = time.perf_counter()
    with MeasurementStore(path) as store:
        store.db.execute(SYNTHETIC, {"rows": rows, "keys": KEYS, "days": DAYS})
    return time.perf_counter() - began


def analyse(path: Path, memory_limit: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), memory_limit],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])  # DuckDB may draw a progress bar first


def run(rows: int, memory_limit: str) -> None:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="episodes-bench-") as tmp:
        path = Path(tmp) / "store.duckdb"
        made = generate(path, rows)
        size = path.stat().st_size
        result = analyse(path, memory_limit)
    total = sum(seconds for seconds, _, _ in result["times"].values())
    print(f"\n{rows:,} verdict rows ({KEYS:,} series, {DAYS} days; store {size / 2**20:,.0f} MiB,")
    cores = os.cpu_count()
    print(f"  written in {made:.1f} s, not counted; load average {load:.1f} on {cores} cores)")
    for name, (seconds, cpu, out) in result["times"].items():
        print(f"  {name:<14} {seconds:7.2f} s   {out:>12,} rows out   CPU {cpu:6.2f} s")
    print(f"  {'total':<14} {total:7.2f} s   {rows / total:>12,.0f} verdict rows/s")
    print(f"  CPU time       {result['cpu']:7.2f} s   (user + system, all threads)")
    print(f"  peak RSS       {result['peak_kib'] / 1024:7.0f} MiB (memory limit {memory_limit})")
    found, series_with, fewest, most = result["check"]
    planted = KEYS // 10
    print(
        f"  episodes: {found} in {series_with} series (planted: {planted}, one each); "
        f"restorations per episode {fewest}-{most}; {result['down']:,} measurements down "
        "everywhere (planted: one domain, one day)"
    )
    if series_with != planted:
        sys.exit("the series with episodes are not the ones planted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--memory-limit", default="2GB", help="DuckDB's limit for the analysis")
    parser.add_argument("--quarter", action="store_true", help="also run a quarter of the rows")
    args = parser.parse_args()
    duckdb.execute("SELECT 1")  # fail early without the store extra
    if args.quarter:
        run(args.rows // 4, args.memory_limit)
    run(args.rows, args.memory_limit)


if __name__ == "__main__":
    main()
