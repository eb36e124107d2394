"""`drmonitor manage import_stop FILE [--commit] [--skip-errors] [--no-merge]`: the STOP
import from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from drmonitor.tracker.stop.importer import import_stop

# The choices of the admin's import page, as switches.
SWITCHES = {
    "--commit": "Write the rows.",
    "--skip-errors": "Write the rows without errors; --rejected FILE keeps the others to fix.",
    "--no-merge": "Create a new incident even where a row is close to one of our records.",
}


class Command(BaseCommand):
    help = (
        "Check a STOP-format CSV and print what would be created, updated or merged and every "
        "row's errors. With --commit, write it: all rows or, if any row has an error, none "
        "(--skip-errors writes the rows without errors and leaves the others out)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        for switch, meaning in SWITCHES.items():
            parser.add_argument(switch, action="store_true", help=meaning)
        parser.add_argument("--rejected", type=Path, help="Write the rows with errors here.")

    def handle(self, *args, file: Path, commit: bool, skip_errors: bool, **options):
        try:
            content = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        report = import_stop(
            content, commit=commit, skip_errors=skip_errors, merge=not options["no_merge"]
        )
        self.stdout.write(report.as_text())
        if options["rejected"] and report.rejected_csv:
            options["rejected"].write_text(report.rejected_csv, encoding="utf-8")
        if report.file_errors:
            raise CommandError("Nothing was imported: " + " ".join(report.file_errors))
        if commit and not report.committed:
            raise CommandError("Nothing was imported; fix the errors above and run again.")
