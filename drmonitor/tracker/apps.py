from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "drmonitor.tracker"
    label = "tracker"
    verbose_name = "Tracker"

    def ready(self) -> None:
        from drmonitor.accounts.profile import register_profile_panel
        from drmonitor.tracker import (
            dependencies,
            signals,  # noqa: F401 - connects the follow notifications
        )

        register_profile_panel("tracker/includes/my_follows.html")
        dependencies.register()
