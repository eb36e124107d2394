"""`verdict`: re-judge OONI Web Connectivity measurements by OONI's published rules."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any, TextIO

from drm_observatory.analysis import fingerprints, ooni_io
from drm_observatory.analysis.verdict import Verdict, decide

VERDICT_HELP = """\
Read OONI measurements (JSON, a JSON list, JSON lines, API responses; gzip-compressed or not)
and print one JSON line per Web Connectivity measurement with measurement_uid (or report_id and
input), input, probe_cc, probe_asn, test_version, blocking, accessible, the rule that fired and
its explanation, our own pair beside OONI's (our_blocking, our_accessible, and our_rule where
ours goes further), and the block-page fingerprints found. Other tests and metadata-only rows
are skipped and counted on stderr.

Block pages are looked up in OONI's fingerprint database (github.com/ooni/blocking-fingerprints)
at --fingerprints PATH or $DRM_FINGERPRINTS; without either, in a short built-in list.

Exit status: 0 when every file and line was read; 1 when any file or line could not be read
(each such problem is reported on stderr and the remaining input is still judged).
"""


def described_command(
    sub: argparse._SubParsersAction, name: str, summary: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand whose --help prints `description` as written (paragraphs, lists)."""
    return sub.add_parser(
        name,
        help=summary,
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def measurement_command(
    sub: argparse._SubParsersAction, name: str, summary: str, description: str, nargs: str = "+"
) -> argparse.ArgumentParser:
    """A subcommand that reads measurement files and judges them (`verdict`, `ingest`)."""
    parser = described_command(sub, name, summary, description)
    parser.add_argument(
        "files", nargs=nargs, metavar="FILE", help="measurement files to read; - reads stdin"
    )
    fingerprint_option(parser)
    return parser


def read_file_argument(path: str) -> Iterator[ooni_io.Item | ooni_io.ReadError]:
    """The measurements of a FILE argument; "-" is standard input."""
    if path == "-":
        return ooni_io.read_stream(ooni_io.decompressed(sys.stdin.buffer), "<stdin>")
    return ooni_io.read_path(path)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `verdict` to a command line's subcommands."""
    parser = measurement_command(
        sub, "verdict", "re-judge OONI Web Connectivity measurements by OONI's rules", VERDICT_HELP
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="add OONI's own blocking/accessible from each measurement and an 'agrees' flag",
    )
    parser.add_argument(
        "--recompute",
        action="store_true",
        help="ignore the comparison keys the probe stored (dns_consistency, *_match) and "
        "compute them from the raw observations",
    )
    parser.set_defaults(func=cmd_verdict, prog=parser.prog)


def fingerprint_option(parser: argparse.ArgumentParser) -> None:
    """--fingerprints, for every command that judges measurements."""
    parser.add_argument(
        "--fingerprints",
        metavar="PATH",
        help="OONI's blocking-fingerprints checkout (or one of its CSV files); default "
        f"${fingerprints.ENVIRONMENT}, else a short built-in list",
    )


def fingerprint_database(path: str | None) -> fingerprints.FingerprintIndex:
    """The database --fingerprints names, else the default; ValueError says what is wrong."""
    return fingerprints.load(path) if path else fingerprints.default()


def verdict_row(measurement: dict, verdict: Verdict, compare: bool) -> dict[str, Any]:
    """The JSON line for one measurement."""
    row: dict[str, Any] = {}
    uid = measurement.get("measurement_uid")
    if uid:
        row["measurement_uid"] = uid
    else:
        row["report_id"] = measurement.get("report_id")
    row.update(
        input=measurement.get("input"),
        probe_cc=measurement.get("probe_cc"),
        probe_asn=measurement.get("probe_asn"),
        test_version=measurement.get("test_version"),
        blocking=verdict.blocking,
        accessible=verdict.accessible,
        rule=verdict.rule,
        explanation=verdict.explanation,
        our_blocking=verdict.our_blocking,
        our_accessible=verdict.our_accessible,
    )
    if verdict.our_rule:
        row["our_rule"] = verdict.our_rule
    if verdict.blockpages:
        row["blockpages"] = [m.name for m in verdict.blockpages]
        row["confirmed"] = verdict.confirmed
    if verdict.throttled is not None:
        row["throttled"] = verdict.throttled
    if compare:
        tk = measurement.get("test_keys")
        tk = tk if isinstance(tk, dict) else {}
        row["ooni_blocking"] = tk.get("blocking")
        row["ooni_accessible"] = tk.get("accessible")
        row["agrees"] = (row["ooni_blocking"], row["ooni_accessible"]) == (
            verdict.blocking,
            verdict.accessible,
        )
    return row


def run(
    paths: list[str],
    out: TextIO,
    err: TextIO,
    *,
    prog: str,
    compare: bool = False,
    recompute: bool = False,
    database: fingerprints.FingerprintIndex | None = None,
) -> int:
    """Judge every Web Connectivity measurement in `paths`; `prog` names the command on stderr."""
    database = database or fingerprints.default()
    counts: Counter[str] = Counter()
    skipped_tests: Counter[str] = Counter()
    for path in paths:
        for item in read_file_argument(path):
            if isinstance(item, ooni_io.ReadError):
                counts["errors"] += 1
                print(f"{prog}: {item}", file=err)
                continue
            m = item.measurement
            name = m.get("test_name")
            if item.shape == ooni_io.METADATA:
                counts["metadata"] += 1
                continue
            if name != "web_connectivity":
                skipped_tests[str(name)] += 1
                continue
            verdict = decide(m, trust_carried=not recompute, database=database)
            row = verdict_row(m, verdict, compare)
            if compare:
                counts["agree" if row["agrees"] else "disagree"] += 1
            counts["judged"] += 1
            out.write(json.dumps(row) + "\n")
    summary = f"{prog}: {counts['judged']} web_connectivity measurements judged"
    if skipped_tests:
        listed = ", ".join(f"{n} {t}" for t, n in sorted(skipped_tests.items()))
        summary += f"; skipped other tests: {listed}"
    if counts["metadata"]:
        summary += f"; skipped {counts['metadata']} metadata rows without test_keys"
    if compare and counts["judged"]:
        summary += f"; agree with OONI on {counts['agree']} of {counts['judged']}"
    if counts["errors"]:
        summary += f"; {counts['errors']} read errors"
    summary += f"; {database.describe()}"
    print(summary, file=err)
    return 1 if counts["errors"] else 0


def cmd_verdict(args: argparse.Namespace) -> int:
    try:
        database = fingerprint_database(args.fingerprints)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"{args.prog}: {exc}\n")
        return 2
    return run(
        args.files,
        sys.stdout,
        sys.stderr,
        prog=args.prog,
        compare=args.compare,
        recompute=args.recompute,
        database=database,
    )
