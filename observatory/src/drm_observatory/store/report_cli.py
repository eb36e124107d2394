"""`episodes`, `series`, `board`: what the store's measurements say per country, network, domain.

All three open the store read-only (an ingest may run beside them) and print a table, CSV or JSON.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

EPISODES_HELP = """\
Blocking episodes from the measurements in the DuckDB store (see `ingest`): per country,
network (ASN), domain and kind of blocking, when it started and ended (or "ongoing"), the
intermittent restorations inside it, its confidence, and the measurement uids that prove each
edge: the last accessible before and the first blocked; the last blocked and the first
accessible after. A failure while the site was down everywhere does not count as blocked.
Rules: docs/episodes.md.
"""

SERIES_HELP = """\
Hourly or daily series from the measurements in the DuckDB store: per country, network (ASN)
and domain, the measurements, blocked, accessible, down everywhere and unknown in each bucket,
the blocked share, OONI's own blocked count, and a state. A bucket without measurements is
listed as unknown.
"""

BOARD_HELP = """\
What is blocked now, from the measurements in the DuckDB store: per country and domain, its
state (blocked on every network measured, restricted on some, accessible, unknown), and per
network (ASN) the state, since when (the measurement that started it), on how many
measurements, and the latest measurement. Nothing decisive within --stale-days of the newest
measurement in the store is unknown.
"""


def _scope_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", required=True, metavar="DB", help="the DuckDB file")
    parser.add_argument("--country", metavar="CC", help="only this country (e.g. PK)")
    parser.add_argument("--asn", metavar="ASN", help="only this network (AS17557 or 17557)")
    parser.add_argument("--domain", metavar="NAME", help="only this domain (e.g. x.com)")
    parser.add_argument(
        "--since", type=_moment, metavar="DATE", help="only measurements from then (UTC)"
    )
    parser.add_argument(
        "--until", type=_moment, metavar="DATE", help="only measurements before then (UTC)"
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="CSV with a header line")
    output.add_argument("--json", action="store_true", help="one JSON document")


def register(sub: argparse._SubParsersAction) -> None:
    """Add `episodes` and `series` to a command line's subcommands."""
    kwargs = {"formatter_class": argparse.RawDescriptionHelpFormatter}
    parser = sub.add_parser(
        "episodes", help="blocking episodes from the store", description=EPISODES_HELP, **kwargs
    )
    _scope_options(parser)
    parser.set_defaults(func=cmd_episodes, prog=parser.prog)
    parser = sub.add_parser(
        "series", help="hourly or daily series from the store", description=SERIES_HELP, **kwargs
    )
    _scope_options(parser)
    parser.add_argument("--bucket", choices=("hour", "day"), default="day")
    parser.set_defaults(func=cmd_series, prog=parser.prog)
    parser = sub.add_parser(
        "board", help="what is blocked now, per network", description=BOARD_HELP, **kwargs
    )
    _scope_options(parser)
    parser.add_argument("--stale-days", type=float, default=7.0, metavar="DAYS")
    parser.set_defaults(func=cmd_board, prog=parser.prog)


def _refuse(args: argparse.Namespace, message: str) -> NoReturn:
    """End the command with `message` and exit status 2, as argparse ends a bad call."""
    sys.stderr.write(f"{args.prog}: {message}\n")
    raise SystemExit(2)


def _open(args: argparse.Namespace):
    """The pooled measurements of the scope asked for (a DuckDB connection, to use in `with`)."""
    try:
        import duckdb

        from drm_observatory.store.pooled import Scope, pool
    except ImportError as exc:
        _refuse(args, f"needs the store extra (DuckDB): {exc}")
    asn_text = (args.asn or "").upper().removeprefix("AS")
    if args.asn and not asn_text.isdigit():
        _refuse(args, f"--asn: not an AS number: {args.asn!r}")
    try:
        db = duckdb.connect(args.store, read_only=True)
    except duckdb.Error as exc:
        _refuse(args, f"{args.store}: {exc}")
    scope = Scope(
        country=args.country.upper() if args.country else None,
        asn=int(asn_text) if asn_text else None,
        domain=args.domain.lower() if args.domain else None,
        since=args.since,
        until=args.until,
    )
    pool(db, scope)
    return db


def cmd_episodes(args: argparse.Namespace) -> int:
    from drm_observatory.store.episodes import episodes

    with _open(args) as db:
        found = episodes(db)
    rows = [episode_record(e) for e in found]
    _answer(
        args, {"episodes": rows}, [flat_episode(r) for r in rows], EPISODE_COLUMNS, EPISODE_TABLE
    )
    sys.stderr.write(f"{args.prog}: {len(rows)} episodes\n")
    return 0


def cmd_series(args: argparse.Namespace) -> int:
    from drm_observatory.store.series import series

    with _open(args) as db:
        points = [dataclasses.asdict(p) for p in series(db, args.bucket)]
    _answer(args, {"bucket": args.bucket, "series": points}, points, SERIES_COLUMNS)
    return 0


