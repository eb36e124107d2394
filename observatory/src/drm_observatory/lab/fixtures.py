"""pytest fixtures for the censorship lab; a test module imports the ones it uses.

    from drm_observatory.lab.fixtures import censorship_lab, lab  # noqa: F401

One lab per test process (pytest-xdist workers each build their own) is built on first use and
torn down at the end of the session; `lab` hands it to a test with the censor cleared before
and after, so a failing test cannot leave its scenario behind for the next one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drm_observatory.lab.network import Lab, availability
from drm_observatory.lab.probe import helper_arguments
from drm_observatory.testing.requirements import require


@pytest.fixture(scope="session")
def censorship_lab() -> Iterator[Lab]:
    available, reason = availability()
    require(available, reason)
    with Lab(helper=helper_arguments) as built:
        yield built


@pytest.fixture
def lab(censorship_lab: Lab) -> Iterator[Lab]:
    censorship_lab.censor.clear()
    yield censorship_lab
    censorship_lab.censor.clear()
