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
from wagtail.snippets.views.snippets import SnippetViewSet

from drmonitor.newsroom.hooks import ARTICLE_ASIDES, SEARCH_SOURCES, SITEMAPS
from drmonitor.playlists import discovery
from drmonitor.playlists.control import add_control
from drmonitor.playlists.models import Playlist

EDITORS_SEE = Q(owner=None) | Q(is_public=True)


def is_private_to_a_reader(playlist: Playlist) -> bool:
    return playlist.owner_id is not None and not playlist.is_public


class PlaylistViewSet(SnippetViewSet):
    model = Playlist
    icon = "list-ol"
    menu_label = "Playlists"
    add_to_admin_menu = True
    menu_order = 255
    list_display = ["title", "curator", "is_public", "is_featured", "updated_at"]
    list_filter = ["is_featured", "is_public"]
    search_fields = ["title", "description"]

    def get_queryset(self, request):
        return Playlist.objects.filter(EDITORS_SEE)


register_snippet(PlaylistViewSet)


@hooks.register("before_edit_snippet")
def _not_a_private_playlist(request, instance):
    if isinstance(instance, Playlist) and is_private_to_a_reader(instance):
        raise Http404("No such playlist.")


@hooks.register("before_delete_snippet")
def _none_a_private_playlist(request, instances):
    for instance in instances:
        _not_a_private_playlist(request, instance)


hooks.register(ARTICLE_ASIDES, add_control)
hooks.register(SEARCH_SOURCES, discovery.search_sources)
hooks.register(SITEMAPS, discovery.sitemaps)
