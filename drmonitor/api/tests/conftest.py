"""The X ban file (tracker/factories.py), built once per test module inside a transaction that is
rolled back after it.

The API tests only read it, so they share one copy; each test still runs in its own savepoint
(pytest-django), so a test that writes undoes it. The per-test fixture keeps the name `demo`,
after the demo data these records replaced.
"""

from __future__ import annotations

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def x_ban_data(django_db_setup, django_db_blocker):
    from drmonitor.home.install import install_site
    from drmonitor.tracker.factories import x_ban_file

    with django_db_blocker.unblock():
        with transaction.atomic():
            install_site()
            yield x_ban_file()
            transaction.set_rollback(True)


@pytest.fixture
def demo(x_ban_data, db):
    """X blocked in Pakistan, 17 February 2024 to 7 May 2025, with its cases and hearings."""
    return x_ban_data.incident
