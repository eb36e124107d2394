"""Subcommands of `drmonitor` from observatory.probe."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this package's subcommands to the `drmonitor` parser."""
