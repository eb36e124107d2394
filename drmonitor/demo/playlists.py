"""The newsroom's demo playlists (content/playlists.yaml): made with their pages when missing,
left as editors left them otherwise."""

from __future__ import annotations

from collections.abc import Sequence

from wagtail.models import Page

from drmonitor.demo.reading import Located
from drmonitor.demo.saving import reported, save_checked
from drmonitor.demo.schema import PlaylistSpec
from drmonitor.playlists.models import Playlist


def ensure_playlists(entries: Sequence[Located[PlaylistSpec]]) -> None:
    for entry in entries:
        spec = entry.spec
        if Playlist.objects.filter(owner=None, title=spec.title).exists():
            continue
        playlist = Playlist(
            title=spec.title,
            description=spec.description,
            is_public=spec.is_public,
            is_featured=spec.is_featured,
        )
        with reported(entry):
            save_checked(playlist)
        for slug in spec.pages:
            playlist.add(Page.objects.filter(slug=slug).first())
