"""The Content-Security-Policy header: strict on the public site (only the site's own script
files), looser in Wagtail's admin, on cached pages as on fresh ones; and no site template
writes an inline script or event handler the strict policy would refuse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db
# A <script> with neither src nor a data type (JSON-LD and the like are not run).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/[a-z+]*json\")[^>]*>")
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def directives(header: str) -> dict[str, list[str]]:
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_public_pages_allow_only_the_sites_own_scripts(client, home):
    fresh = client.get("/")
    cached = client.get("/")

    for response in (fresh, cached):
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert "https://www.youtube-nocookie.com" in policy["frame-src"]
        assert policy["connect-src"] == ["'self'"]


def test_the_admin_has_its_own_looser_policy(client):
    policy = directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]


def test_no_site_template_writes_inline_script_or_event_handlers():
    offenders = []
    for template in sorted(Path(settings.PACKAGE_DIR).rglob("templates/**/*.html")):
        if "wagtailadmin" in template.parts:  # the admin's own policy allows these
            continue
        text = template.read_text()
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER):
            offenders += [f"{template}: {match}" for match in pattern.findall(text)]
    assert offenders == []
