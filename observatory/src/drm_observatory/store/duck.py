"""One row per measurement, keyed by measurement_uid, in an embedded DuckDB database.

Each row holds the measurement's metadata, a summary of every step it observed (DNS answers,
connects, handshakes, responses: `observations`, JSON), and both verdicts with the explanation.
Writing is idempotent (a uid already stored is left alone) and batched in transactions, so a
run killed midway leaves whole batches and a rerun completes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

SCHEMA = """
CREATE TABLE IF NOT EXISTS measurements (
    measurement_uid VARCHAR PRIMARY KEY,
    report_id VARCHAR,
    input VARCHAR,
    domain VARCHAR,
    probe_cc VARCHAR,
    probe_asn INTEGER,
    probe_network_name VARCHAR,
    measurement_start_time TIMESTAMP,
    test_version VARCHAR,
    software VARCHAR,
    engine VARCHAR,
    ooni_blocking VARCHAR,     -- OONI's own pair, as the measurement stored it (JSON)
    ooni_accessible BOOLEAN,
    blocking VARCHAR,          -- OONI's rules as we apply them (JSON: false, null, "dns", ...)
    accessible BOOLEAN,
    rule VARCHAR,
    our_blocking VARCHAR,      -- our own pair (JSON), beside OONI's
    our_accessible BOOLEAN,
    our_rule VARCHAR,
    explanation VARCHAR,
    blockpages VARCHAR[],
    confirmed BOOLEAN,
    observations JSON,
    source VARCHAR
)
"""
COLUMNS = (
    "measurement_uid",
    "report_id",
    "input",
    "domain",
    "probe_cc",
    "probe_asn",
    "probe_network_name",
    "measurement_start_time",
    "test_version",
    "software",
    "engine",
    "ooni_blocking",
    "ooni_accessible",
    "blocking",
    "accessible",
    "rule",
    "our_blocking",
    "our_accessible",
    "our_rule",
    "explanation",
    "blockpages",
    "confirmed",
    "observations",
    "source",
)


@dataclass
class Written:
    stored: int = 0
    already: int = 0


class MeasurementStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.db = duckdb.connect(self.path)
        self.db.execute(SCHEMA)

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
        marks = ", ".join("?" * len(uids))
        self.db.execute("BEGIN TRANSACTION")
        try:
            known = {
                u
                for (u,) in self.db.execute(
                    f"SELECT measurement_uid FROM measurements WHERE measurement_uid IN ({marks})",
                    uids,
                ).fetchall()
            }
            fresh = {r["measurement_uid"]: r for r in rows if r["measurement_uid"] not in known}
            if fresh:
                self.db.executemany(
                    f"INSERT INTO measurements ({', '.join(COLUMNS)}) VALUES "
                    f"({', '.join('?' * len(COLUMNS))}) ON CONFLICT DO NOTHING",
                    [[_value(r, c) for c in COLUMNS] for r in fresh.values()],
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return Written(stored=len(fresh), already=len(rows) - len(fresh))

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM measurements").fetchone()[0]

    def export_parquet(self, path: str | Path) -> int:
        self.db.execute(f"COPY measurements TO '{_quoted(path)}' (FORMAT parquet)")
        return self.count()

    def import_parquet(self, path: str | Path) -> Written:
        """Add the rows of a Parquet export; uids already stored are left alone."""
        before = self.count()
        total = self.db.execute(f"SELECT count(*) FROM read_parquet('{_quoted(path)}')").fetchone()[
            0
        ]
        self.db.execute(
            f"INSERT INTO measurements SELECT {', '.join(COLUMNS)} FROM "
            f"read_parquet('{_quoted(path)}') ON CONFLICT DO NOTHING"
        )
        stored = self.count() - before
        return Written(stored=stored, already=total - stored)


def _value(row: dict, column: str):
    value = row.get(column)
    if column == "observations":
        return json.dumps(value)
    return value


def _quoted(path: str | Path) -> str:
    return str(path).replace("'", "''")
