"""The observatory's subcommands of `drmonitor`: verdict (analysis), probe and helper (probe)."""

from __future__ import annotations

import argparse

from drmonitor.observatory.analysis import cli as analysis_cli
from drmonitor.observatory.probe import cli as probe_cli


def register(sub: argparse._SubParsersAction) -> None:
    analysis_cli.register(sub)
    probe_cli.register(sub)
