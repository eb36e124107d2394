from drmonitor.accounts import profile


class PlaylistsConfig(profile.ProfilePanelApp):
    name = "drmonitor.playlists"
    label = "playlists"
    verbose_name = "Playlists"
    profile_panel = "playlists/includes/my_playlists.html"
