from __future__ import annotations

import pytest

from drmonitor.newsroom.sections import find_section


@pytest.fixture
def laws(home):
    return find_section(home, "resources/laws-and-policies")


@pytest.fixture
def research(home):
    return find_section(home, "resources/research")


@pytest.fixture
def frameworks(home):
    return find_section(home, "resources/international-frameworks")
