from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "drmonitor.newsroom"
    label = "newsroom"

    def ready(self) -> None:
        from drmonitor.newsroom import dependencies

        dependencies.register()
