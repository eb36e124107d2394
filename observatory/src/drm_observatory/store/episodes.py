"""Blocking episodes per (country, network, domain), with the measurements that prove each edge.

Read from the pooled verdicts (pooled.py), one chain per (country, ASN, domain, mechanism): the
blocked measurements of one kind ("dns", "tcp_ip", ...) with every accessible measurement of the
same network and domain between them, in time order. Measurements the pool called down, or
unknown, are not evidence either way.

- Blocked measurements belong to one episode while nothing in between shows the site accessible
  for `split_after` (3 days by default: longer than a weekend's pause of an exam-time block)
  and, when nothing was measured at all, while they are less than `unseen_split` apart.
- An accessible stretch inside an episode seen for at least `restoration` is an intermittent
  restoration, listed with its first and last accessible measurement.
- A chain is an episode only with `min_blocked` blocked measurements that make at least
  `min_share` of the decisive ones inside it: the stray failures every network shows now and
  then are not episodes (after the 2024 Kenyan exams: Safaricom's 4 failures among 39
  measurements, Liquid's 3 of 3 over two days).
- Each edge is proved by two measurements: the last accessible before and the first blocked;
  the last blocked and the first accessible after. No accessible measurement after the last
  blocked one means the episode is ongoing; none before means its start is not known to be
  earlier than the first blocked measurement, and says so. Gaps of a day or more with no
  measurement at all inside an episode are listed as unknown, never filled in.

Tuned on OONI's Kenyan Telegram measurements (tests/test_episodes_kenya.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb


@dataclass(frozen=True)
class Rules:
    """The thresholds of the rules above. The defaults are tuned on OONI's Kenyan data;
    docs/episodes.md says why each has its value."""

    split_after: dt.timedelta = dt.timedelta(days=3)
    unseen_split: dt.timedelta = dt.timedelta(days=7)
    restoration: dt.timedelta = dt.timedelta(hours=12)
    unknown_gap: dt.timedelta = dt.timedelta(days=1)
    min_blocked: int = 4
    min_share: float = 0.25


@dataclass(frozen=True)
class Evidence:
    """One measurement that proves an edge."""

    time: dt.datetime
    uid: str


@dataclass(frozen=True)
class Stretch:
    """A span inside an episode: a restoration (between two accessible measurements) or a gap
    with no measurement at all (between the measurements on either side)."""

    start: Evidence
    end: Evidence
    measurements: int = 0


@dataclass
class Episode:
    """One blocking episode on one network, with the measurements that prove its edges."""

    country: str
    asn: int | None
    domain: str
    mechanism: str
    first_blocked: Evidence
    last_blocked: Evidence
    accessible_before: Evidence | None  # None: nothing measured before; the start may be earlier
    accessible_after: Evidence | None  # None: ongoing
    blocked: int
    accessible: int  # accessible measurements inside the episode
    corroborated: int  # blocked while another network reached the site that day
    ooni_agrees: int  # blocked measurements OONI's own verdict also calls blocked
    blocked_days: int
    restorations: list[Stretch] = field(default_factory=list)
    unknown: list[Stretch] = field(default_factory=list)

    @property
    def ongoing(self) -> bool:
        return self.accessible_after is None

    @property
    def share(self) -> float:
        return self.blocked / (self.blocked + self.accessible)

    @property
    def confidence(self) -> str:
        """'high': ten or more blocked measurements over two days or more, most of them
        while another network reached the site; 'medium': either much evidence or mostly
        corroborated; 'low': the minimum an episode needs, mostly alone."""
        mostly_corroborated = self.corroborated * 2 >= self.blocked
        much = self.blocked >= 10 and self.blocked_days >= 2
        if much and mostly_corroborated:
            return "high"
        if much or mostly_corroborated:
            return "medium"
        return "low"


_CHAINS = """
WITH mech AS (
    SELECT cc, asn, domain, mechanism FROM pooled WHERE state = 'blocked'
    GROUP BY ALL HAVING count(*) >= $min_blocked  -- fewer can never make an episode
),
events AS (
    SELECT p.cc, p.asn, p.domain, m.mechanism, p.t, p.uid, p.state = 'blocked' AS blocked,
           coalesce(p.corroborated, false) AS corroborated,
           p.state = 'blocked' AND starts_with(p.ooni_blocking, '"') AS ooni_blocked
    FROM mech m JOIN pooled p ON p.cc = m.cc AND p.domain = m.domain
         AND p.asn IS NOT DISTINCT FROM m.asn
    WHERE p.state = 'ok' OR (p.state = 'blocked' AND p.mechanism = m.mechanism)
),
counted AS (
    SELECT *, sum(blocked::INTEGER) OVER chain AS blocked_so_far,
              row_number() OVER chain AS so_far
    FROM events
    WINDOW chain AS (PARTITION BY cc, asn, domain, mechanism ORDER BY t, uid
                     ROWS UNBOUNDED PRECEDING)
),
islands AS (
    -- Gaps and islands in one sort: along a blocked run the number of accessible events
    -- before stays the same, along an accessible run the number of blocked ones.
    SELECT *, CASE WHEN blocked THEN so_far - blocked_so_far ELSE blocked_so_far END AS island
    FROM counted
),
grouped AS (
    SELECT cc, asn, domain, mechanism, blocked, island,
           min(t) AS first_t, arg_min(uid, (t, uid)) AS first_uid,
           max(t) AS last_t, arg_max(uid, (t, uid)) AS last_uid,
           count(*) AS n, count(*) FILTER (corroborated) AS corroborated,
           count(*) FILTER (ooni_blocked) AS ooni_agrees,
           count(DISTINCT t::DATE) FILTER (blocked) AS days
    FROM islands GROUP BY ALL
),
runs AS (
    SELECT *, row_number() OVER (PARTITION BY cc, asn, domain, mechanism
                                 ORDER BY first_t, first_uid) AS run
    FROM grouped
),
linked AS (
    SELECT *,
           lag(last_t, 2) OVER k AS previous_blocked_t,
           lag(last_t) OVER k - lag(first_t) OVER k AS seen_accessible
    FROM runs
    WINDOW k AS (PARTITION BY cc, asn, domain, mechanism ORDER BY run)
),
starts AS (
    SELECT *, previous_blocked_t IS NULL OR seen_accessible >= $split_after
              OR first_t - previous_blocked_t >= $unseen_split AS starts
    FROM linked WHERE blocked
),
blocked_runs AS (
    SELECT *, sum(starts::INTEGER) OVER (PARTITION BY cc, asn, domain, mechanism ORDER BY run
                                         ROWS UNBOUNDED PRECEDING) AS episode
    FROM starts
),
spans AS (
    SELECT cc, asn, domain, mechanism, episode,
           min(run) AS first_run, max(run) AS last_run,
           min(first_t) AS start_t, arg_min(first_uid, first_t) AS start_uid,
           max(last_t) AS end_t, arg_max(last_uid, last_t) AS end_uid,
           sum(n) AS blocked, sum(corroborated) AS corroborated, sum(ooni_agrees) AS ooni_agrees,
           -- a day two blocked runs of the episode share counts once
           sum(days) - count(*) FILTER (NOT starts AND previous_blocked_t::DATE = first_t::DATE)
             AS days
    FROM blocked_runs GROUP BY ALL
),
inside AS (
    SELECT s.cc, s.asn, s.domain, s.mechanism, s.episode,
           coalesce(sum(r.n), 0) AS accessible,
           list(struct_pack(first_t := r.first_t, first_uid := r.first_uid,
                            last_t := r.last_t, last_uid := r.last_uid, n := r.n)
                ORDER BY r.run) FILTER (r.last_t - r.first_t >= $restoration) AS restorations
    FROM spans s LEFT JOIN runs r ON NOT r.blocked AND r.cc = s.cc AND r.domain = s.domain
         AND r.asn IS NOT DISTINCT FROM s.asn AND r.mechanism = s.mechanism
         AND r.run > s.first_run AND r.run < s.last_run
    GROUP BY ALL
)
SELECT s.cc, s.asn, s.domain, s.mechanism, s.start_t, s.start_uid, s.end_t, s.end_uid,
       before.last_t AS before_t, before.last_uid AS before_uid,
       after.first_t AS after_t, after.first_uid AS after_uid,
       s.blocked, i.accessible, s.corroborated, s.ooni_agrees, s.days, i.restorations
