from django.conf import settings
from django.core.management.base import BaseCommand

from drmonitor.core.worker import run_forever, run_once


class Command(BaseCommand):
    help = "Run background work: scheduled publishing, notification e-mails."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="run every job once and exit")
        parser.add_argument("--interval", type=float, default=settings.DRM_WORKER_INTERVAL_SECONDS)

    def handle(self, *args, once: bool, interval: float, **options) -> None:
        if once:
            run_once()
            return
        self.stdout.write(f"Worker running every {interval:g} s.")
        try:
            run_forever(interval)
        except KeyboardInterrupt:
            pass
