"""Verdicts across measurements: what one measurement cannot see, read from the others.

A single Web Connectivity measurement compares one probe with one control. Pooled per domain
and UTC hour, and per domain and UTC day, the store sees more:

- a failure on one network while another network reached the same site that day is stronger
  evidence of blocking (`corroborated`);
- a failure when, in the same hour or the same day, no network and no control reached the site,
  and either a control failed too or networks in two countries or more failed, is the site down
  everywhere: that is not "blocked here" (`down`). The hour catches an outage of a few hours on
  a day the site was otherwise up. Failures on every network of one country are not enough: a
  national block looks the same (the Kenyan block of Telegram on 22 November 2024 was seen only
  on Safaricom's two networks, both blocked). A failure verdict that needed the control to get
  through (DNS, HTTP failures) shows the site was up;
- otherwise a failure stays "blocked", uncorroborated.

The pool spans every country in the store, so a block on every network of one country is still
corroborated by the networks of another. OONI's own verdict (`ooni_blocking`) is carried beside
ours, never replaced. The result is the temporary table `pooled`, which series.py and
episodes.py read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

# Failure verdicts that do not rest on the control reaching the site: v0.4's "every TCP connect
# failed" and LTE's "no DNS control for this name". Every other failure verdict means the
# control got through.
FAILURES_WITHOUT_CONTROL = ("v0.4/5", "v0.5/5.1")
# Verdicts that say the control itself failed (OONI's null verdicts for an unreachable control).
CONTROL_FAILED_RULES = ("v0.4/2", "v0.4/6", "mk/control", "python/control")


@dataclass(frozen=True)
class Scope:
    """Which series to read, and which stretch of time (from `since`, before `until`); None is
    every value. The pool itself still reads every country, network and time of the domain."""

    country: str | None = None
    asn: int | None = None
    domain: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


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
         OR list_contains({list(CONTROL_FAILED_RULES)}, rule) AS control_failed,
       (our_blocking = 'false' AND coalesce(our_accessible, false))
         OR (starts_with(our_blocking, '"')
             AND NOT list_contains({list(FAILURES_WITHOUT_CONTROL)}, rule)) AS control_reached
FROM measurements
WHERE domain IS NOT NULL AND measurement_start_time IS NOT NULL AND probe_cc IS NOT NULL
"""  # noqa: S608 (built from constants only)

# Down everywhere, over a window of (network, hour) rows of one domain: nobody reached the site
# and a control failed or two countries failed (min <> max: without a DISTINCT).
DOWN_EVERYWHERE = """(
    NOT bool_or(reached) OVER {w} AND NOT bool_or(control_reached) OVER {w}
    AND (bool_or(control_failed) OVER {w}
         OR min(cc) FILTER (failed) OVER {w} <> max(cc) FILTER (failed) OVER {w})
)"""

# Who reached the site and who failed, per network and hour; then, by windows over those rows,
# per domain and hour and per domain and day. One join back to the measurements: the pool
# costs two sorts of the (network, hour) rows, whatever the join order.
POOLED = f"""
CREATE OR REPLACE TEMP TABLE pooled AS
WITH judged AS ({JUDGED} AND (? IS NULL OR domain = ?)),
network_hour AS (
    SELECT domain, date_trunc('hour', t) AS hour, cc, asn,
           cc || '/' || coalesce(asn::VARCHAR, '') AS network,
           bool_or(alone = 'ok') AS reached, bool_or(alone = 'failed') AS failed,
           bool_or(control_failed) AS control_failed, bool_or(control_reached) AS control_reached
    FROM judged GROUP BY ALL
),
context AS (
    SELECT domain, hour, cc, asn,
           -- another network reached the site that day: the smallest or the largest of those
           -- that did is not this one
           coalesce(min(network) FILTER (reached) OVER day <> network
                    OR max(network) FILTER (reached) OVER day <> network, false)
             AS reached_elsewhere,
           {DOWN_EVERYWHERE.format(w="hour")} OR {DOWN_EVERYWHERE.format(w="day")} AS down
    FROM network_hour
    WINDOW hour AS (PARTITION BY domain, hour), day AS (PARTITION BY domain, hour::DATE)
)
SELECT j.uid, j.cc, j.asn, j.domain, j.t, j.ooni_blocking, j.mechanism,
       CASE WHEN j.alone <> 'failed' THEN j.alone
            WHEN c.down THEN 'down'
            ELSE 'blocked' END AS state,
       j.alone = 'failed' AND NOT c.down AND c.reached_elsewhere AS corroborated
FROM judged j
JOIN context c ON c.domain = j.domain AND c.hour = date_trunc('hour', j.t) AND c.cc = j.cc
     AND c.asn IS NOT DISTINCT FROM j.asn
WHERE (? IS NULL OR j.cc = ?) AND (? IS NULL OR j.asn = ?)
      AND (? IS NULL OR j.t >= ?) AND (? IS NULL OR j.t < ?)
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
        [
            *(scope.domain, scope.domain, scope.country, scope.country, scope.asn, scope.asn),
            *(scope.since, scope.since, scope.until, scope.until),
        ],
    )
    return db.execute("SELECT count(*) FROM pooled").fetchone()[0]
