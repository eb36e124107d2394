"""`analyse`: the pooled series of the store, partition by partition (day × country), in
parallel processes or on a Dask cluster (`--dask tcp://scheduler:8786`, the `cluster` extra)."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import importlib.util
import sys

from drm_observatory.store.cli import has_duckdb, store_command

ANALYSE_HELP = """\
The daily (or hourly) series of the store, as `series` gives them, computed one UTC day at a
time (a day's partitions, one per country: the pool compares countries): in --workers local
processes (one per core by default), or with --dask on a Dask cluster whose workers can read
the store at the same path. Prints CSV. Buckets nobody measured are left out (`series` lists
them as unknown).

On one machine `series` is faster (one DuckDB query already uses every core; bench/
analyse_bench.py measures both): a cluster pays only when it brings many more cores than one
machine has.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = store_command(
        sub, "analyse", "the store's series, partition by partition, in parallel", ANALYSE_HELP
    )
    parser.add_argument("--country", type=str.upper, metavar="CC", help="only this country")
    parser.add_argument("--bucket", choices=("hour", "day"), default="day")
    parser.add_argument("--workers", type=int, metavar="N", help="local processes (one per core)")
    parser.add_argument("--dask", metavar="ADDRESS", help="a Dask scheduler, tcp://host:8786")
    parser.set_defaults(func=cmd_analyse, prog=parser.prog)


def cmd_analyse(args: argparse.Namespace) -> int:
    if not has_duckdb(args):
        return 2
    if args.dask and importlib.util.find_spec("distributed") is None:
        sys.stderr.write(f"{args.prog}: --dask needs the cluster extra (dask, distributed)\n")
        return 2
    from drm_observatory.store.analyse import analyse, days
    from drm_observatory.store.series import Point

    found = days(args.store, args.country)
    points = analyse(
        args.store,
        found,
        args.bucket,
        country=args.country,
        workers=args.workers,
        dask=args.dask,
    )
    out = csv.DictWriter(sys.stdout, [f.name for f in dataclasses.fields(Point)])
    out.writeheader()
    out.writerows(dataclasses.asdict(p) for p in points)
    where = args.dask or f"{args.workers or 'one per core'} local processes"
    sys.stderr.write(f"{args.prog}: {len(found)} days, {len(points)} buckets ({where})\n")
    return 0
