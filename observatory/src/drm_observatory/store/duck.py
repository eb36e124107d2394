"""One row per measurement, keyed by measurement_uid, in an embedded DuckDB database.

Each row holds the measurement's metadata, a summary of every step it observed (DNS answers,
connects, handshakes, responses: `observations`, JSON), and both verdicts with the explanation.
Writing is idempotent (a uid already stored is left alone) and batched in transactions, so a
run killed midway leaves whole batches and a rerun completes it.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

# (column, type): one row per measurement. The pairs are JSON text (false, null, "dns", ...):
# `ooni_*` as the measurement stored it, plain `blocking` by OONI's rules as we apply them,
# `our_*` our own pair beside OONI's.
COLUMNS = (
    ("measurement_uid", "VARCHAR PRIMARY KEY"),
    ("report_id", "VARCHAR"),
    ("input", "VARCHAR"),
    ("domain", "VARCHAR"),
    ("probe_cc", "VARCHAR"),
    ("probe_asn", "INTEGER"),
    ("probe_network_name", "VARCHAR"),
    ("measurement_start_time", "TIMESTAMP"),
    ("test_version", "VARCHAR"),
    ("software", "VARCHAR"),
    ("engine", "VARCHAR"),
    ("ooni_blocking", "VARCHAR"),
    ("ooni_accessible", "BOOLEAN"),
    ("blocking", "VARCHAR"),
    ("accessible", "BOOLEAN"),
    ("rule", "VARCHAR"),
    ("our_blocking", "VARCHAR"),
    ("our_accessible", "BOOLEAN"),
    ("our_rule", "VARCHAR"),
    ("explanation", "VARCHAR"),
    ("blockpages", "VARCHAR[]"),
    ("confirmed", "BOOLEAN"),
    ("observations", "JSON"),
    ("source", "VARCHAR"),
)
NAMES = ", ".join(name for name, _ in COLUMNS)
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS measurements ("
    + ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
    + ")"
)
# How read_json types the staged rows: the table's types without the key constraint.
STAGED = "{" + ", ".join(f"'{n}': '{k.split()[0]}'" for n, k in COLUMNS) + "}"
# Built from the constant column list above only; the file path is a parameter.
INSERT_STAGED = (
    f"INSERT INTO measurements ({NAMES}) SELECT {NAMES} FROM read_json(?, "  # noqa: S608
    f"format = 'newline_delimited', columns = {STAGED}) ON CONFLICT DO NOTHING"
)
# Where each `ooni-sync` query got to: the measurement_start_time up to which every listed
# page was stored, so a rerun lists from there instead of from its --since.
CURSORS = (
    "CREATE TABLE IF NOT EXISTS sync_cursors "
    "(query VARCHAR PRIMARY KEY, listed_until VARCHAR NOT NULL, updated TIMESTAMP NOT NULL)"
)
INSERT_PARQUET = (
    f"INSERT INTO measurements ({NAMES}) SELECT {NAMES} FROM read_parquet(?) "  # noqa: S608
    "ON CONFLICT DO NOTHING"
)


@dataclass
class Written:
    stored: int = 0
    already: int = 0


class StoreUnavailable(Exception):
    """The file cannot be opened for writing now: above all, another process holds it (DuckDB
    lets one process write a file at a time)."""


class MeasurementStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = duckdb.connect(self.path)
        except duckdb.IOException as exc:
            raise StoreUnavailable(f"{self.path}: {exc}") from exc
        self.db.execute(SCHEMA)
        self.db.execute(CURSORS)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> MeasurementStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, rows: list[dict]) -> Written:
        """Store `rows` in one transaction; uids already stored (or repeated) are skipped."""
        if not rows:
            return Written()
        uids = list(dict.fromkeys(r["measurement_uid"] for r in rows))
        self.db.execute("BEGIN TRANSACTION")
        try:
            known = self.stored(uids)
            fresh = {r["measurement_uid"]: r for r in rows if r["measurement_uid"] not in known}
            if fresh:
                self._insert(list(fresh.values()))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return Written(stored=len(fresh), already=len(rows) - len(fresh))

    def stored(self, uids: list[str]) -> set[str]:
        """Those of `uids` the store holds."""
        found = self.db.execute(
            "SELECT measurement_uid FROM measurements WHERE list_contains(?, measurement_uid)",
            [uids],
        ).fetchall()
        return {uid for (uid,) in found}

    def sync_cursor(self, query: str) -> str | None:
        """How far `query` was listed and stored by an earlier `ooni-sync`, if it was."""
        found = self.db.execute(
            "SELECT listed_until FROM sync_cursors WHERE query = ?", [query]
        ).fetchone()
        return found[0] if found else None

    def advance_sync_cursor(self, query: str, listed_until: str) -> None:
        self.db.execute(
            "INSERT INTO sync_cursors VALUES (?, ?, now()) ON CONFLICT (query) DO UPDATE "
            "SET listed_until = excluded.listed_until, updated = excluded.updated",
            [query, listed_until],
        )

    def _insert(self, rows: list[dict]) -> None:
        """Stage rows as JSON lines and insert them in one statement: DuckDB binds Python
        parameters row by row (25 s for 500 rows here); reading JSON takes a fraction of one."""
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as staged:
            for r in rows:
                staged.write(json.dumps({name: _value(r, name) for name, _ in COLUMNS}) + "\n")
            staged.flush()
            self.db.execute(
                INSERT_STAGED,
                [staged.name],
            )

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM measurements").fetchone()[0]

    def export_parquet(self, path: str | Path) -> int:
        # COPY takes no parameters: the path is quoted as an SQL string literal.
        self.db.execute(f"COPY measurements TO '{_quoted(path)}' (FORMAT parquet)")  # noqa: S608
        return self.count()

    def import_parquet(self, path: str | Path) -> Written:
        """Add the rows of a Parquet export; uids already stored are left alone."""
        before = self.count()
        total = self.db.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]
        self.db.execute(INSERT_PARQUET, [str(path)])
        stored = self.count() - before
        return Written(stored=stored, already=total - stored)


def _value(row: dict, column: str):
    value = row.get(column)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return value


def _quoted(path: str | Path) -> str:
    return str(path).replace("'", "''")
