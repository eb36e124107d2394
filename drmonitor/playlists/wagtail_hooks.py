"""Playlists in the admin and on the newsroom's pages.

Editors curate the newsroom's playlists under "Playlists" and may feature any public one;
readers' private playlists are not theirs to see, so the admin neither lists nor opens them.
The newsroom's hooks add the "Add to playlist" control under articles and public playlists to
the site search and the sitemap.
"""

from django.db.models import Q
from django.http import Http404
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets

from drmonitor.newsroom.hooks import ARTICLE_ASIDES, SEARCH_SOURCES, SITEMAPS
from drmonitor.playlists import discovery
from drmonitor.playlists.control import add_control
from drmonitor.playlists.models import Playlist

EDITORS_SEE = Q(owner=None) | Q(is_public=True)


def is_private_to_a_reader(playlist: Playlist) -> bool:
    return playlist.owner_id is not None and not playlist.is_public


class NotPrivate:
    """For the admin's views of one playlist: a reader's private one does not exist there."""

    def get_object(self, *args, **kwargs):
        playlist = super().get_object(*args, **kwargs)
        if is_private_to_a_reader(playlist):
            raise Http404("No such playlist.")
        return playlist


def _guarded(view_class: type) -> type:
    return type(view_class.__name__, (NotPrivate, view_class), {})


class PlaylistViewSet(snippets.SnippetViewSet):
    model = Playlist
    icon = "list-ol"
    menu_label = "Playlists"
    add_to_admin_menu = True
    menu_order = 255
    list_display = ["title", "curator", "is_public", "is_featured", "updated_at"]
    list_filter = ["is_featured", "is_public"]
    search_fields = ["title", "description"]

    edit_view_class = _guarded(snippets.EditView)
    delete_view_class = _guarded(snippets.DeleteView)
    copy_view_class = _guarded(snippets.CopyView)
    usage_view_class = _guarded(snippets.UsageView)
    history_view_class = _guarded(snippets.HistoryView)
    inspect_view_class = _guarded(snippets.InspectView)

    def get_queryset(self, request):
        return Playlist.objects.filter(EDITORS_SEE)


register_snippet(PlaylistViewSet)


hooks.register(ARTICLE_ASIDES, add_control)
hooks.register(SEARCH_SOURCES, discovery.search_sources)
hooks.register(SITEMAPS, discovery.sitemaps)
