from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "drmonitor.advocacy"
    label = "advocacy"
    verbose_name = "Campaigns and statements"

    def ready(self) -> None:
        from drmonitor.advocacy import dependencies

        dependencies.register()
