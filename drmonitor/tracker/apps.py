from drmonitor.core import site_app


class TrackerConfig(site_app.SiteApp):
    name = "drmonitor.tracker"
    label = "tracker"
    verbose_name = "Tracker"

    def ready(self) -> None:
        from drmonitor.accounts.profile import register_profile_panel
        from drmonitor.tracker import signals  # noqa: F401 - connects the follow notifications

        register_profile_panel("tracker/includes/my_follows.html")
        super().ready()