def cmd_board(args: argparse.Namespace) -> int:
    from drm_observatory.store import board
    from drm_observatory.store.episodes import build

    with _open(args) as db:
        build(db)
        cells = board.cells(db, stale_after=dt.timedelta(days=args.stale_days))
    flat = [board_record(c) for c in cells]
    services = board.rows(cells)
    if not (args.json or args.csv):
        for r in services:
            sys.stdout.write(f"{r.country} {r.domain}: {r.state}\n")
    summary = [{"country": r.country, "domain": r.domain, "state": r.state} for r in services]
    _answer(args, {"services": summary, "networks": flat}, flat, BOARD_COLUMNS, BOARD_COLUMNS[:7])
    return 0


def _answer(
    args: argparse.Namespace,
    document: dict,
    rows: list[dict],
    columns: Sequence[str],
    table: Sequence[str] | None = None,
) -> None:
    """What a command found, as asked: `document` as JSON, `rows` as CSV of every column, or
    else `rows` as a table of the `table` columns (all of them when not given)."""
    if args.json:
        json.dump(document, sys.stdout, indent=1, default=_text)
        sys.stdout.write("\n")
    elif args.csv:
        _write_csv(rows, columns)
    else:
        _write_table(rows, table or columns)


def board_record(c) -> dict:
    """A board cell as plain data: its state, since which measurement, on how many."""
    return {
        "country": c.country,
        "domain": c.domain,
        "asn": c.asn,
        "state": c.state,
        "since": c.since.time if c.since else None,
        "since_uid": c.since.uid if c.since else None,
        "evidence": c.evidence,
        "latest": c.latest.time if c.latest else None,
        "latest_uid": c.latest.uid if c.latest else None,
    }


def episode_record(e) -> dict:
    """An episode as plain data: the edges with their uids, the counts, the stretches."""

    def evidence(x):
        return None if x is None else {"time": x.time, "uid": x.uid}

    def stretch(s):
        return {"from": evidence(s.start), "to": evidence(s.end), "measurements": s.measurements}

    return {
        "country": e.country,
        "asn": e.asn,
        "domain": e.domain,
        "mechanism": e.mechanism,
        "accessible_before": evidence(e.accessible_before),
        "first_blocked": evidence(e.first_blocked),
        "last_blocked": evidence(e.last_blocked),
        "accessible_after": evidence(e.accessible_after),
        "ongoing": e.ongoing,
        "confidence": e.confidence,
        "blocked": e.blocked,
        "accessible": e.accessible,
        "share": round(e.share, 3),
        "corroborated": e.corroborated,
        "ooni_agrees": e.ooni_agrees,
        "blocked_days": e.blocked_days,
        "restorations": [stretch(s) for s in e.restorations],
        "unknown": [stretch(s) for s in e.unknown],
    }


EPISODE_COLUMNS = (
    "country",
    "asn",
    "domain",
    "mechanism",
    "start",
    "end",
    "ongoing",
    "confidence",
    "blocked",
    "accessible",
    "share",
    "corroborated",
    "ooni_agrees",
    "restorations",
    "unknown_gaps",
    "accessible_before",
    "accessible_before_uid",
    "first_blocked_uid",
    "last_blocked_uid",
    "accessible_after",
    "accessible_after_uid",
)
EPISODE_TABLE = EPISODE_COLUMNS[:15]
BOARD_COLUMNS = (
    "country",
    "domain",
    "asn",
    "state",
    "since",
    "evidence",
    "latest",
    "since_uid",
    "latest_uid",
)
SERIES_COLUMNS = tuple(
    "country asn domain start measurements blocked accessible down unknown ooni_blocked share "
    "state".split()
)


def flat_episode(r: dict) -> dict:
    """One CSV or table row: edges as time and uid, stretches counted."""

    def part(key: str, field: str):
        return r[key][field] if r[key] else None

    return {
        **{k: r[k] for k in EPISODE_COLUMNS if k in r},
        "start": r["first_blocked"]["time"],
        "end": None if r["ongoing"] else r["last_blocked"]["time"],
        "restorations": len(r["restorations"]),
        "unknown_gaps": len(r["unknown"]),
        "accessible_before": part("accessible_before", "time"),
        "accessible_before_uid": part("accessible_before", "uid"),
        "first_blocked_uid": r["first_blocked"]["uid"],
        "last_blocked_uid": r["last_blocked"]["uid"],
        "accessible_after": part("accessible_after", "time"),
        "accessible_after_uid": part("accessible_after", "uid"),
    }


def _moment(text: str) -> dt.datetime:
    """A --since or --until value: an ISO date (midnight UTC) or date and time."""
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r}") from None


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    raise TypeError(f"not JSON: {type(value).__name__}")


def csv_cell(value) -> str:
    """A value as the CSV and table outputs print it: datetimes with a space, shares to three
    places, None as nothing."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _write_csv(rows: list[dict], columns: Sequence[str]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([csv_cell(r[c]) for c in columns])


def _write_table(rows: list[dict], columns: Sequence[str]) -> None:
    cells = [[csv_cell(r[c]) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    for line in [list(columns), *cells]:
        sys.stdout.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)) + "\n")
