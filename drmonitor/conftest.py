"""Fixtures every site app's tests share."""

from __future__ import annotations

import pytest

from drmonitor.testing.databases import resnapshot_serialized_contents


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database rolls back between tests, and pages,
    menus and filter choices cached from another test's rows must not leak into this one.
    The suite runs with the page cache on, as production does."""
    from django.core.cache import cache

    from drmonitor.core.caching.snapshot import reset_ledger_view

    cache.clear()
    reset_ledger_view()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A site test that commits must restore the installed site for the tests after it (see
    `django_db_setup`); without serialized rollback it would leave them an empty database, and
    the next one restoring the site would collide with what Django's flush put back."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        commits = (marker is not None and marker.kwargs.get("transaction")) or any(
            name in item.fixturenames for name in ("transactional_db", "live_server")
        )
        restores = (
            marker is not None and marker.kwargs.get("serialized_rollback")
        ) or "django_db_serialized_rollback" in item.fixturenames
        if item.nodeid.startswith("drmonitor/") and commits and not restores:
            raise pytest.UsageError(
                f"{item.nodeid} commits: mark it "
                "pytest.mark.django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test database starts as every install does: the home page and the section tree.

    Building the tree takes seconds (hundreds of pages saved, revised and published), so it is
    built once per test database instead of once per test; each test's transaction rolls back to
    it. Tests that commit (`transaction=True`) end with the database emptied; those marked
    `serialized_rollback=True`, as every such test here is, start by restoring the serialized
    state, which is therefore taken again once the tree is in.
    """
    from django.db import connections

    from drmonitor.home.install import install_site

    with django_db_blocker.unblock():
        install_site()
        for connection in connections.all(initialized_only=True):
            resnapshot_serialized_contents(connection)


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