FROM spans s
JOIN inside i USING (cc, asn, domain, mechanism, episode)
LEFT JOIN runs before ON before.cc = s.cc AND before.domain = s.domain
     AND before.asn IS NOT DISTINCT FROM s.asn AND before.mechanism = s.mechanism
     AND before.run = s.first_run - 1
LEFT JOIN runs after ON after.cc = s.cc AND after.domain = s.domain
     AND after.asn IS NOT DISTINCT FROM s.asn AND after.mechanism = s.mechanism
     AND after.run = s.last_run + 1
WHERE s.blocked >= $min_blocked AND s.blocked >= $min_share * (s.blocked + i.accessible)
"""

# Stretches of `unknown_gap` or more with no measurement at all (any state) inside an episode.
_UNKNOWN = """
CREATE OR REPLACE TEMP TABLE episode_gaps AS
WITH seen AS (
    SELECT e.cc, e.asn, e.domain, e.mechanism, e.start_t, p.t, p.uid,
           lead(p.t) OVER w AS next_t, lead(p.uid) OVER w AS next_uid
    FROM episodes e JOIN pooled p ON p.cc = e.cc AND p.domain = e.domain
         AND p.asn IS NOT DISTINCT FROM e.asn AND p.t BETWEEN e.start_t AND e.end_t
    WINDOW w AS (PARTITION BY e.cc, e.asn, e.domain, e.mechanism, e.start_t ORDER BY p.t, p.uid)
)
SELECT cc, asn, domain, mechanism, start_t,
       list(struct_pack(first_t := t, first_uid := uid, last_t := next_t, last_uid := next_uid)
            ORDER BY t) AS gaps
