"""In a real browser: the X-ban page's timeline and the day counters."""

from __future__ import annotations

import datetime

import pytest

from drmonitor.testing.browser import browser  # noqa: F401 - fixture
from drmonitor.tracker.models import Incident
from drmonitor.tracker.timeline import incident_timeline

# The live server needs committed data; serialized rollback restores the rows that migrations
# made (Wagtail's root page) for the tests that run after this one.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(browser):  # noqa: F811
    """A page in a fresh context, not yet navigated (so a test can set the clock first)."""
    context = browser.new_context(locale="en-GB", timezone_id="Asia/Karachi")
    yield context.new_page()
    context.close()


def test_x_ban_page_timeline_and_counter(live_server, page, x_ban):
    page.goto(f"{live_server.url}{x_ban.get_absolute_url()}")

    counter = page.locator(".day-counter")
    days = (datetime.date(2025, 5, 7) - datetime.date(2024, 2, 17)).days
    assert counter.inner_text().startswith(f"Lasted {days} days")

    events = page.locator(".timeline-list > li")
    dates = events.evaluate_all("items => items.map(i => i.dataset.date)")
    # Every event of a long timeline is listed, in date order.
    assert len(dates) == len(incident_timeline(x_ban)) > 20
    assert dates == sorted(dates)
    assert dates[0] == "2024-02-17"

    restoration = page.locator('.timeline-list > li[data-kind="end"]')
    assert restoration.count() == 1
    assert restoration.get_attribute("data-date") == "2025-05-07"
    assert "ends: X blocked in Pakistan" in restoration.inner_text()

    # The drawing places one mark per event, the first at the left end.
    marks = page.locator(".timeline-visual__mark")
    assert marks.count() == len(dates)
    assert marks.first.get_attribute("style") == "left: 0.0%"


def test_live_counter_follows_the_readers_clock(live_server, page, pakistan):
    signal = Incident.objects.create(
        title="Signal blocked",
        kind="platform_block",
        country=pakistan,
        start_date=datetime.date(2024, 8, 26),
    )
    # The page was rendered today; the reader's clock says 1 Jan 2030 (Pakistan time), so the
    # script must recount.
    page.clock.install(time=datetime.datetime(2030, 1, 1, 0, 30, tzinfo=datetime.UTC))
    page.goto(f"{live_server.url}{signal.get_absolute_url()}")
    expected = (datetime.date(2030, 1, 1) - signal.start_date).days
    counter = page.locator("[data-day-counter] [data-days]")
    assert counter.inner_text() == f"{expected:,} days"
