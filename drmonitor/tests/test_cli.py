"""`drmonitor probe|helper|verdict|ingest` are the observatory's own commands, not copies."""

from __future__ import annotations

import subprocess
import sys

import pytest

from drm_observatory.analysis.cli import cmd_verdict
from drm_observatory.probe.cli import cmd_helper, cmd_probe
from drm_observatory.store.cli import cmd_ingest
from drmonitor.cli import build_parser


@pytest.mark.parametrize(
    ("argv", "handler"),
    [
        (["probe", "https://example.org/"], cmd_probe),
        (["helper", "--tokens", "tokens.txt"], cmd_helper),
        (["verdict", "measurements.jsonl"], cmd_verdict),
        (["ingest", "--store", "m.duckdb", "measurements.jsonl"], cmd_ingest),
    ],
)
def test_site_command_line_runs_the_observatory_command(argv, handler):
    assert build_parser().parse_args(argv).func is handler


def test_drmonitor_probe_help_names_itself():
    done = subprocess.run(
        [sys.executable, "-m", "drmonitor.cli", "probe", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: drmonitor probe")
    assert "--watchlist" in done.stdout
