from django.apps import AppConfig


class ReadershipConfig(AppConfig):
    name = "drmonitor.readership"
    label = "readership"
    verbose_name = "readership"
