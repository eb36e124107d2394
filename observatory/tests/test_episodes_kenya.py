"""The episode rules on real measurements: OONI's Kenyan Telegram data, two exam-time blocks.

../shared/data/ooni/kenya-telegram-observations holds OONI's observation tables of every
Kenyan Web Connectivity measurement of telegram.org, t.me and telegram.me from mid-October to
the end of November in 2023 and 2024 (OONI's report: https://ooni.org/post/2025-kenya-blocked-
telegram-kcse-exams/). Data: Open Observatory of Network Interference (OONI), CC BY-NC-SA 4.0.

What the measurements themselves show (../shared/data/ooni/README.md, section 6, and the
per-network daily counts): the networks below blocked telegram.org from the first to the last
day given, with weekend pauses; everything else measured is accessible but for stray failures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drm_observatory.store.duck import MeasurementStore
from drm_observatory.store.episodes import episodes
from drm_observatory.store.pooled import Scope, pool
from drm_observatory.testing.observations import load_observation_table
from drm_observatory.testing.requirements import require

DATA = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni"
).resolve() / "kenya-telegram-observations"
TABLES = (
    "2023-KE-web_connectivity-telegram.org.csv.gz",
    "2024-KE-web_connectivity-telegram.org.csv.gz",
)

D = dt.date
# (ASN, year): (first blocked day, last blocked day), as the measurements show them.
EVIDENCE = {
    # Jambonet: every measurement "dns" from 12 to 24 Nov (none on 7-11 Nov); all fine after.
    (12455, 2023): (D(2023, 11, 12), D(2023, 11, 24)),
    # Safaricom: "http-failure" (TLS timeouts) from 15 Nov to 24 Nov, clean at the weekend.
    (33771, 2023): (D(2023, 11, 15), D(2023, 11, 24)),
    # Safaricom: one failure on 8 Nov among 9, then 15 accessible measurements over three
    # days; failures again from 15 Nov, all of them on 20, 22 and 24 Nov.
    (37061, 2023): (D(2023, 11, 15), D(2023, 11, 24)),
    # Airtel: 5 failures among 11 measurements on 17-24 Nov.
    (36926, 2023): (D(2023, 11, 17), D(2023, 11, 24)),
    # Safaricom, both networks: IP blocking ("tcp_ip") from 7 to 22 Nov 2024, none after.
    (33771, 2024): (D(2024, 11, 7), D(2024, 11, 22)),
    (37061, 2024): (D(2024, 11, 7), D(2024, 11, 22)),
}
# The weekend pauses the measurements show inside the blocks (no failure, many measurements).
PAUSES = {
    (33771, 2023): D(2023, 11, 18),
    (37061, 2023): D(2023, 11, 18),
    (33771, 2024): D(2024, 11, 10),
    (37061, 2024): D(2024, 11, 10),
}
ONE_DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    require(
        all((DATA / name).is_file() for name in TABLES),
        f"OONI's Kenyan Telegram tables are not in {DATA}",
    )
    with MeasurementStore(tmp_path_factory.mktemp("kenya") / "store.duckdb") as store:
        for name in TABLES:
            assert load_observation_table(store, DATA / name) > 1000
        pool(store.db, Scope(country="KE"))
        return episodes(store.db)


def by_network(found) -> dict[tuple[int, int], list]:
    grouped: dict[tuple[int, int], list] = {}
    for e in found:
        grouped.setdefault((e.asn, e.first_blocked.time.year), []).append(e)
    return grouped


def test_both_exam_time_blocks_come_out_within_a_day_of_the_evidence(found):
    grouped = by_network(found)
    assert set(grouped) == set(EVIDENCE)  # and no episode on any other network or year
    for key, (first, last) in EVIDENCE.items():
        start = min(e.first_blocked.time for e in grouped[key])
        end = max(e.last_blocked.time for e in grouped[key])
        assert abs(start.date() - first) <= ONE_DAY, (key, start)
        assert abs(end.date() - last) <= ONE_DAY, (key, end)
        for e in grouped[key]:
            assert not e.ongoing and e.accessible_after.time > e.last_blocked.time
            assert e.accessible_before is None or e.accessible_before.time < e.first_blocked.time
            assert e.first_blocked.uid.split("_")[1] == "KE"


def test_the_weekend_pauses_show_as_restorations(found):
    grouped = by_network(found)
    for key, day in PAUSES.items():
        restorations = [r for e in grouped[key] for r in e.restorations]
        assert any(r.start.time.date() <= day <= r.end.time.date() for r in restorations), key


def test_the_blocks_are_confident_and_agree_with_ooni(found):
    for e in found:
        assert e.ooni_agrees == e.blocked  # built from OONI's own verdicts
    main = [e for e in found if e.blocked >= 20]
    assert len(main) == 5 and {e.confidence for e in main} == {"high"}
    assert all(e.corroborated * 2 >= e.blocked for e in main)  # other networks got through
