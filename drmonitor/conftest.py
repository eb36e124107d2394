"""Fixtures every site app's tests share."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database rolls back between tests, and pages,
    menus and filter choices cached from another test's rows must not leak into this one.
    The suite runs with the page cache on, as production does."""
    from django.core.cache import cache

    from drmonitor.core.caching.snapshot import reset_ledger_view

    cache.clear()
    reset_ledger_view()


@pytest.fixture
def home(db):
    """The site root with the full section tree, as every install has it."""
    from drmonitor.home.install import install_site

    return install_site()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs the block's on-commit work at its end, as a real commit
    would (the test itself stays inside a rolled-back transaction)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
