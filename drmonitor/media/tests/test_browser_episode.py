"""A reader plays an episode in chromium and jumps to a chapter; the site serves the recording
(with byte ranges) as `make run` does."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from drmonitor.media.tests.conftest import make_episode
from drmonitor.testing.browser import screenshot_dir

pytest_plugins = ["drmonitor.testing.browser"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PLAYING = (
    "() => { const p = document.getElementById('episode-player');"
    " return !p.paused && p.currentTime > 0.3; }"
)


def current_time(page) -> float:
    return page.evaluate("document.getElementById('episode-player').currentTime")


def test_a_reader_plays_an_episode_and_jumps_to_a_chapter(browser_page, site_server, series):
    episode = make_episode(series)
    page = browser_page(site_server + episode.url)
    player = page.locator("#episode-player")
    expect(player).to_have_js_property("readyState", 4, timeout=15_000)

    # The browser's own controls, from the keyboard: focus the player, press Space.
    player.focus()
    page.keyboard.press("Space")
    page.wait_for_function(PLAYING, timeout=10_000)
    assert current_time(page) < 10

    page.get_by_role("link", name="00:20 What could end it").click()
    page.wait_for_function(
        "() => document.getElementById('episode-player').currentTime >= 20", timeout=10_000
    )
    page.wait_for_function(PLAYING, timeout=10_000)
    assert 20 <= current_time(page) < 25
    assert page.url.endswith("#t=20")  # the moment, to share

    # A transcript time seeks too, and backwards.
    page.locator("#transcript a", has_text="00:12").click()
    page.wait_for_function(
        "() => { const t = document.getElementById('episode-player').currentTime; "
        "return t >= 12 && t < 18; }",
        timeout=10_000,
    )
    page.screenshot(path=str(screenshot_dir() / "episode.png"), full_page=True)


def test_a_link_to_a_moment_of_the_page_starts_the_player_there(browser_page, site_server, series):
    episode = make_episode(series)
    page = browser_page(f"{site_server}{episode.url}#t=10")
    page.wait_for_function(
        "() => document.getElementById('episode-player').currentTime === 10", timeout=15_000
    )
