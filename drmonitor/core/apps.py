from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "drmonitor.core"
    label = "core"

    def ready(self) -> None:
        # Every process that writes content (web, worker, shell) must invalidate the page cache.
        from drmonitor.core.cache import connect_signals

        connect_signals()
