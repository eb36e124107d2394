from drmonitor.core import site_app


class MeasurementsConfig(site_app.SiteApp):
    name = "drmonitor.measurements"
    label = "measurements"
    verbose_name = "Measurements"
