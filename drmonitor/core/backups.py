"""A consistent copy of the database and the uploads in one file, and bringing it back.

The copy is a tar archive: `manifest.json` (which database engine, when), the database
(`database.sqlite3`, made with SQLite's online backup while the site keeps serving, or
`database.pgdump`, pg_dump's custom format, itself one consistent snapshot) and `media/`, every
upload. Restoring replaces the database's contents and the uploads with the archive's and empties
the cache, so no page from before the restore is served. Pages, images, documents, recordings,
records, accounts: everything the site keeps lives in one of the two.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"


class BackupError(Exception):
    """What a person must fix before a backup or restore can run; said in one sentence."""


def backup(target: Path) -> dict:
    """Write the archive to `target`; what its manifest says."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        manifest = {"engine": connection.vendor, "made": timezone.now().isoformat()}
        database_file = _dump_database(folder)
        media = Path(settings.MEDIA_ROOT)
        manifest["media_files"] = sum(1 for p in media.rglob("*") if p.is_file())
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / "manifest.json", arcname="manifest.json")
            archive.add(database_file, arcname=database_file.name)
            if media.is_dir():
                archive.add(media, arcname="media")
        partial.replace(target)  # a half-written archive never has the final name
    return manifest


def restore(source: Path) -> dict:
    """Bring back the archive at `source`: its database and uploads replace the current ones."""
    with tempfile.TemporaryDirectory() as work, tarfile.open(source) as archive:
        folder = Path(work)
        archive.extractall(folder, filter="data")
        manifest = json.loads((folder / "manifest.json").read_text())
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"This backup is of a {manifest['engine']} database; "
                f"the site now uses {connection.vendor}."
            )
        _load_database(folder)
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        if (folder / "media").is_dir():
            shutil.copytree(folder / "media", media)
        else:
            media.mkdir(parents=True)
    cache.clear()
    return manifest


def _dump_database(folder: Path) -> Path:
    if connection.vendor == "sqlite":
        target = folder / SQLITE_FILE
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target
    if connection.vendor == "postgresql":
        target = folder / POSTGRES_FILE
        _postgres("pg_dump", "--format=custom", "--no-owner", f"--file={target}")
        return target
    raise BackupError(f"Backups of a {connection.vendor} database are not supported.")


def _load_database(folder: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_FILE) as copy:
            copy.backup(connection.connection)
        copy.close()
    else:
        connection.close()
        _postgres("pg_restore", "--clean", "--if-exists", "--no-owner", str(folder / POSTGRES_FILE))


def _postgres(program: str, *arguments: str) -> None:
    """Run pg_dump or pg_restore against the site's database, named as Django connects to it."""
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    options = [f"--dbname={db['NAME']}"]
    options += [f"--host={db['HOST']}"] if db.get("HOST") else []
    options += [f"--port={db['PORT']}"] if db.get("PORT") else []
    options += [f"--username={db['USER']}"] if db.get("USER") else []
    done = subprocess.run(  # noqa: S603 - PostgreSQL's own tools, our arguments
        [program, *options, *arguments], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()}")
