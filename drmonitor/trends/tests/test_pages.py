"""Trends Monitor: a trend's figures (blank ones say so), and the landing page's charts, whose
numbers (in the tables and in the drawings' data attributes) are the counts of the data."""

from __future__ import annotations

import datetime
from decimal import Decimal

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from drmonitor.newsroom.sections import find_section
from drmonitor.newsroom.tests.discovery_support import publish
from drmonitor.tracker.factories import HearingFactory, IncidentFactory, ServiceFactory
from drmonitor.trends.factories import TrendPageFactory
from drmonitor.trends.models import TrendDriver, TrendsMonitorPage

D = datetime.date


def when(year: int, month: int, day: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def table(figure) -> dict[str, list[str]]:
    """A chart's table as {row heading: [cells]}, with the column headings under ''."""
    rows = {"": [text(th) for th in figure.select("thead th")]}
    for tr in figure.select("tbody tr"):
        rows[text(tr.th)] = [text(td) for td in tr.select("td")]
    return rows


def marks(figure) -> dict[tuple[str, str], int]:
    """The drawing's marks as {(category, series): value}."""
    return {
        (rect["data-category"], rect.get("data-series", "")): int(rect["data-value"])
        for rect in figure.select("svg .chart__mark")
    }


@pytest.fixture
def monitor(home) -> TrendsMonitorPage:
    section = find_section(home, "trends-monitor")
    assert isinstance(section, TrendsMonitorPage)
    return section


@pytest.fixture
def desk(home, monitor):
    """Articles in two top-level sections over three months (one month empty), tags, a draft;
    incidents of two kinds on three services; hearings in two months."""
    news = find_section(home, "drm-exclusive/news")
    editorial = find_section(home, "editorial")
    publish(news, "One", when=when(2024, 2), tags=["X ban", "Courts"])
    publish(news, "Two", when=when(2024, 2, 20), tags=["X ban"])
    publish(editorial, "Three", when=when(2024, 4), tags=["X ban"])
    publish(news, "Draft", when=when(2024, 4), tags=["X ban"], live=False)
    x, signal, bluesky = (ServiceFactory(name=n) for n in ("X", "Signal", "Bluesky"))
    IncidentFactory(kind="platform_block", services=[x])
    IncidentFactory(kind="platform_block", services=[x, signal])
    IncidentFactory(kind="network_shutdown", services=[])
    IncidentFactory(kind="platform_block", services=[bluesky])
    HearingFactory(date=D(2024, 3, 5))
    HearingFactory(date=D(2024, 3, 20))
    HearingFactory(date=D(2024, 5, 2))


def figure(page, chart_id):
    return page.select_one(f"figure#{chart_id}")


def test_article_charts_count_live_articles_per_section_and_tag_per_month(client, monitor, desk):
    page = soup(client.get(monitor.url))
    sections = figure(page, "chart-articles-sections")
    assert table(sections) == {
        "": ["Month", "DRM Exclusive", "Editorial", "Total"],
        "Feb 2024": ["2", "0", "2"],
        "Mar 2024": ["0", "0", "0"],
        "Apr 2024": ["0", "1", "1"],
    }
    assert marks(sections) == {("Feb 2024", "DRM Exclusive"): 2, ("Apr 2024", "Editorial"): 1}
    tags = figure(page, "chart-articles-tags")
    assert table(tags) == {
        "": ["Month", "X ban", "Courts", "Total"],
        "Feb 2024": ["2", "1", "3"],
        "Mar 2024": ["0", "0", "0"],
        "Apr 2024": ["1", "0", "1"],
    }
    assert marks(tags)[("Feb 2024", "X ban")] == 2


def test_tracker_charts_count_incidents_by_kind_and_service_and_hearings_per_month(
    client, monitor, desk
):
    page = soup(client.get(monitor.url))
    kinds = figure(page, "chart-incidents-kinds")
    assert table(kinds) == {
        "": ["Kind of incident", "Incidents"],
        "Platform block": ["3"],
        "Network shutdown": ["1"],
    }
    assert marks(kinds) == {("Platform block", ""): 3, ("Network shutdown", ""): 1}
    services = figure(page, "chart-incidents-services")
    assert table(services) == {
        "": ["Service", "Incidents"],
        "X": ["2"],
        "Bluesky": ["1"],
        "Signal": ["1"],
    }
    hearings = figure(page, "chart-hearings")
    assert table(hearings) == {
        "": ["Month", "Hearings"],
        "Mar 2024": ["2"],
        "Apr 2024": ["0"],
        "May 2024": ["1"],
    }
    assert marks(hearings) == {("Mar 2024", "Hearings"): 2, ("May 2024", "Hearings"): 1}
    # Each drawing is one named image with its description.
    svg = hearings.select_one("svg")
    assert svg["role"] == "img"
    assert svg.select_one("title").get_text() == "Court hearings per month"


def test_trend_chart_and_table_show_recorded_figures_and_leave_blanks_blank(client, monitor, desk):
    TrendPageFactory(
        parent=monitor,
        title="Who pushed #Measured",
        hashtag="#Measured",
        trended_from=D(2024, 5, 1),
        trended_until=D(2024, 5, 3),
        peak_volume=12000,
    )
    TrendPageFactory(
        parent=monitor, title="#RestoreX examined", hashtag="#RestoreX", trended_from=D(2024, 4, 5)
    )
    page = soup(client.get(monitor.url))
    trends = figure(page, "chart-trends")
    assert table(trends) == {
        "": ["Hashtag", "Trended from", "Until", "Peak volume (posts)"],
        "#RestoreX": ["5 April 2024", "Not recorded", "Not recorded"],
        "#Measured": ["1 May 2024", "3 May 2024", "12000"],
    }
    drawn = {mark["data-label"]: mark for mark in trends.select("svg .chart__mark")}
    assert drawn["#Measured"]["data-peak"] == "12000"
    assert drawn["#Measured"]["data-end"] == "2024-05-03"
    assert drawn["#RestoreX"]["data-peak"] == ""
    assert drawn["#RestoreX"].name == "circle"  # no end: a dot, not a bar


def test_trend_page_shows_figures_and_says_what_is_not_recorded(client, monitor):
    blank = TrendPageFactory(parent=monitor, hashtag="internetkholo", trended_from=D(2024, 4, 5))
    page = soup(client.get(blank.url))
    figures = {dd["data-figure"]: text(dd) for dd in page.select("[data-figure]")}
    assert figures == {
        "peak_volume": "Not recorded",
        "new_account_share": "Not recorded",
        "suspicious_account_share": "Not recorded",
        "drivers": "Not recorded",
    }
    assert "#internetkholo" in text(page.select_one(".trend-figures"))
    measured = TrendPageFactory(
        parent=monitor,
        hashtag="#Measured",
        peak_volume=12000,
        new_account_share=Decimal("41.5"),
        suspicious_account_share=Decimal("8"),
    )
    TrendDriver.objects.create(page=measured, handle="@loud", posts=300)
    figures = {
        dd["data-figure"]: text(dd) for dd in soup(client.get(measured.url)).select("[data-figure]")
    }
    assert figures == {
        "peak_volume": "12000 posts",
        "new_account_share": "41.5 %",
        "suspicious_account_share": "8.0 %",
        "drivers": "@loud (300 posts)",
    }


def test_a_published_article_updates_the_cached_charts(client, home, monitor, desk, committed):
    first = table(figure(soup(client.get(monitor.url)), "chart-articles-sections"))
    assert first["Apr 2024"] == ["0", "1", "1"]
    with committed():
        publish(find_section(home, "editorial"), "Four", when=when(2024, 4, 12))
    again = table(figure(soup(client.get(monitor.url)), "chart-articles-sections"))
    assert again["Apr 2024"] == ["0", "2", "2"]


def test_trends_are_found_by_hashtag_and_listed_in_the_feed(client, monitor):
    trend = TrendPageFactory(parent=monitor, title="A hashtag examined", hashtag="#Zebrafish")
    found = soup(client.get("/search/", {"q": "Zebrafish"}))
    assert [text(a) for a in found.select(".search-hit__title a")] == [trend.title]
    feed = feedparser.parse(client.get(monitor.url + "feed/").content)
    assert [entry.title for entry in feed.entries] == [trend.title]
