"""In chromium, the public site's pages run under its Content-Security-Policy without a single
violation: home, a section, an article with an embed, live search as it is typed, a vodcast whose
YouTube player is loaded on request, an incident, a playlist and the login page. The listener
that collects violations is shown to catch one, so a quiet run means a clean policy."""

from __future__ import annotations

import datetime
import re

import pytest

from drmonitor.media.tests.conftest import make_episode, series  # noqa: F401 - fixture
from drmonitor.newsroom.factories import full_story
from drmonitor.playlists.factories import PlaylistFactory
from drmonitor.testing.csp import INJECT_INLINE_SCRIPT
from drmonitor.tracker.models import Country, Incident

pytest_plugins = ["drmonitor.testing.browser", "drmonitor.testing.csp"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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


def test_the_public_pages_run_without_a_policy_violation(live_server, site, watched_page):
    page, violations = watched_page
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
    player.get_by_text("A stand-in for another site's page").wait_for()

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


def test_the_admin_works_under_its_own_policy(live_server, site, watched_page):
    """Wagtail writes inline scripts; its policy lets them run, and the page editor opens."""
    from django.contrib.auth import get_user_model

    from drmonitor.newsroom.models import ArticlePage

    get_user_model().objects.create_superuser("chief", password="a-long-admin-passphrase-7")
    page, violations = watched_page
    base = live_server.url
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("a-long-admin-passphrase-7")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/admin/")

    story = ArticlePage.objects.get(url_path__endswith="/court-hears-petition-against-x-ban/")
    page.goto(f"{base}/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="Save draft").wait_for()
    page.wait_for_load_state("networkidle")

    assert violations == []
