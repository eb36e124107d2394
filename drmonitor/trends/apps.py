from django.apps import AppConfig


class TrendsConfig(AppConfig):
    name = "drmonitor.trends"
    label = "trends"
    verbose_name = "Trends Monitor"
