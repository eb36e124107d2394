"""The demo data, loaded once per test module inside a transaction that is rolled back after it.

Loading the X-ban demo takes seconds; the API tests only read it, so they share one copy.
Each test still runs in its own savepoint (pytest-django), so a test that writes undoes it.
"""

from __future__ import annotations

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    from drmonitor.home.demo import ensure_home
    from drmonitor.newsroom.demo import ensure_sections
    from drmonitor.tracker import demo

    with django_db_blocker.unblock():
        with transaction.atomic():
            home = ensure_home()
            ensure_sections(home)
            demo.load(home)
            yield
            transaction.set_rollback(True)


@pytest.fixture
def demo(demo_data, db):
    from drmonitor.tracker.models import Incident

    return Incident.objects.get(slug="x-blocked-in-pakistan")
