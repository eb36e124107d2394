"""In chromium, the public site's pages run under its Content-Security-Policy without a single
violation: home, a section, an article with an embed, live search as it is typed, a vodcast whose
YouTube player is loaded on request, an incident, a playlist and the login page. The listener
that collects violations is shown to catch one, so a quiet run means a clean policy."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import pytest

from drmonitor.media.tests.conftest import make_episode, series  # noqa: F401 - fixture
from drmonitor.newsroom.factories import full_story
from drmonitor.playlists.factories import PlaylistFactory
from drmonitor.testing.browser import DESKTOP
from drmonitor.tracker.models import Country, Incident

pytest_plugins = ["drmonitor.testing.browser"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Every violation the page sees (its own and its frames'), reported to the test as it happens.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.drmReportViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${document.location.pathname}`);
});
"""
INJECT_INLINE_SCRIPT = """() => new Promise((resolve) => {
  document.addEventListener("securitypolicyviolation", () => resolve(document.title), {once: true});
  const script = document.createElement("script");
  script.textContent = "document.title = 'injected';";
  document.head.append(script);
})"""
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")
PLAYER_STUB = "<!doctype html><title>Player</title><p>A stand-in for the video player.</p>"


@pytest.fixture
def watched(browser) -> Iterator[tuple[object, list[str]]]:
    """A page whose violations (events and console complaints) land in a list. Requests for
    other sites (the video player) get a stand-in, so nothing leaves this machine; the policy
    is checked before any request is made, so a forbidden frame is still reported."""
    violations: list[str] = []
    context = browser.new_context(viewport=DESKTOP)
    context.expose_function("drmReportViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.route(
        ELSEWHERE, lambda route: route.fulfill(content_type="text/html", body=PLAYER_STUB)
    )
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page, violations
    context.close()


@pytest.fixture
def site(home, series):  # noqa: F811 - the media fixture imported above
    story = full_story(home)
    episode = make_episode(
        series, recording=None, external_video_url="https://www.youtube.com/watch?v=abcDEF12345"
    )
    pakistan = Country.objects.get_or_create(code="PK", defaults={"name": "Pakistan"})[0]
    incident = Incident.objects.create(
        title="X blocked nationwide",
        kind="platform_block",
        country=pakistan,
        start_date=datetime.date(2024, 2, 17),
    )
    playlist = PlaylistFactory(title="The X ban", is_public=True, pages=[story, episode])
    return {
        "section": story.get_parent().url,
        "article": story.url,
        "episode": episode.url,
        "incident": incident.get_absolute_url(),
        "playlist": playlist.get_absolute_url(),
    }


def test_the_public_pages_run_without_a_policy_violation(live_server, site, watched):
    page, violations = watched
    base = live_server.url

    page.goto(base + "/")
    box = page.locator("#site-search-input")
    box.press_sequentially("petition", delay=30)
    page.locator("#live-search-panel .live-search__option").first.wait_for()

    for name in ("section", "article", "incident", "playlist"):
        response = page.goto(base + site[name])
        assert response.status == 200, name
        assert "script-src 'self';" in response.headers["content-security-policy"]
        if name == "article":
            assert page.locator(".embed", has_text="A post about the X ban, stored").is_visible()

    page.goto(base + site["episode"])
    page.get_by_role("button", name=re.compile("Play here")).click()
    player = page.frame_locator(".player iframe")
    player.get_by_text("A stand-in for the video player").wait_for()

    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("not-a-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()

    assert violations == []

    # The listener is live: an inline script, as an injected one would be, is refused and
    # reported.
    title = page.evaluate(INJECT_INLINE_SCRIPT)
    assert title != "injected"
    assert any("script-src" in violation for violation in violations)
