"""Playlists in the admin and on the newsroom's pages.

Editors curate the newsroom's playlists under "Playlists" and may feature any public one;
readers' private playlists are not theirs to see, so the admin neither lists nor opens them.
The newsroom's hooks add the "Add to playlist" control under articles and public playlists to
the site search and the sitemap.
"""

from django.db.models import Q
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from drmonitor.newsroom.hooks import ARTICLE_ASIDES, SEARCH_SOURCES, SITEMAPS
from drmonitor.playlists import discovery
from drmonitor.playlists.control import add_control
from drmonitor.playlists.models import Playlist

EDITORS_SEE = Q(owner=None) | Q(is_public=True)


def is_private_to_a_reader(playlist: Playlist) -> bool:
    return playlist.owner_id is not None and not playlist.is_public


class EditorialPlaylistPolicy(ModelPermissionPolicy):
    """The model's permissions, on the newsroom's playlists and public ones only."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if is_private_to_a_reader(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions).filter(EDITORS_SEE)


register_permission_policy(Playlist, EditorialPlaylistPolicy(Playlist))


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

hooks.register(ARTICLE_ASIDES, add_control)
hooks.register(SEARCH_SOURCES, discovery.search_sources)
hooks.register(SITEMAPS, discovery.sitemaps)
