"""Which keys a write to a playlist makes stale (registered by PlaylistsConfig.ready()).

Playlist pages are never cached; the sitemap lists public playlists, so a playlist that is or
was public makes it stale. An item's change touches its playlist (models.Playlist.add, move,
remove, and the admin's save), so items need no keys of their own. Private playlists change
nothing anyone else sees and record nothing.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Site

from drmonitor.core.caching import frontend, invalidation
from drmonitor.playlists import keys
from drmonitor.playlists.models import Playlist


def playlist_keys(playlist: Playlist) -> list[str]:
    return [keys.PUBLIC] if Playlist.objects.public().filter(pk=playlist.pk).exists() else []


def _sitemap_urls(key: str) -> list[str]:
    path = reverse("discovery:sitemap")
    return [f"{site.root_url}{path}" for site in Site.objects.all()]


def register() -> None:
    invalidation.register(Playlist, playlist_keys)
    frontend.register_urls(keys.PUBLIC, _sitemap_urls)
