"""Fixtures for the tracker's tests: a court and an incident to hang rules on, and the X ban
file built with the factories."""

from __future__ import annotations

import datetime

import pytest

from drmonitor.tracker.factories import XBanFile, x_ban_file
from drmonitor.tracker.models import Country, Court, Incident, LegalCase


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
    case.save()
    return case


@pytest.fixture
def x_ban_records(home) -> XBanFile:
    """The X ban with its cases, hearings, orders, statement and campaign (see the factory)."""
    return x_ban_file()


@pytest.fixture
def x_ban(x_ban_records) -> Incident:
    return x_ban_records.incident
