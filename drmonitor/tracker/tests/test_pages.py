"""What a reader sees: lists that filter, record pages, the day counter, feeds and calendars."""

from __future__ import annotations

import datetime
import re

import icalendar
import pytest
from django.utils import timezone

from drmonitor.tracker.models import Hearing, Incident, Service

D = datetime.date


def titles(response) -> list[str]:
    return re.findall(r'record-list__title"><a href="[^"]+">([^<]+)</a>', response.text)


@pytest.fixture
def incidents(pakistan):
    x = Service.objects.create(name="X")
    signal = Service.objects.create(name="Signal")
    india = type(pakistan).objects.create(code="in", name="India")
    made = {
        "x": Incident.objects.create(
            title="X blocked",
            kind="platform_block",
            country=pakistan,
            start_date=D(2024, 2, 17),
            end_date=D(2025, 5, 7),
            status="Ended",
        ),
        "signal": Incident.objects.create(
            title="Signal blocked",
            kind="platform_block",
            country=pakistan,
            start_date=D(2024, 8, 26),
        ),
        "quetta": Incident.objects.create(
            title="Quetta mobile cut",
            kind="network_shutdown",
            country=pakistan,
            start_date=D(2025, 1, 5),
            end_date=D(2025, 1, 7),
            status="Ended",
        ),
        "india": Incident.objects.create(
            title="Kashmir shutdown",
            kind="network_shutdown",
            country=india,
            start_date=D(2023, 1, 1),
            end_date=D(2023, 1, 9),
            status="Ended",
        ),
    }
    made["x"].services.add(x)
    made["signal"].services.add(signal)
    made["x"].save()
    made["signal"].save()
    return made


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"X blocked", "Signal blocked", "Quetta mobile cut", "Kashmir shutdown"}),
        ("country=PK", {"X blocked", "Signal blocked", "Quetta mobile cut"}),
        ("kind=network_shutdown", {"Quetta mobile cut", "Kashmir shutdown"}),
        ("service=signal", {"Signal blocked"}),
        ("status=Ongoing", {"Signal blocked"}),
        # A year lists what was under way then, including blocks that began earlier.
        ("year=2025", {"X blocked", "Signal blocked", "Quetta mobile cut"}),
        ("year=2023", {"Kashmir shutdown"}),
        ("country=PK&kind=platform_block&year=2024", {"X blocked", "Signal blocked"}),
    ],
)
def test_incident_filters(client, incidents, query, expected):
    response = client.get(f"/incidents/?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_bad_filter_value_is_reported_not_fatal(client, incidents):
    response = client.get("/incidents/?year=soon&kind=earthquake")
    assert response.status_code == 200
    assert "Enter a whole number." in response.text
    assert "Select a valid choice." in response.text
    assert len(titles(response)) == 4


def test_incident_list_paginates(client, pakistan):
    for n in range(25):
        Incident.objects.create(
            title=f"Cut {n:02}",
            kind="network_shutdown",
            country=pakistan,
            start_date=D(2024, 1, 1) + datetime.timedelta(days=n),
        )
    first = client.get("/incidents/?kind=network_shutdown")
    second = client.get("/incidents/?kind=network_shutdown&page=2")
    assert len(titles(first)) == 20 and len(titles(second)) == 5
    assert 'href="?kind=network_shutdown&amp;page=2"' in first.text


def test_ongoing_block_has_a_live_counter(client, incidents):
    signal = incidents["signal"]
    days = (timezone.localdate() - signal.start_date).days
    response = client.get(signal.get_absolute_url())
    assert f"Blocked for <strong data-days>{days:,} days</strong>" in response.text
    assert 'data-start="2024-08-26"' in response.text


def _calendar_dates(response) -> list[datetime.date]:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))


def test_calendars_list_only_upcoming_hearings(client, case, incident):
    today = timezone.localdate()
    Hearing.objects.create(case=case, date=D(2024, 3, 1), what_happened="Long ago")
    soon = Hearing.objects.create(case=case, date=today + datetime.timedelta(days=3))
    later = Hearing.objects.create(case=case, date=today + datetime.timedelta(days=30))
    expected = [soon.date, later.date]
    assert _calendar_dates(client.get("/hearings/upcoming.ics")) == expected
    assert _calendar_dates(client.get(f"/cases/{case.slug}/hearings.ics")) == expected
    assert _calendar_dates(client.get(f"/incidents/{incident.slug}/hearings.ics")) == expected
    page = client.get("/hearings/upcoming/").text
    assert "A v. Federation" in page and "Long ago" not in page


def test_an_article_shows_its_tracker_records_once_an_incident_cites_it(
    client, home, incident, committed
):
    from drmonitor.tracker.tests.helpers import publish_article

    story = publish_article("Platform blocked overnight")
    assert b"In the tracker" not in client.get(story.url).content
    with committed():
        incident.articles.add(story)
        incident.save()
    page = client.get(story.url).content.decode()
    assert "In the tracker" in page
    assert incident.get_absolute_url() in page
