"""pytest fixtures over the loopback world, and what tests of the probe's command line share."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from drmonitor.observatory.testing.world import LoopbackWorld


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
