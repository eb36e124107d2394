"""The status board's data: what is blocked now, on which networks, since when, on what."""

from __future__ import annotations

import json

from drm_observatory.store import board
from drm_observatory.store.duck import MeasurementStore
from drm_observatory.store.episodes import build as build_episodes
from drm_observatory.store.pooled import pool
from tests.test_episodes import at, every, measurement, run, store_of


def test_blocked_on_one_network_restricted_in_the_country_unknown_where_not_measured(tmp_path):
    # x.com in PK: AS17557 blocked from day 5 to the end (day 9); AS45595 fine throughout;
    # AS23674 measured only on days 0-1, long before now. In DE: fine.
    history = every(6, "ok", range(5)) + every(6, "blocked", range(5, 10))
    history += every(6, "ok", range(10), asn=45595) + every(6, "ok", range(2), asn=23674)
    history += every(12, "ok", range(10), cc="DE", asn=3320)
    path = store_of(tmp_path, history)
    with MeasurementStore(path) as store:
        pool(store.db)
        build_episodes(store.db)
        cells = board.cells(store.db)
    by_asn = {c.asn: c for c in cells}

    blocked = by_asn[17557]
    assert blocked.state == "blocked" and blocked.evidence == 20
    assert blocked.since.time == at(days=5)
    assert blocked.since.uid.endswith("17557_PK_webconnectivity_blocked")
    assert blocked.latest.time == at(days=9, hours=18)

    fine = by_asn[45595]
    assert fine.state == "accessible" and fine.evidence == 40 and fine.since.time == at(days=0)
    stale = by_asn[23674]
    assert stale.state == "unknown" and stale.since is None
    assert stale.latest.time == at(days=1, hours=18)  # what was last seen, however old

    rows = {(r.country, r.domain): r.state for r in board.rows(cells)}
    assert rows == {("PK", "x.com"): "restricted", ("DE", "x.com"): "accessible"}


def test_a_lifted_block_is_accessible_since_the_first_measurement_after_it(tmp_path):
    history = every(6, "ok", range(2)) + every(6, "blocked", range(2, 5))
    history += every(6, "ok", range(5, 8))
    history += [measurement(8 * 24, "ok", asn=45595)]
    path = store_of(tmp_path, history)
    with MeasurementStore(path) as store:
        pool(store.db)
        build_episodes(store.db)
        (cell, other) = board.cells(store.db)
    assert (cell.asn, cell.state, cell.since.time) == (17557, "accessible", at(days=5))
    assert cell.since.uid == "20240206000000.17557_PK_webconnectivity_ok"
    assert cell.evidence == 12
    assert board.rows([cell, other])[0].state == "accessible"


def test_the_board_command_says_what_is_blocked_now(tmp_path):
    history = every(6, "ok", range(3), asn=45595) + every(6, "ok", range(1))
    history += every(6, "blocked", range(1, 3))
    path = store_of(tmp_path, history)
    done = run("board", "--store", str(path), "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["services"] == [{"country": "PK", "domain": "x.com", "state": "restricted"}]
    blocked = next(n for n in answer["networks"] if n["asn"] == 17557)
    assert (blocked["state"], blocked["since"], blocked["evidence"]) == (
        "blocked",
        "2024-02-02 00:00:00",
        8,
    )
    assert blocked["since_uid"] == "20240202000000.17557_PK_webconnectivity_blocked"


def test_an_empty_store_answers_with_nothing(tmp_path):
    path = tmp_path / "empty.duckdb"
    MeasurementStore(path).close()
    for command, empty in (
        ("episodes", {"episodes": []}),
        ("series", {"bucket": "day", "series": []}),
        ("board", {"services": [], "networks": []}),
    ):
        done = run(command, "--store", str(path), "--json")
        assert (done.returncode, json.loads(done.stdout)) == (0, empty), done.stderr
