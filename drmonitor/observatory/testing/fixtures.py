"""pytest fixtures over the loopback world; import them into a test module to use them."""

from __future__ import annotations

import pytest

from drmonitor.observatory.testing.world import LoopbackWorld


@pytest.fixture(scope="session")
def loopback_world():
    world = LoopbackWorld()
    yield world
    world.close()
