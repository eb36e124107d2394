"""`drmonitor manage probe_token NAME`: issue a probe's ingest token (shown once), or revoke it."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from drmonitor.measurements.tokens import ProbeToken


class Command(BaseCommand):
    help = "Issue an ingest token for the probe NAME (printed once), or --revoke it; --list all."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", nargs="?")
        parser.add_argument("--revoke", action="store_true", help="refuse NAME's token from now")
        parser.add_argument("--list", action="store_true", help="every token, last use, state")

    def handle(self, *args, name: str | None, revoke: bool, list: bool, **options) -> None:
        if list:
            for token in ProbeToken.objects.all():
                used = token.last_used_at.isoformat() if token.last_used_at else "never used"
                state = "revoked" if token.revoked else "live"
                self.stdout.write(f"{token.name}\t{state}\t{used}")
            return
        if not name:
            raise CommandError("Name the probe: probe_token NAME (or --list).")
        if revoke:
            if not ProbeToken.objects.filter(name=name).update(revoked=True):
                raise CommandError(f"No probe token named {name!r}.")
            self.stdout.write(f"Revoked {name}'s token: its deliveries are refused from now.")
            return
        try:
            _, secret = ProbeToken.issue(name)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(secret)
        self.stderr.write(
            f"Token for {name} (shown once, kept only as a digest): give it to the probe as "
            "--ingest-token or DRM_INGEST_TOKEN."
        )
