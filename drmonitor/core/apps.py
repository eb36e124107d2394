from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "drmonitor.core"
    label = "core"

    def ready(self) -> None:
        # Every process that writes content (web, worker, shell) must record what it made
        # stale; each app registers its own models' keys in its ready().
        from drmonitor.core import dependencies
        from drmonitor.core.caching.invalidation import connect

        connect()
        dependencies.register()
