"""The "Add to playlist" control under articles and episodes (the newsroom's ARTICLE_ASIDES).

Article pages are cached whole for anonymous readers, so the control is the same for every
reader: a plain form that opens /playlists/add/?page=ID (never cached; it asks a stranger to
log in first). It is rendered without the request, so nothing of the reader can slip into it.
With JavaScript, static/js/playlists.js asks that address for the reader's playlists as JSON
and turns the control into a one-click "Add" that does not reload the page.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page


def add_control(page: Page, request: HttpRequest | None) -> str:
    return render_to_string("playlists/includes/add_control.html", {"page": page})
