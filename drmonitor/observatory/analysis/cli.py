"""Subcommands of `drmonitor` from observatory.analysis."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this package's subcommands to the `drmonitor` parser."""
