from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "drmonitor.tracker"
    label = "tracker"
