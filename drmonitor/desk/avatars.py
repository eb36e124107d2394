"""Avatars drawn from a person's initials, inside the page that shows them.

Wagtail asks Gravatar for every face it shows: an editor's e-mail address leaves the newsroom
with each admin page, and offline (or behind a firewall that blocks it) every avatar is a broken
image. Settings turn Gravatar off (WAGTAIL_GRAVATAR_PROVIDER_URL = None); this draws the
initials as an SVG data URL instead, so nothing is fetched at all. A picture a user uploads in
their account settings still wins.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from django.utils.html import escape

# The site's brand colours, dark enough for white letters (contrast above 4.5:1).
BACKGROUNDS = ("#0a3d62", "#0b5394", "#a8231a", "#5b3a8c", "#1d5e3a", "#7a4b00")


def initials(user) -> str:
    """'Rubab Ali' -> 'RA'; a user with no name: the first two letters of the user name."""
    names = [part for part in (user.first_name, user.last_name) if part.strip()]
    if names:
        letters = "".join(name.strip()[0] for name in names)
    else:
        letters = user.get_username()[:2]
    return letters.upper()


def background(user) -> str:
    """The same colour for the same person on every page."""
    digest = hashlib.sha256(user.get_username().encode()).digest()
    return BACKGROUNDS[digest[0] % len(BACKGROUNDS)]


def initials_svg(user) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" fill="{background(user)}"/>'
        '<text x="32" y="32" dy=".35em" text-anchor="middle" fill="#fff" '
        'font-family="system-ui, sans-serif" font-size="26" font-weight="600">'
        f"{escape(initials(user))}</text></svg>"
    )


def avatar_url(user, size: int) -> str | None:
    """get_avatar_url hook: the uploaded picture if there is one (Wagtail's own logic), or the
    drawn initials."""
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return "data:image/svg+xml," + quote(initials_svg(user))
