from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "drmonitor.accounts"
    label = "accounts"

    def ready(self) -> None:
        from drmonitor.accounts import notices

        notices.connect()
