"""`drmonitor manage watch_measurements`: compare the store with what the watch last recorded,
tell editors of the changes, and draft incidents for unmatched episodes (measurements/watch.py).
"""

from django.core.management.base import BaseCommand, CommandError

from drmonitor.measurements import store
from drmonitor.measurements.watch import watch

WHY = {
    store.MISSING: "there is no measurement store at {path} (DRM_MEASUREMENT_STORE)",
    store.EMPTY: "the measurement store at {path} holds no measurements yet",
    store.BUSY: "the measurement store at {path} is being written; try again in a moment",
}


class Command(BaseCommand):
    help = (
        "Compare each network's state of each service with the last one recorded; e-mail "
        "editors (and post the signed webhook) on a change; draft an incident for an episode "
        "that matches none."
    )

    def handle(self, *args, **options) -> None:
        try:
            report = watch()
        except store.Unavailable as exc:
            raise CommandError(
                "Nothing watched: " + WHY[exc.reason].format(path=store.store_path())
            ) from exc
        self.stdout.write(str(report))
