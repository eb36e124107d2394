"""Verdicts across measurements: what one measurement cannot see, read from the others.

A single Web Connectivity measurement compares one probe with one control. Pooled per
(domain, UTC day), the store sees more:

- a failure on one network while another network reached the same site that day is stronger
  evidence of blocking (`corroborated`);
- when no network reached the site that day and either the control failed too or networks in
  two countries or more failed, the site was down everywhere: that is not "blocked here"
  (`down`). Failures on every network of one country are not enough: a national block looks
  the same (the Kenyan block of Telegram on 22 November 2024 was seen only on Safaricom's two
  networks, both blocked).
- otherwise a failure stays "blocked", uncorroborated.

The pool spans every country in the store, so a block on every network of one country is still
corroborated by the networks of another. OONI's own verdict (`ooni_blocking`) is carried beside
ours, never replaced. The result is the temporary table `pooled`, which series.py and
episodes.py read.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# Verdicts that say the control itself failed (OONI's null verdicts for an unreachable control).
CONTROL_FAILED_RULES = ("v0.4/2", "v0.4/6", "mk/control", "python/control")


@dataclass(frozen=True)
class Scope:
    """Which series to read; None is every value."""

    country: str | None = None
    asn: int | None = None
    domain: str | None = None


# One row per measurement, with the state our verdict gives it alone:
#   ok       our pair is false / true
#   down     false / false: the control failed the same way (LTE rules), the site was down
#   failed   our pair names a failure ("dns", "tcp_ip", "http-failure", "http-diff")
#   unknown  null: nothing to decide from
# The JSON text of the pair is what the store keeps (ingest.py).
JUDGED = f"""
SELECT measurement_uid AS uid, probe_cc AS cc, probe_asn AS asn, domain,
       measurement_start_time AS t, ooni_blocking, rule,
       CASE WHEN our_blocking = 'false' AND our_accessible THEN 'ok'
            WHEN our_blocking = 'false' THEN 'down'
            WHEN starts_with(our_blocking, '"') THEN 'failed'
            ELSE 'unknown' END AS alone,
       CASE WHEN starts_with(our_blocking, '"') THEN trim(our_blocking, '"') END AS mechanism,
       (our_blocking = 'false' AND NOT coalesce(our_accessible, false))
         OR list_contains({list(CONTROL_FAILED_RULES)}, rule) AS control_failed
FROM measurements
WHERE domain IS NOT NULL AND measurement_start_time IS NOT NULL AND probe_cc IS NOT NULL
"""  # noqa: S608 (built from constants only)

# Per (domain, day) and per (domain, day, network): who reached the site, who failed.
POOLED = f"""
CREATE OR REPLACE TEMP TABLE pooled AS
WITH judged AS ({JUDGED} AND (? IS NULL OR domain = ?)),
network_day AS (
    SELECT domain, t::DATE AS day, cc, asn,
           bool_or(alone = 'ok') AS reached, bool_or(alone = 'failed') AS failed
    FROM judged GROUP BY ALL
),
domain_day AS (
    SELECT domain, day,
           count(*) FILTER (reached) AS networks_reached,
           count(DISTINCT cc) FILTER (failed) AS countries_failed
    FROM network_day GROUP BY ALL
),
controls AS (
    SELECT domain, t::DATE AS day, count(*) FILTER (control_failed) AS control_failed
    FROM judged GROUP BY ALL
)
SELECT j.uid, j.cc, j.asn, j.domain, j.t, j.ooni_blocking, j.mechanism,
       CASE
         WHEN j.alone <> 'failed' THEN j.alone
         WHEN d.networks_reached - n.reached::INTEGER > 0 THEN 'blocked'
         WHEN d.networks_reached = 0 AND (c.control_failed > 0 OR d.countries_failed >= 2)
           THEN 'down'
         ELSE 'blocked'
       END AS state,
       j.alone = 'failed' AND d.networks_reached - n.reached::INTEGER > 0 AS corroborated
FROM judged j
JOIN network_day n ON n.domain = j.domain AND n.day = j.t::DATE AND n.cc = j.cc
     AND n.asn IS NOT DISTINCT FROM j.asn
JOIN domain_day d ON d.domain = j.domain AND d.day = j.t::DATE
JOIN controls c ON c.domain = j.domain AND c.day = j.t::DATE
WHERE (? IS NULL OR j.cc = ?) AND (? IS NULL OR j.asn = ?)
"""  # noqa: S608 (built from constants only)


def pool(db: duckdb.DuckDBPyConnection, scope: Scope = Scope()) -> int:
    """Build the temporary table `pooled` for `scope`; return how many measurements it holds.

    Columns: uid, cc, asn, domain, t, ooni_blocking (OONI's own, JSON text), mechanism (our
    failure's kind, or NULL), state ('ok', 'blocked', 'down', 'unknown') and corroborated
    (a failure while another network reached the site the same day). The pool itself always
    spans every country and network of the domain; `scope` only chooses the rows kept.
    """
    db.execute(
        POOLED,
        [scope.domain, scope.domain, scope.country, scope.country, scope.asn, scope.asn],
    )
    return db.execute("SELECT count(*) FROM pooled").fetchone()[0]
