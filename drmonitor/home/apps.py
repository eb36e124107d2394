from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "drmonitor.home"
    label = "home"
