from django.apps import AppConfig


class PlaylistsConfig(AppConfig):
    name = "drmonitor.playlists"
    label = "playlists"
    verbose_name = "Playlists"

    def ready(self) -> None:
        from drmonitor.playlists import dependencies

        dependencies.register()
