"""The lock files pin exactly what the site needs: `make run` installs requirements.lock alone,
`make test` adds requirements-test.lock. A runtime dependency that is pinned only with the test
tools would break `make run` on a fresh machine while every test passed."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
OURS = {"drmonitor", "drm-observatory"}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(name: str, extras: tuple[str, ...] = ()) -> set[str]:
    """Every distribution `name` (with `extras`) needs, by the installed packages' metadata."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    stack = [(name, extras)]
    while stack:
        current, wanted = stack.pop()
        if (normal(current), wanted) in seen:
            continue
        seen.add((normal(current), wanted))
        for line in importlib.metadata.distribution(current).requires or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in wanted or ("",)):
                stack.append((requirement.name, tuple(requirement.extras)))
    return {name for name, _ in seen} - OURS


def pinned(lock: str) -> set[str]:
    lines = (ROOT / lock).read_text().splitlines()
    return {normal(line.split("==")[0]) for line in lines if "==" in line}


def test_the_runtime_lock_pins_everything_the_site_needs_to_run():
    runtime = closure("drmonitor")
    assert runtime - pinned("requirements.lock") == set()


def test_the_test_lock_pins_the_test_tools_and_nothing_the_site_runs_on():
    runtime, everything = closure("drmonitor"), closure("drmonitor", ("test",))
    assert pinned("requirements-test.lock") == everything - runtime
    assert pinned("requirements.lock") == runtime
