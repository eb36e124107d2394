from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "drmonitor.api"
    label = "api"
