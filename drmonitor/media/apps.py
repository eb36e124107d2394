from drmonitor.core import site_app


class MediaConfig(site_app.SiteApp):
    """Vodcasts (series, seasons, episodes with their podcast feed) and infographics."""

    name = "drmonitor.media"
    label = "media"
    verbose_name = "Vodcasts and infographics"
