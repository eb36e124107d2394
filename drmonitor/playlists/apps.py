from django.apps import AppConfig


class PlaylistsConfig(AppConfig):
    name = "drmonitor.playlists"
    label = "playlists"
    verbose_name = "Playlists"

    def ready(self) -> None:
        from drmonitor.accounts.profile import register_profile_panel
        from drmonitor.playlists import dependencies

        register_profile_panel("playlists/includes/my_playlists.html")
        dependencies.register()
