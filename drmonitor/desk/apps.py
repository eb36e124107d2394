from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "drmonitor.desk"
    label = "desk"
    verbose_name = "Desk"
