"""How readers and machines find public playlists: the site search and sitemap.xml, through
the newsroom's hooks (wagtail_hooks.py). Private playlists are in neither."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from wagtail.search.backends import get_search_backend

from drmonitor.core.caching import depends_on
from drmonitor.newsroom.search import Filters, Hit
from drmonitor.playlists import keys
from drmonitor.playlists.models import Playlist


class PlaylistSource:
    """Public playlists, after articles and records. They have no section, tag or date of
    publication, so a search narrowed by any of those finds none."""

    kind = "playlist"

    def results(self, query: str, filters: Filters, order: str):
        public = Playlist.objects.public().order_by("-updated_at")
        if not query or filters:
            return public.none()
        return get_search_backend().search(query, public, order_by_relevance=False)

    def hits(self, playlists: list[Playlist], request: HttpRequest | None) -> list[Hit]:
        return [
            Hit(
                title=playlist.title,
                url=playlist.get_absolute_url(),
                kind=self.kind,
                date=playlist.updated_at,
                summary=playlist.description,
                context="Featured playlist" if playlist.is_featured else "Playlist",
            )
            for playlist in playlists
        ]


def search_sources() -> list[PlaylistSource]:
    return [PlaylistSource()]


class PlaylistSitemap(Sitemap):
    """Public playlists; the sitemap goes stale whenever one changes (dependencies.py)."""

    changefreq = "weekly"

    def items(self):
        depends_on(keys.PUBLIC)
        return Playlist.objects.public().order_by("pk")

    def lastmod(self, playlist: Playlist):
        return playlist.updated_at


def sitemaps(request: HttpRequest) -> dict[str, Sitemap]:
    return {"playlists": PlaylistSitemap()}
