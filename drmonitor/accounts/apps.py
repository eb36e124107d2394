from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "drmonitor.accounts"
    label = "accounts"
