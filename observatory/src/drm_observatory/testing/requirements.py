"""Skip a test whose real part (chromium, PostgreSQL, namespaces, shared data) is missing.

`make test` must pass on a machine that lacks one of those parts, so such tests skip with the
reason. CI sets DRM_REQUIRE_ALL=1, and then a missing part fails the test instead: CI runs
everything and skips nothing.
"""

from __future__ import annotations

import os

import pytest


def require(available: bool, reason: str) -> None:
    """Skip (or, under DRM_REQUIRE_ALL=1, fail) the calling test unless `available`."""
    if available:
        return
    if os.environ.get("DRM_REQUIRE_ALL") == "1":
        pytest.fail(f"required part missing under DRM_REQUIRE_ALL=1: {reason}")
    pytest.skip(reason)
