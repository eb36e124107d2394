"""What is blocked now: the current state of each domain on each network, for a status board.

Read from `pooled` and `episodes` (pooled.py, episodes.py), one cell per (country, ASN, domain):

- `blocked`: an episode is ongoing (no accessible measurement after its last blocked one) and
  the network's latest decisive measurement, blocked, is recent; since the episode's first
  blocked measurement;
- `accessible`: no episode is ongoing and the latest decisive measurement is recent; since the
  first accessible measurement after the last episode and after the last stretch of
  `stale_after` with no measurement at all (an unmeasured month is not accessible either);
- `unknown`: nothing decisive measured within `stale_after` of `now`. A block last seen a month
  ago is not "blocked now", and an old success is not "accessible now".

`now` is the newest measurement in the store unless given, so a store read later still says
what its own data says. Each cell counts the measurements behind its state and names the one
that starts it and the latest one. A row per (country, domain) sums its networks up:
`blocked` on every network measured, `restricted` on some, `accessible`, or `unknown`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from drm_observatory.store.episodes import Evidence

_CELLS = """
WITH ongoing AS (
    SELECT cc, asn, domain, min(start_t) AS since_t, arg_min(start_uid, start_t) AS since_uid,
           sum(blocked) AS blocked
    FROM episodes WHERE after_uid IS NULL GROUP BY ALL
),
ended AS (
    SELECT cc, asn, domain, max(after_t) AS after_t FROM episodes
    WHERE after_uid IS NOT NULL GROUP BY ALL
),
ordered AS (
    SELECT cc, asn, domain, t, uid, state,
           lead(t) OVER (PARTITION BY cc, asn, domain ORDER BY t, uid) AS next_t
    FROM pooled
),
seen AS (
    SELECT cc, asn, domain,
           max(t) FILTER (state IN ('ok', 'blocked')) AS last_t,
           arg_max(uid, t) FILTER (state IN ('ok', 'blocked')) AS last_uid,
           max(next_t) FILTER (next_t - t >= $stale_after) AS resumed_t
    FROM ordered GROUP BY ALL
),
cells AS (
    SELECT s.*, o.since_t AS blocked_since_t, o.since_uid AS blocked_since_uid, o.blocked,
           greatest(coalesce(e.after_t, '-infinity'::TIMESTAMP),
                    coalesce(s.resumed_t, '-infinity'::TIMESTAMP)) AS accessible_from,
           CASE WHEN s.last_t IS NULL OR s.last_t < $now::TIMESTAMP - $stale_after THEN 'unknown'
                WHEN o.since_t IS NOT NULL THEN 'blocked'
                ELSE 'accessible' END AS state
    FROM seen s
    LEFT JOIN ongoing o ON o.cc = s.cc AND o.domain = s.domain AND o.asn IS NOT DISTINCT FROM s.asn
    LEFT JOIN ended e ON e.cc = s.cc AND e.domain = s.domain AND e.asn IS NOT DISTINCT FROM s.asn
),
accessible AS (
    SELECT c.cc, c.asn, c.domain, min(p.t) AS since_t, arg_min(p.uid, p.t) AS since_uid,
           count(*) AS n
    FROM cells c JOIN pooled p ON p.state = 'ok' AND p.t >= c.accessible_from AND p.cc = c.cc
         AND p.domain = c.domain AND p.asn IS NOT DISTINCT FROM c.asn
    WHERE c.state = 'accessible'
    GROUP BY ALL
)
SELECT c.cc, c.asn, c.domain, c.state,
       coalesce(c.blocked_since_t, a.since_t), coalesce(c.blocked_since_uid, a.since_uid),
       c.last_t, c.last_uid,
       CASE c.state WHEN 'blocked' THEN c.blocked WHEN 'accessible' THEN a.n ELSE 0 END
FROM cells c
LEFT JOIN accessible a ON a.cc = c.cc AND a.domain = c.domain
     AND a.asn IS NOT DISTINCT FROM c.asn
ORDER BY c.cc, c.domain, c.asn NULLS FIRST
"""


@dataclass(frozen=True)
class Cell:
    """One domain on one network: its state now, since when, on how many measurements."""

    country: str
    asn: int | None
    domain: str
    state: str  # 'blocked', 'accessible' or 'unknown'
    since: Evidence | None  # the measurement that started the state; None when unknown
    latest: Evidence | None  # the latest decisive measurement, however old
    evidence: int  # blocked measurements of the ongoing episode, or accessible ones since


@dataclass(frozen=True)
class Row:
    """One domain in one country, across its networks."""

    country: str
    domain: str
    state: str  # 'blocked', 'restricted', 'accessible' or 'unknown'
    cells: tuple[Cell, ...]


def cells(
    db: duckdb.DuckDBPyConnection,
    *,
    now: dt.datetime | None = None,
    stale_after: dt.timedelta = dt.timedelta(days=7),
) -> list[Cell]:
    """Each network's current state per domain; needs `pooled` and `episodes` built."""
    if now is None:
        now = db.execute("SELECT max(t) FROM pooled").fetchone()[0]
    found = []
    for row in db.execute(_CELLS, {"now": now, "stale_after": stale_after}).fetchall():
        cc, asn, domain, state, since_t, since_uid, last_t, last_uid, evidence = row
        known = state != "unknown"
        found.append(
            Cell(
                country=cc,
                asn=asn,
                domain=domain,
                state=state,
                since=Evidence(since_t, since_uid) if known else None,
                latest=Evidence(last_t, last_uid) if last_uid else None,
                evidence=int(evidence or 0),
            )
        )
    return found


def rows(found: list[Cell]) -> list[Row]:
    """The cells summed up per (country, domain)."""
    grouped: dict[tuple[str, str], list[Cell]] = {}
    for cell in found:
        grouped.setdefault((cell.country, cell.domain), []).append(cell)
    out = []
    for (country, domain), group in grouped.items():
        states = {c.state for c in group} - {"unknown"}
        if not states:
            state = "unknown"
        elif states == {"blocked"}:
            state = "blocked"
        elif "blocked" in states:
            state = "restricted"
        else:
            state = "accessible"
        out.append(Row(country, domain, state, tuple(group)))
    return out
