"""The header's live search in a real browser: type, see matches, "No Result", "View All Result"."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from drmonitor.newsroom.factories import ImageFactory
from drmonitor.newsroom.tests.discovery_support import publish, section
from drmonitor.testing.browser import PHONE, screenshot_dir

pytest_plugins = ["drmonitor.testing.browser"]
# The live server needs committed data; serialized rollback restores what migrations made.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def articles(home):
    news = section(home, "drm-exclusive", "news")
    start = timezone.now() - datetime.timedelta(days=30)
    for n, title in enumerate(
        [
            "Firewall trial slows mobile internet in Karachi",
            "Senate committee questions the firewall budget",
            "Court asks regulator about firewall contracts",
        ]
    ):
        publish(news, title, when=start + datetime.timedelta(days=n), image=ImageFactory())
    publish(news, "Petition against the platform ban admitted", when=start)


def dropdown_titles(page) -> list[str]:
    return page.locator("#live-search-panel .live-search__title").all_inner_texts()


def test_live_search_dropdown_no_result_and_view_all(site_url, articles, browser_page):
    page = browser_page(site_url + "/")
    box = page.locator("#site-search-input")
    panel = page.locator("#live-search-panel")
    assert box.get_attribute("role") == "combobox"  # enhanced by the script

    box.press_sequentially("firew", delay=40)
    panel.locator(".live-search__option").first.wait_for()
    assert len(dropdown_titles(page)) == 3
    assert all("irewall" in title for title in dropdown_titles(page))
    assert box.get_attribute("aria-expanded") == "true"
    assert "3 results" in page.locator("#live-search-status").inner_text()
    page.screenshot(path=str(screenshot_dir() / "live-search.png"))

    # Keyboard: down to the first match, Escape closes the list.
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").inner_text().startswith("Court asks regulator")
    box.press("Escape")
    assert panel.is_hidden()
    assert box.get_attribute("aria-expanded") == "false"

    box.fill("")
    box.press_sequentially("qzxqv", delay=40)
    page.locator("#live-search-panel .live-search__empty").wait_for()
    assert panel.locator(".live-search__empty").inner_text() == "No Result"
    assert dropdown_titles(page) == []

    box.fill("")
    box.press_sequentially("firewall", delay=40)
    panel.locator(".live-search__option").first.wait_for()
    page.get_by_role("option", name="View All Result").click()
    page.wait_for_url(re.compile(r"/search/\?q=firewall$"))
    assert page.locator("h1").inner_text() == "Results for “firewall”"
    assert page.locator(".search-hit__title").count() == 3
    assert page.locator("#site-search-input").input_value() == "firewall"


def test_enter_on_a_highlighted_match_opens_it(site_url, articles, browser_page):
    page = browser_page(site_url + "/", viewport=PHONE)
    box = page.locator("#site-search-input")
    box.press_sequentially("petition", delay=40)
    page.locator("#live-search-panel .live-search__option").first.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/petition-against-the-platform-ban-admitted/$"))
    assert page.locator("h1").inner_text() == "Petition against the platform ban admitted"


def test_without_javascript_the_box_submits_to_the_results_page(site_url, articles, browser_page):
    page = browser_page(site_url + "/", javascript=False)
    box = page.locator("#site-search-input")
    box.fill("senate firewall")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=senate\+firewall$"))
    titles = page.locator(".search-hit__title").all_inner_texts()
    assert titles == ["Senate committee questions the firewall budget"]
