"""`drm-observatory`: the observatory's command line (probe, helper, verdict, ingest, episodes,
series).

A vantage point installs only this package and runs `drm-observatory probe`; the site's
`drmonitor` command adds the same subcommands through `register`, so `drmonitor probe` is this
very command and the two cannot drift apart.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from drm_observatory.analysis import cli as analysis_cli
from drm_observatory.probe import cli as probe_cli
from drm_observatory.store import analyse_cli, report_cli, sync_cli
from drm_observatory.store import cli as store_cli


def register(sub: argparse._SubParsersAction) -> None:
    """Add `verdict`, `ingest`, `ooni-sync`, `episodes`, `series`, `board`, `analyse`, `probe`
    and `helper` to a command line's subcommands."""
    analysis_cli.register(sub)
    store_cli.register(sub)
    sync_cli.register(sub)
    report_cli.register(sub)
    analyse_cli.register(sub)
    probe_cli.register(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drm-observatory",
        description="Measure blocking (OONI Web Connectivity) and judge OONI measurements.",
    )
    register(parser.add_subparsers(dest="command", required=True))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
