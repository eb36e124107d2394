"""`drmonitor restore FILE`: bring back what `drmonitor backup` wrote (core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from drmonitor.core.backups import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and uploads with those in FILE, made by `drmonitor backup`."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        if not file.is_file():
            raise CommandError(f"No backup at {file}.")
        try:
            manifest = restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest['engine']} database and {manifest['media_files']} uploads "
            f"from {file} (made {manifest['made']})."
        )
