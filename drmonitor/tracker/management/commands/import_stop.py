"""`drmonitor manage import_stop FILE [--commit]`: the STOP import from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from drmonitor.tracker.stop.importer import import_stop


class Command(BaseCommand):
    help = (
        "Check a STOP-format CSV and print what would be created or updated and every row's "
        "errors. With --commit, write it: all rows or, if any row has an error, none."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--commit", action="store_true", help="Write the rows (all or none).")

    def handle(self, *args, file: Path, commit: bool, **options):
        try:
            content = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        report = import_stop(content, commit=commit)
        self.stdout.write(report.as_text())
        if commit and not report.committed:
            raise CommandError("Nothing was imported; fix the errors above and run again.")
