from django.apps import AppConfig


class MediaConfig(AppConfig):
    """Vodcasts (series, seasons, episodes with their podcast feed) and infographics."""

    name = "drmonitor.media"
    label = "media"
    verbose_name = "Vodcasts and infographics"

    def ready(self) -> None:
        from drmonitor.media import dependencies

        dependencies.register()
