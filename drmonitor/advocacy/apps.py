from drmonitor.core import site_app


class AdvocacyConfig(site_app.SiteApp):
    name = "drmonitor.advocacy"
    label = "advocacy"
    verbose_name = "Campaigns and statements"
