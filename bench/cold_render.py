"""CPU time and queries of one cold render of each benchmarked page, in-process.

    .venv/bin/python bench/cold_render.py [--articles 2000] [--var DIR] [--runs 20]
                                          [--profile PAGE] [--no-seed]

The site is bench/run.py's (`set_up_and_seed`, `site_env`) with its "no cache at all"
settings: page cache and kept parts off, so every request renders everything from the database.
Each page is requested once untimed (templates load, the database's pages fault in), then
`--runs` times through Django's test client; the table gives the mean process time (CPU of this
process only, so a busy machine counts less than in wall time) and the queries per request.
`--profile home` prints cProfile's top functions by cumulative time for that page instead.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (bench/run.py, beside this file)

PAGES = {name.removeprefix("BENCH_PATH_").lower(): path for name, path in run.OUR_PATHS.items()}


class QueryCounter:
    """Counts the queries Django sends, through a connection's execute wrapper."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(client, path: str, runs: int) -> tuple[float, float]:
    """Mean CPU milliseconds and queries of `runs` requests for `path`, after one untimed."""
    from django.db import connection

    if client.get(path).status_code != 200:
        raise RuntimeError(f"{path} did not answer 200")
    counter = QueryCounter()
    cpu = 0.0
    with connection.execute_wrapper(counter):
        for _run in range(runs):
            started = time.process_time()
            response = client.get(path)
            cpu += time.process_time() - started
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
    return cpu * 1000 / runs, counter.count / runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--var", type=Path, default=Path("/var/tmp/drm-bench"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", choices=sorted(PAGES), help="profile this page instead")
    parser.add_argument("--no-seed", action="store_true", help="the site is set up already")
    args = parser.parse_args()

    site_dir = args.var / f"site-{args.articles}-images"  # the site bench/run.py benchmarks
    if not args.no_seed:
        run.prepare_site(site_dir, args.articles)
    os.environ.update(run.site_env(site_dir, 0, fragments=False))

    import django

    django.setup()
    from django.test import Client

    from drmonitor import gunicorn_conf

    gunicorn_conf.post_worker_init(None)  # the garbage collector as a gunicorn worker has it
    client = Client()
    if args.profile:
        path = PAGES[args.profile]
        client.get(path)
        profile = cProfile.Profile()
        profile.enable()
        for _run in range(args.runs):
            client.get(path)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(60)
        return 0
    print(f"| page | CPU ms (mean of {args.runs}) | queries |")
    print("|---|---:|---:|")
    for page, path in PAGES.items():
        ms, queries = measure(client, path, args.runs)
        print(f"| {page} | {ms:.1f} | {queries:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