FROM seen WHERE next_t - t >= $unknown_gap
GROUP BY ALL
"""


def build(db: duckdb.DuckDBPyConnection, rules: Rules = Rules()) -> int:
    """Write the temporary tables `episodes` and `episode_gaps` (the unknown stretches inside
    them) from `pooled`; return how many episodes there are."""
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE episodes AS {_CHAINS}",  # noqa: S608 (a constant)
        {
            "split_after": rules.split_after,
            "unseen_split": rules.unseen_split,
            "restoration": rules.restoration,
            "min_blocked": rules.min_blocked,
            "min_share": rules.min_share,
        },
    )
    db.execute(_UNKNOWN, {"unknown_gap": rules.unknown_gap})
    return db.execute("SELECT count(*) FROM episodes").fetchone()[0]


def episodes(db: duckdb.DuckDBPyConnection, rules: Rules = Rules()) -> list[Episode]:
    """The episodes of the measurements in `pooled`, by country, network, domain and start."""
    build(db, rules)
    found = []
    for row in db.execute(
        "SELECT e.*, g.gaps FROM episodes e LEFT JOIN episode_gaps g"
        " USING (cc, asn, domain, mechanism, start_t)"
        " ORDER BY cc, asn NULLS FIRST, domain, start_t, mechanism"
    ).fetchall():
        (cc, asn, domain, mechanism, start_t, start_uid, end_t, end_uid) = row[:8]
        (before_t, before_uid, after_t, after_uid) = row[8:12]
        (blocked, accessible, corroborated, ooni_agrees, days, restorations, gaps) = row[12:]
        found.append(
            Episode(
                country=cc,
                asn=asn,
                domain=domain,
                mechanism=mechanism,
                first_blocked=Evidence(start_t, start_uid),
                last_blocked=Evidence(end_t, end_uid),
                accessible_before=Evidence(before_t, before_uid) if before_uid else None,
                accessible_after=Evidence(after_t, after_uid) if after_uid else None,
                blocked=int(blocked),
                accessible=int(accessible),
                corroborated=int(corroborated),
                ooni_agrees=int(ooni_agrees),
                blocked_days=int(days),
                restorations=[_stretch(r) for r in restorations or []],
                unknown=[_stretch(g) for g in gaps or []],
            )
        )
    return found


def _stretch(s: dict) -> Stretch:
    return Stretch(
        start=Evidence(s["first_t"], s["first_uid"]),
        end=Evidence(s["last_t"], s["last_uid"]),
        measurements=int(s.get("n") or 0),
    )
