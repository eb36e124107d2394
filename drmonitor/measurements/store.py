"""Where the site's measurement store lives, and how pages open it.

One DuckDB file (`DRM_MEASUREMENT_STORE`, by default `var/measurements.duckdb`), written by
`drmonitor ingest` and by the probes' deliveries, read by the pages. Pages open it read-only, so
they never create an empty file where none was configured; a store that is missing, empty or
held by a writer is a state the pages explain, never an error page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    import duckdb

# Why a page has no measurements to show.
MISSING = "missing"
EMPTY = "empty"
BUSY = "busy"


class Unavailable(Exception):
    """The store cannot be read now; `reason` is MISSING, EMPTY or BUSY."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def store_path() -> Path:
    return Path(settings.DRM_MEASUREMENT_STORE)


def version() -> str:
    """What changes whenever the store is written: the modification times and sizes of the
    file and of its write-ahead log. The store is written outside Django (ingest, the demo's
    load), so this, not the invalidation ledger, tells a kept page that it is stale."""
    parts = []
    for path in (store_path(), store_path().with_name(store_path().name + ".wal")):
        try:
            stat = path.stat()
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{stat.st_mtime_ns}.{stat.st_size}")
    return "_".join(parts)


@contextmanager
def reading() -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to a store that holds measurements; raises Unavailable."""
    # DuckDB (about 40 MB) is loaded when the store is read, not by every command or worker
    # that starts Django (the app registers its cache version at start-up).
    import duckdb

    path = store_path()
    if not path.is_file():
        raise Unavailable(MISSING)
    try:
        db = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:  # a writer holds it: another process's lock, or this one's
        raise Unavailable(BUSY) from exc
    try:
        tables = db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'measurements'"
        ).fetchone()[0]
        if not tables or not db.execute("SELECT count(*) FROM measurements").fetchone()[0]:
            raise Unavailable(EMPTY)
        yield db
    finally:
        db.close()
