"""The observatory's subcommands of `drmonitor` (probe, verdict, helper)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the observatory's subcommands to the `drmonitor` parser."""
