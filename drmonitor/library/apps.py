from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "drmonitor.library"
    label = "library"
    verbose_name = "Resources library"

    def ready(self) -> None:
        from drmonitor.library import dependencies

        dependencies.register()
