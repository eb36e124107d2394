"""The newsroom's own face in the admin and on the site: its sign-in page, its colours, faces
drawn from initials (nothing fetched from Gravatar), and the two About blocks editors keep in
the site settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse

from drmonitor.core.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_the_admin_sign_in_is_the_newsrooms(client):
    html = client.get(reverse("wagtailadmin_login")).text
    assert "Sign in to Digital Rights Monitor" in html
    assert "Sign in to Wagtail" not in html
    assert "img/logo.svg" in html
    assert "css/admin.css" in html  # the site's colours from the first page


def test_avatars_are_initials_and_nothing_asks_gravatar(client, reporter):
    client.force_login(reporter)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        html = client.get(url).text
        assert "gravatar" not in html.lower(), url
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).text, "html.parser")
    avatars = [img["src"] for img in soup.select(".avatar img")]
    assert avatars and all(src.startswith("data:image/svg+xml,") for src in avatars)
    assert "%3ERA%3C" in avatars[0]  # "Rubab Ali" -> RA, between <text> and </text>


def test_the_admin_wears_the_sites_colours(client, reporter):
    client.force_login(reporter)
    html = client.get(reverse("wagtailadmin_home")).text
    assert "css/admin.css" in html
    css = Path(finders.find("css/admin.css")).read_text()
    assert "--w-color-primary-hue: 205.2" in css


def footer_and_sidebar_headings(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [h2.get_text(strip=True) for h2 in soup.select(".about-block h2")]


def test_both_about_blocks_are_edited_in_the_settings_and_shown(client, home, admin, committed):
    settings = SiteSettings.load()
    settings.about = "We report on digital rights in Pakistan."
    settings.save()
    assert footer_and_sidebar_headings(client.get("/").text) == ["About Digital Rights Monitor"]

    client.force_login(admin)
    form = client.get("/admin/settings/core/sitesettings/", follow=True).text
    assert "About Media Matters for Democracy" in form

    settings.about_mmfd = "MMfD works on media freedom."
    with committed():  # the cached home page goes stale when the settings are saved
        settings.save()
    client.logout()
    html = client.get("/").text
    assert footer_and_sidebar_headings(html) == [
        "About Digital Rights Monitor",
        "About Media Matters for Democracy",
    ]
    assert "MMfD works on media freedom." in html
