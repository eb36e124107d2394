from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "drmonitor.demo"
    label = "demo"
