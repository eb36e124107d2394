from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "drmonitor.newsroom"
    label = "newsroom"
