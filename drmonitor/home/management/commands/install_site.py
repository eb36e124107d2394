"""Create what every site needs and is missing: the home page and the section tree."""

from django.core.management.base import BaseCommand

from drmonitor.home.install import install_site


class Command(BaseCommand):
    help = "Create the home page and the section tree where missing (safe to repeat)."

    def handle(self, *args, **options) -> None:
        install_site()
        self.stdout.write(self.style.SUCCESS("The home page and the section tree are in place."))
