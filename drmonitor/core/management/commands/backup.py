"""`drmonitor backup FILE` and `drmonitor restore FILE` (`backup --restore FILE` here): the
database and uploads in one archive, and back (core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from drmonitor.core.backups import BackupError, backup, restore


class Command(BaseCommand):
    help = "Write the database and uploads to FILE (.tar.gz), or with --restore bring them back."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--restore",
            dest="bring_back",
            action="store_true",
            help="replace the database and uploads with FILE's",
        )

    def handle(self, *args, file: Path, bring_back: bool, **options) -> None:
        if bring_back and not file.is_file():
            raise CommandError(f"No backup at {file}.")
        try:
            manifest = (restore if bring_back else backup)(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        done = "Restored" if bring_back else "Backed up"
        self.stdout.write(
            f"{done} the {manifest['engine']} database and {manifest['media_files']} uploads "
            f"({file}, made {manifest['made']})."
        )
