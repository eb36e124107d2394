"""Fixtures for the tracker's tests: a court and an incident to hang rules on, and the demo."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction

from drmonitor.tracker.models import Country, Court, Incident, LegalCase

X_BAN = "x-blocked-in-pakistan"


@pytest.fixture
def pakistan(db) -> Country:
    return Country.objects.get_or_create(code="PK", defaults={"name": "Pakistan"})[0]


@pytest.fixture
def court(pakistan) -> Court:
    return Court.objects.create(
        name="Sindh High Court", short_name="SHC", level="high", jurisdiction=pakistan
    )


@pytest.fixture
def incident(pakistan) -> Incident:
    return Incident.objects.create(
        title="Test block",
        kind="platform_block",
        country=pakistan,
        start_date=datetime.date(2024, 2, 17),
    )


@pytest.fixture
def case(court, incident) -> LegalCase:
    case = LegalCase.objects.create(
        court=court, title="A v. Federation", filed_on=datetime.date(2024, 2, 20)
    )
    case.incidents.add(incident)
    return case


@pytest.fixture
def demo(home):
    """The full tracker demo, loaded as `load_demo` does (after the newsroom's)."""
    from drmonitor.tracker import demo

    demo.load(home)
    return Incident.objects.get(slug=X_BAN)


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo loaded once for a whole module, inside a transaction rolled back at its end.

    Each test still runs in its own savepoint, so what a test changes is undone after it.
    Not for live-server tests: those need committed data (use `demo`).
    """
    from drmonitor.home.demo import ensure_home
    from drmonitor.newsroom.demo import ensure_sections
    from drmonitor.tracker import demo

    with django_db_blocker.unblock(), transaction.atomic():
        home = ensure_home()
        ensure_sections(home)
        demo.load(home)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def x_ban(demo_module, db) -> Incident:
    return Incident.objects.get(slug=X_BAN)
