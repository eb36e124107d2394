from drmonitor.core import site_app


class PlaylistsConfig(site_app.SiteApp):
    name = "drmonitor.playlists"
    label = "playlists"
    verbose_name = "Playlists"

    def ready(self) -> None:
        from drmonitor.accounts.profile import register_profile_panel

        register_profile_panel("playlists/includes/my_playlists.html")
        super().ready()
