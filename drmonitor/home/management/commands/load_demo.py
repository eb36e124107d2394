"""Load the demo content of every part. Safe to run again: it fills in only what is missing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from drmonitor.accounts import demo as accounts_demo
from drmonitor.home.demo import ensure_home
from drmonitor.newsroom import demo as newsroom_demo
from drmonitor.tracker import demo as tracker_demo


class Command(BaseCommand):
    help = "Create or complete the demo site: sections, authors, articles, records, accounts."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            home = ensure_home()
            newsroom_demo.load(home)
            tracker_demo.load(home)
            accounts_demo.load(home)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
