"""`ooni-sync`: bring a country's measurements from OONI's API into the store.

DuckDB is imported only when the command runs, as for `ingest`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import urllib.parse

from drm_observatory.analysis.cli import fingerprint_option
from drm_observatory.store.cli import judging_store, store_command
from drm_observatory.store.ooni_api import DEFAULT_API, ApiError, OoniApi, Pacing

PAGE_SIZE = 100  # OONI's own default

SYNC_HELP = """\
List a country's measurements on OONI's API (oldest first), fetch each raw measurement the
store lacks and store it with both verdicts, as `ingest` does. Resumable: a run stopped midway
keeps what it stored, and the same command run again lists from where it got and fetches nothing
already stored. Polite: one request a second by default (--rate), 429/5xx/lost connections
retried with exponential, jittered back-off, Retry-After honoured.

OONI asks that its API not be used for bulk downloads: for a whole year of a country, use their
S3 bucket (ooni-data-eu-fra) and `ingest` the files.

Exit status: 0 when everything listed was stored; 1 when some measurements were reported or the
API stayed unreachable (run again to continue); 2 on bad usage.
"""
COUNTRY = re.compile(r"^[A-Z]{2}$")
BAR = 30


def register(sub: argparse._SubParsersAction) -> None:
    parser = store_command(
        sub, "ooni-sync", "store a country's measurements from OONI's API", SYNC_HELP
    )
    parser.add_argument("--country", required=True, type=_country, metavar="CC", help="e.g. PK")
    parser.add_argument("--since", required=True, type=_day, metavar="DATE", help="2024-02-01")
    parser.add_argument("--until", type=_day, metavar="DATE", help="up to this date (excluded)")
    parser.add_argument(
        "--domain", action="append", metavar="DOMAIN", help="only this domain (repeatable)"
    )
    parser.add_argument(
        "--test-name",
        default="web_connectivity",
        choices=["web_connectivity"],
        help="the store holds Web Connectivity measurements",
    )
    fingerprint_option(parser)
    parser.add_argument("--api-base", type=_http_url, default=DEFAULT_API, metavar="URL")
    parser.add_argument(
        "--rate", type=_positive, default=1.0, metavar="N", help="requests per second (1)"
    )
    parser.add_argument("--retries", type=int, default=6, metavar="N", help="per request (6)")
    parser.add_argument(
        "--backoff", type=_positive, default=2.0, metavar="S", help="first retry's wait (2 s)"
    )
    parser.add_argument(
        "--max-wait",
        type=_positive,
        default=600.0,
        metavar="S",
        help="longest wait; a Retry-After beyond it stops the run (600 s)",
    )
    parser.add_argument(
        "--page-size", type=int, default=PAGE_SIZE, metavar="N", help="measurements a page (100)"
    )
    parser.set_defaults(func=cmd_sync, prog=parser.prog)


def cmd_sync(args: argparse.Namespace) -> int:
    database = judging_store(args)
    if database is None:
        return 2
    from drm_observatory.store.duck import MeasurementStore
    from drm_observatory.store.ooni_sync import Query, sync

    progress = Progress(args.prog)
    api = OoniApi(
        args.api_base,
        Pacing(args.rate, args.retries, args.backoff, args.max_wait),
        notice=progress.say,
    )
    problems = 0
    with MeasurementStore(args.store) as store:
        for domain in args.domain or [None]:
            query = Query(args.country, args.since, args.until, domain, args.test_name)
            label = progress.label = f"{args.country} {domain or 'every domain'}"
            try:
                report = sync(
                    api, store, database, query, page_size=args.page_size, progress=progress
                )
            except ApiError as exc:
                progress.say(f"{label}: {exc}; what was stored stays, run again to continue")
                return 1
            for problem in report.problems:
                progress.say(problem)
            problems += len(report.problems)
            progress.say(f"{label}: {progress.summary(report)}")
        progress.say(f"the store holds {store.count()} measurements")
    return 1 if problems else 0


class Progress:
    """One line per page on stderr; on a terminal, one line redrawn with a bar."""

    def __init__(self, prog: str) -> None:
        self.prog, self.label = prog, ""
        self.tty = sys.stderr.isatty()
        self.drawn = False

    def __call__(self, report) -> None:
        line = f"{self.label}: page {report.pages}, {self.summary(report)}"
        if not self.tty:
            self.say(line)
            return
        bar = ""
        if report.expected:
            done = min(BAR, BAR * report.listed // report.expected)
            bar = f"[{'#' * done}{'.' * (BAR - done)}] "
        sys.stderr.write(f"\r\x1b[K{bar}{line}")
        sys.stderr.flush()
        self.drawn = True

    def say(self, line: str) -> None:
        """A line of its own, below the bar if one is drawn."""
        if self.drawn:
            sys.stderr.write("\n")
            self.drawn = False
        sys.stderr.write(f"{self.prog}: {line}\n")
        sys.stderr.flush()

    @staticmethod
    def summary(report) -> str:
        of = f" of {report.expected}" if report.expected is not None else ""
        return (
            f"{report.listed}{of} listed, {report.stored} stored, "
            f"{report.already} already stored, {report.skipped} skipped, "
            f"{len(report.problems)} problems"
        )


def _country(value: str) -> str:
    if not COUNTRY.match(value.upper()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a two-letter country code")
    return value.upper()


def _day(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _http_url(value: str) -> str:
    if urllib.parse.urlsplit(value).scheme not in ("http", "https"):
        raise argparse.ArgumentTypeError(f"{value!r} is not an http(s) address")
    return value


def _positive(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
    return number
