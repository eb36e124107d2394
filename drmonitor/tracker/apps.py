from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "drmonitor.tracker"
    label = "tracker"
    verbose_name = "Tracker"

    def ready(self) -> None:
        from drmonitor.tracker import signals  # noqa: F401 - connects the follow notifications
