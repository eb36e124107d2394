from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "drmonitor.core"
    label = "core"
