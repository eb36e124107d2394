from drmonitor.core import site_app


class NewsroomConfig(site_app.SiteApp):
    name = "drmonitor.newsroom"
    label = "newsroom"
