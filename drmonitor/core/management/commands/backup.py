"""`drmonitor backup FILE`: the database and uploads in one archive (core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from drmonitor.core.backups import BackupError, backup


class Command(BaseCommand):
    help = "Write a consistent copy of the database and uploads to FILE (a .tar.gz)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            manifest = backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the {manifest['engine']} database and "
            f"{manifest['media_files']} uploads to {file}."
        )
