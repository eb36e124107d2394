"""Load the demo content. Safe to run again: it fills in only what is missing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from drmonitor.demo.accounts import credentials_listing
from drmonitor.demo.loader import load
from drmonitor.demo.reading import CONTENT_DIR, DemoContentError


class Command(BaseCommand):
    help = "Create or complete the demo site: authors, articles, records, accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--content",
            type=Path,
            default=CONTENT_DIR,
            help="the content folder to load (default: the demo's own)",
        )

    def handle(self, *args, **options) -> None:
        try:
            load(options["content"])
        except DemoContentError as error:
            raise CommandError(f"The demo content was not loaded:\n{error}") from error
        self.stdout.write(credentials_listing())
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
