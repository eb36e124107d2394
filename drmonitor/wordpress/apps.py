from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "drmonitor.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"
