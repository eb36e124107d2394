from drmonitor.accounts import profile


class TrackerConfig(profile.ProfilePanelApp):
    name = "drmonitor.tracker"
    label = "tracker"
    verbose_name = "Tracker"
    profile_panel = "tracker/includes/my_follows.html"

    def ready(self) -> None:
        from drmonitor.tracker import signals  # noqa: F401 - connects the follow notifications

        super().ready()
