"""pytest fixtures over the loopback world, and what tests of the probe's command line share."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from drm_observatory.testing.world import LoopbackWorld


@pytest.fixture(scope="session")
def loopback_world():
    world = LoopbackWorld()
    yield world
    world.close()


def lines(path: Path) -> list[dict]:
    """The measurements in a JSON lines output file."""
    return [json.loads(line) for line in path.read_text().splitlines()]


def wait_for(predicate: Callable[[], bool], limit: float = 60) -> None:
    """Poll a running probe's effects; fail (not hang) when they never come."""
    deadline = time.monotonic() + limit
    while not predicate():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.05)


def interruptible(command: list[str], **popen) -> subprocess.Popen:
    """Start `command` as an operator's terminal would, so that Ctrl-C (SIGINT) reaches it.

    A test run started in the background by a shell without job control inherits SIGINT as
    ignored, and so would the command: Python then never raises KeyboardInterrupt in it.
    """
    return subprocess.Popen(command, preexec_fn=_sigint_as_in_a_terminal, **popen)  # noqa: S603


def _sigint_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
