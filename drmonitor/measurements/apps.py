from drmonitor.core import site_app


class MeasurementsConfig(site_app.SiteApp):
    name = "drmonitor.measurements"
    label = "measurements"
    verbose_name = "Measurements"

    def ready(self) -> None:
        super().ready()
        from drmonitor.measurements import checks  # noqa: F401 - registers the deploy check
