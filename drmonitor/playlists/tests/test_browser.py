"""In chromium: a signed-in reader adds an article to a playlist with one click, and the page
does not reload; the result is announced in the control's live region. A reader plays an
episode, jumps to a chapter and keeps the episode in a playlist while it goes on playing."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from drmonitor.media.tests.conftest import make_episode, series  # noqa: F401 - fixture
from drmonitor.playlists.factories import PlaylistFactory
from drmonitor.playlists.models import Playlist
from drmonitor.testing.browser import DESKTOP, screenshot_dir

pytest_plugins = ["drmonitor.testing.browser"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def signed_in_page(browser, live_server, reader):
    """A browser context holding the reader's session, as after logging in."""
    client = Client()
    client.force_login(reader)
    context = browser.new_context(viewport=DESKTOP)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    yield context.new_page()
    context.close()


def test_one_click_adds_the_article_without_a_reload(live_server, signed_in_page, reader, articles):
    article = articles[0]
    later = PlaylistFactory(owner=reader, title="Watch later")
    page = signed_in_page
    page.goto(live_server.url + article.url)

    control = page.locator("[data-playlist-add]")
    choice = control.get_by_label("Playlist")
    expect(choice).to_be_visible()  # the reader's playlists, fetched by the script
    expect(choice.locator("option:checked")).to_have_text("Watch later")
    page.evaluate("window.notReloaded = true")

    control.get_by_role("button", name="Add to playlist").click()
    status = control.get_by_role("status")
    expect(status).to_contain_text(f"“{article.title}” is added to “Watch later”.")
    assert page.evaluate("window.notReloaded") is True
    assert [item.page_id for item in later.items.all()] == [article.pk]
    expect(choice.locator("option:checked")).to_have_text("Watch later (already in it)")

    # A new playlist, named in place, also in one click once named.
    choice.select_option(label="A new playlist…")
    control.get_by_label("Name").fill("Court days")
    control.get_by_role("button", name="Add to playlist").click()
    expect(status).to_contain_text("is added to “Court days”.")
    assert page.evaluate("window.notReloaded") is True
    made = Playlist.objects.get(owner=reader, title="Court days")
    assert [item.page_id for item in made.items.all()] == [article.pk]
    control.screenshot(path=str(screenshot_dir() / "playlist-add-control.png"))

    status.get_by_role("link").click()  # "Open “Court days”"
    expect(page.get_by_role("heading", level=1)).to_have_text("Court days")


def test_without_javascript_the_control_is_a_form(browser_page, live_server, articles):
    page = browser_page(live_server.url + articles[0].url, javascript=False)
    page.get_by_role("button", name="Add to playlist").click()
    assert "/accounts/login/" in page.url  # a stranger logs in, then chooses a playlist


PLAYER = "document.getElementById('episode-player')"


def test_a_reader_plays_an_episode_jumps_to_a_chapter_and_keeps_it(
    live_server,
    signed_in_page,
    reader,
    series,  # noqa: F811 - the fixture imported above
):
    episode = make_episode(series)
    later = PlaylistFactory(owner=reader, title="Watch later")
    page = signed_in_page
    page.goto(live_server.url + episode.url)
    page.evaluate("window.notReloaded = true")

    chapters = page.get_by_role("navigation", name="Chapters")
    chapters.get_by_role("link", name="Why 17 February").click()  # plays from the start
    page.wait_for_function(f"() => !{PLAYER}.paused && {PLAYER}.currentTime > 0.5")

    chapters.get_by_role("link", name="The letter").click()  # 00:10
    page.wait_for_function(f"() => !{PLAYER}.paused && {PLAYER}.currentTime >= 10")
    assert page.evaluate(f"{PLAYER}.currentTime") < 20

    control = page.locator("[data-playlist-add]")
    expect(control.get_by_label("Playlist")).to_be_visible()
    control.get_by_role("button", name="Add to playlist").click()
    expect(control.get_by_role("status")).to_contain_text(
        f"“{episode.title}” is added to “Watch later”."
    )
    assert [item.page_id for item in later.items.all()] == [episode.pk]
    # The same page, still playing: adding did not reload it or stop the episode.
    assert page.evaluate("window.notReloaded") is True
    position = page.evaluate(f"{PLAYER}.currentTime")
    page.wait_for_function(f"() => !{PLAYER}.paused && {PLAYER}.currentTime > {position}")

    page.goto(live_server.url + later.get_absolute_url())
    expect(page.locator(".playlist-item__title")).to_have_text([episode.title])
