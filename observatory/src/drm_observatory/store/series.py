"""Hourly and daily series per (country, network, domain), read from the pooled verdicts.

Every bucket between a series' first and last measurement is present: one with no measurement
at all says `unknown` with zero counts, so a gap is shown as a gap and never as accessible.
The empty buckets are made from each measured bucket and the next (no join with a full grid).
The blocked share is blocked / (blocked + accessible); measurements down everywhere and
unknown ones are counted beside it, not in it. OONI's own count of blocked measurements is kept
beside ours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import duckdb

Bucket = Literal["hour", "day"]
STEP = {"hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1)}

# A bucket's state: `blocked` when most decisive measurements were blocked, `partial` when some
# were, `accessible` when none, `down` when the site was only seen down everywhere, `unknown`
# when nothing decisive was measured.
_SERIES = """
WITH counts AS (
    SELECT cc, asn, domain, date_trunc($bucket, t) AS start,
           count(*) AS measurements,
           count(*) FILTER (state = 'blocked') AS blocked,
           count(*) FILTER (state = 'ok') AS accessible,
           count(*) FILTER (state = 'down') AS down,
           count(*) FILTER (state = 'unknown') AS unknown,
           count(*) FILTER (starts_with(ooni_blocking, '"')) AS ooni_blocked
    FROM pooled GROUP BY ALL
),
measured AS (
    SELECT *, blocked / nullif(blocked + accessible, 0) AS share,
           CASE WHEN blocked + accessible = 0 THEN CASE WHEN down > 0 THEN 'down' ELSE 'unknown' END
                WHEN blocked * 2 >= blocked + accessible THEN 'blocked'
                WHEN blocked > 0 THEN 'partial'
                ELSE 'accessible' END AS state,
           lead(start) OVER (PARTITION BY cc, asn, domain ORDER BY start) AS next_start
    FROM counts
)
SELECT cc, asn, domain, start, measurements, blocked, accessible, down, unknown, ooni_blocked,
       share, state
FROM measured
UNION ALL
SELECT cc, asn, domain, unnest(range(start + $step, next_start, $step)), 0, 0, 0, 0, 0, 0,
       NULL, 'unknown'
FROM measured WHERE next_start > start + $step
"""


@dataclass(frozen=True)
class Point:
    country: str
    asn: int | None
    domain: str
    start: dt.datetime
    measurements: int
    blocked: int
    accessible: int
    down: int
    unknown: int
    ooni_blocked: int
    share: float | None  # None: nothing decisive measured in this bucket
    state: str


def build(db: duckdb.DuckDBPyConnection, bucket: Bucket = "day") -> int:
    """Write the temporary table `series` from `pooled`; return how many buckets it holds."""
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE series AS {_SERIES}",  # noqa: S608 (a constant)
        {"bucket": bucket, "step": STEP[bucket]},
    )
    return db.execute("SELECT count(*) FROM series").fetchone()[0]


def series(db: duckdb.DuckDBPyConnection, bucket: Bucket = "day") -> list[Point]:
    """Every bucket of every series in `pooled`, by country, network, domain and time."""
    build(db, bucket)
    rows = db.execute("SELECT * FROM series ORDER BY cc, asn NULLS FIRST, domain, start")
    return [Point(*row) for row in rows.fetchall()]
