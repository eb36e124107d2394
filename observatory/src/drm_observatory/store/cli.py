"""`ingest`: store measurement files in the DuckDB store, keyed by measurement_uid.

DuckDB is imported only when the command runs, so a vantage point without the `store` extra
still has every other command.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys

from drm_observatory.analysis import fingerprints
from drm_observatory.analysis.cli import (
    described_command,
    fingerprint_database,
    measurement_command,
    read_file_argument,
)

INGEST_HELP = """\
Read measurement files (OONI JSON, JSON lines, gzip, API responses, our probe's output), judge
each Web Connectivity measurement and store it with both verdicts in the DuckDB file --store.
Keyed by measurement_uid: running it twice stores nothing twice. A record that cannot be read
or judged is reported on stderr and the rest are stored; a run killed midway keeps every batch
it committed, and running it again completes it.

Exit status: 0 when everything was read; 1 when some records were reported; 2 on bad usage.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = measurement_command(
        sub,
        "ingest",
        "store measurements (and their verdicts) in the DuckDB store",
        INGEST_HELP,
        nargs="*",  # none: only --import-parquet or --export-parquet
    )
    parser.add_argument("--store", required=True, metavar="DB", help="the DuckDB file")
    parser.add_argument("--export-parquet", metavar="FILE", help="then write every row here")
    parser.add_argument("--import-parquet", metavar="FILE", help="first add a Parquet export")
    parser.set_defaults(func=cmd_ingest, prog=parser.prog)


def store_command(
    sub: argparse._SubParsersAction, name: str, summary: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand over the store (`ooni-sync`, `analyse`), with its --store option."""
    parser = described_command(sub, name, summary, description)
    parser.add_argument("--store", required=True, metavar="DB", help="the DuckDB file")
    return parser


def has_duckdb(args: argparse.Namespace) -> bool:
    """Whether the store extra is installed; if not, stderr says so."""
    if importlib.util.find_spec("duckdb") is None:
        sys.stderr.write(f"{args.prog}: needs the store extra (DuckDB)\n")
        return False
    return True


def judging_store(args: argparse.Namespace) -> fingerprints.FingerprintIndex | None:
    """The fingerprints for a command that writes the store (`ingest`, `ooni-sync`), or None
    once stderr says why it cannot run: no DuckDB (the store extra), a bad --fingerprints."""
    if not has_duckdb(args):
        return None
    try:
        return fingerprint_database(args.fingerprints)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"{args.prog}: {exc}\n")
        return None


def cmd_ingest(args: argparse.Namespace) -> int:
    database = judging_store(args)
    if database is None:
        return 2
    from drm_observatory.store.duck import MeasurementStore
    from drm_observatory.store.ingest import ingest

    def progress(report) -> None:
        sys.stderr.write(f"{args.prog}: committed, {report.stored} new so far\n")
        sys.stderr.flush()

    problems = 0
    with MeasurementStore(args.store) as store:
        if args.import_parquet:
            written = store.import_parquet(args.import_parquet)
            sys.stderr.write(
                f"{args.prog}: imported {written.stored} rows, {written.already} already stored\n"
            )
        for path in args.files:
            report = ingest(read_file_argument(path), store, database, progress=progress)
            for problem in report.problems:
                sys.stderr.write(f"{args.prog}: {problem}\n")
            problems += len(report.problems)
            sys.stderr.write(
                f"{args.prog}: {path}: {report.stored} stored, {report.already} already stored, "
                f"{report.skipped} skipped (other tests, metadata), "
                f"{len(report.problems)} problems\n"
            )
        if args.export_parquet:
            rows = store.export_parquet(args.export_parquet)
            sys.stderr.write(f"{args.prog}: exported {rows} rows to {args.export_parquet}\n")
        sys.stderr.write(f"{args.prog}: the store holds {store.count()} measurements\n")
    return 1 if problems else 0
