from drmonitor.core import site_app


class CoreConfig(site_app.SiteApp):
    name = "drmonitor.core"
    label = "core"

    def ready(self) -> None:
        from drmonitor.core.caching.invalidation import connect

        connect()
        super().ready()
