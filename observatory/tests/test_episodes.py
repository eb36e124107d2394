"""Verdicts across measurements, series and episodes, on measurement histories the tests make:
real Web Connectivity measurements judged and stored by `ingest`, then read back as an editor
would (`drm-observatory episodes` and `series`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from drm_observatory.analysis import fingerprints, ooni_io
from drm_observatory.store.duck import MeasurementStore
from drm_observatory.store.episodes import episodes
from drm_observatory.store.ingest import ingest
from drm_observatory.store.pooled import pool
from drm_observatory.store.series import series
from tests.test_verdict import build

START = dt.datetime(2024, 2, 1)
URL = "https://x.com/"
DEAD = {
    "tcp_failure": "generic_timeout_error",
    "control_tcp_failure": "generic_timeout_error",
    "response": "generic_timeout_error",
    "control_page": "generic_timeout_error",
}
OONI_VERDICT = {"ok": False, "blocked": "http-failure", "dead": "tcp_ip", "control-down": None}


def measurement(hours: float, outcome: str, *, asn: int = 17557, cc: str = "PK") -> dict:
    """One measurement of x.com `hours` after START: 'ok', 'blocked' (the connection reset
    after the ClientHello while the control fetched the page), 'dead' (nobody connects, the
    control neither) or 'control-down' (dead, and the control itself could not be reached)."""
    m = {
        "ok": lambda: build(URL, probe_cc=cc),
        "blocked": lambda: build(
            URL, probe_cc=cc, tls_failure="connection_reset", response="connection_reset"
        ),
        "dead": lambda: build(URL, probe_cc=cc, **DEAD),
        "control-down": lambda: build(
            URL, probe_cc=cc, control_failure="connection_refused", **DEAD
        ),
    }[outcome]()
    # What OONI's probe would have stored as its own verdict, kept beside ours.
    m["test_keys"]["blocking"] = OONI_VERDICT[outcome]
    when = START + dt.timedelta(hours=hours)
    m["measurement_start_time"] = when.strftime("%Y-%m-%d %H:%M:%S")
    m["probe_asn"] = f"AS{asn}"
    m["measurement_uid"] = f"{when:%Y%m%d%H%M%S}.{asn}_{cc}_webconnectivity_{outcome}"
    return m


def store_of(tmp_path: Path, history: list[dict]) -> Path:
    """Ingest `history` (JSON lines, as an operator would) into a new store."""
    data = tmp_path / "history.jsonl"
    data.write_text("".join(json.dumps(m) + "\n" for m in history))
    path = tmp_path / "store.duckdb"
    with MeasurementStore(path) as store:
        report = ingest(ooni_io.read_path(data), store, fingerprints.default())
    assert report.problems == [] and report.stored == len(history)
    return path


def read(path: Path):
    with MeasurementStore(path) as store:
        pool(store.db)
        return episodes(store.db), series(store.db, "day"), _states(store)


def _states(store: MeasurementStore) -> dict[str, tuple[str, bool]]:
    rows = store.db.execute("SELECT uid, state, corroborated FROM pooled").fetchall()
    return {uid: (state, corroborated) for uid, state, corroborated in rows}


def at(**delta: float) -> dt.datetime:
    return START + dt.timedelta(**delta)


def every(hours: int, outcome: str, days: range, **kw) -> list[dict]:
    return [measurement(d * 24 + h, outcome, **kw) for d in days for h in range(0, 24, hours)]


def test_a_series_never_blocked_has_no_episode(tmp_path):
    path = store_of(tmp_path, every(4, "ok", range(10)) + every(6, "ok", range(10), asn=45595))
    found, points, _ = read(path)
    assert found == []
    assert {p.state for p in points} == {"accessible"} and len(points) == 2 * 10


def test_a_site_down_everywhere_is_not_blocked_here(tmp_path):
    # Days 0-1: x.com fine everywhere. Days 2-5: dead, seen from two countries; nobody reaches it.
    # Day 6: PK's networks fail while the control says x.com itself is unreachable.
    history = every(6, "ok", range(2)) + every(6, "ok", range(2), cc="DE", asn=3320)
    history += every(6, "dead", range(2, 6)) + every(6, "dead", range(2, 6), cc="DE", asn=3320)
    history += every(6, "dead", range(6, 7)) + every(12, "control-down", range(6, 7), asn=45595)
    path = store_of(tmp_path, history)
    found, points, states = read(path)
    with MeasurementStore(path) as store:
        alone = store.db.execute(
            "SELECT DISTINCT our_blocking, ooni_blocking FROM measurements "
            "WHERE ends_with(measurement_uid, 'dead')"
        ).fetchall()
    assert alone == [('"tcp_ip"', '"tcp_ip"')]  # each measurement alone: blocked (v0.4) ...
    dead = [m["measurement_uid"] for m in history if m["measurement_uid"].endswith("dead")]
    assert {states[u][0] for u in dead} == {"down"}  # ... pooled: down everywhere
    assert found == []
    pk = [p for p in points if p.country == "PK" and p.asn == 17557]
    assert [p.state for p in pk] == ["accessible"] * 2 + ["down"] * 5


def test_blocked_on_one_network_while_others_reach_the_site(tmp_path):
    # AS17557 blocked from day 3 09:00 to day 9 while AS45595 (and a German network) reach it;
    # on day 6 the block is lifted for a day and a half: an intermittent restoration.
    history = every(6, "ok", range(12), asn=45595) + every(12, "ok", range(12), cc="DE", asn=3320)
    history += every(6, "ok", range(3), asn=17557) + [measurement(3 * 24 + 3, "ok")]
    history += [measurement(h, "blocked") for h in range(3 * 24 + 9, 6 * 24, 6)]
    history += [measurement(h, "ok") for h in range(6 * 24, 7 * 24 + 12, 6)]
    history += [measurement(h, "blocked") for h in range(7 * 24 + 12, 9 * 24 + 18, 6)]
    history += [measurement(h, "ok") for h in range(10 * 24, 12 * 24, 6)]
    path = store_of(tmp_path, history)
    found, points, states = read(path)

    (episode,) = found
    assert (episode.country, episode.asn, episode.domain) == ("PK", 17557, "x.com")
    assert episode.mechanism == "http-failure"
    assert episode.accessible_before.time == at(hours=3 * 24 + 3)
    assert episode.first_blocked.time == at(hours=3 * 24 + 9)
    assert episode.last_blocked.time == at(hours=9 * 24 + 12)
    assert episode.accessible_after.time == at(hours=10 * 24)
    assert episode.first_blocked.uid.endswith("17557_PK_webconnectivity_blocked")
    assert episode.accessible_after.uid.endswith("17557_PK_webconnectivity_ok")
    assert not episode.ongoing and episode.confidence == "high"
    (restored,) = episode.restorations
    assert (restored.start.time, restored.end.time) == (at(hours=6 * 24), at(hours=7 * 24 + 6))
    assert restored.measurements == 6
    assert episode.blocked == episode.corroborated == episode.ooni_agrees == 20

    # Series: the blocked network's day 4 is blocked, day 6 accessible; the others accessible.
    day = {(p.asn, p.start.date()): p for p in points}
    assert day[(17557, (START + dt.timedelta(days=4)).date())].state == "blocked"
    assert day[(17557, (START + dt.timedelta(days=6)).date())].state == "accessible"
    assert {p.state for p in points if p.asn != 17557} == {"accessible"}
    assert {s for s, _ in states.values()} == {"ok", "blocked"}


def test_gaps_are_unknown_and_an_unfinished_block_is_ongoing(tmp_path):
    # Only one network measured: accessible on day 0, nothing for three days, blocked on days
    # 4-6, nothing on day 7, blocked on day 8, the end of the data.
    history = every(6, "ok", range(1)) + every(6, "blocked", [4, 5, 6, 8])
    path = store_of(tmp_path, history)
    found, points, states = read(path)
    (episode,) = found
    assert episode.ongoing and episode.accessible_after is None
    assert episode.accessible_before.time == at(hours=18)
    assert episode.corroborated == 0 and episode.confidence == "medium"
    (gap,) = episode.unknown
    assert (gap.start.time, gap.end.time) == (at(days=6, hours=18), at(days=8))
    assert [p.state for p in points] == (
        ["accessible"] + ["unknown"] * 3 + ["blocked"] * 3 + ["unknown", "blocked"]
    )
    assert [p.measurements for p in points][1:4] == [0, 0, 0]


def test_stray_failures_are_not_an_episode(tmp_path):
    history = every(3, "ok", range(10))
    history += [measurement(h, "blocked") for h in (30, 100, 101, 170)]  # 4 among 80
    path = store_of(tmp_path, history)
    found, _, _ = read(path)
    assert found == []


def run(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "drm_observatory", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture
def blocked_store(tmp_path) -> Path:
    history = every(6, "ok", range(8), asn=45595) + every(6, "ok", range(2))
    history += every(6, "blocked", range(2, 6)) + every(6, "ok", range(6, 8))
    return store_of(tmp_path, history)


def test_the_episodes_command_prints_csv_and_json_with_the_proving_uids(blocked_store):
    done = run("episodes", "--store", str(blocked_store), "--country", "pk", "--csv")
    assert done.returncode == 0, done.stderr
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    assert (row["asn"], row["domain"], row["start"]) == ("17557", "x.com", "2024-02-03 00:00:00")
    assert row["end"] == "2024-02-06 18:00:00" and row["ongoing"] == "False"
    assert row["accessible_before_uid"] == "20240202180000.17557_PK_webconnectivity_ok"
    assert row["accessible_after_uid"] == "20240207000000.17557_PK_webconnectivity_ok"

    done = run("episodes", "--store", str(blocked_store), "--asn", "AS17557", "--json")
    (episode,) = json.loads(done.stdout)["episodes"]
    assert episode["first_blocked"]["uid"] == "20240203000000.17557_PK_webconnectivity_blocked"
    assert episode["blocked"] == 16 and episode["confidence"] == "high"

    for scope in (["--asn", "45595"], ["--domain", "twitter.com"], ["--country", "IR"]):
        done = run("episodes", "--store", str(blocked_store), *scope, "--json")
        assert json.loads(done.stdout) == {"episodes": []}, scope
    assert run("episodes", "--store", str(blocked_store), "--asn", "x1").returncode == 2


def test_the_series_command_prints_hourly_buckets_with_gaps(blocked_store):
    done = run("series", "--store", str(blocked_store), "--asn", "17557", "--bucket", "hour")
    lines = done.stdout.splitlines()
    assert lines[0].split()[:4] == ["country", "asn", "domain", "start"]
    assert len(lines) == 1 + 7 * 24 + 18 + 1  # every hour from the first to the last
    assert sum(" unknown" in line for line in lines[1:]) == len(lines) - 1 - 32


def test_a_window_of_time_shows_the_block_as_it_stood_then(blocked_store):
    done = run("episodes", "--store", str(blocked_store), "--until", "2024-02-05", "--json")
    (episode,) = json.loads(done.stdout)["episodes"]
    assert episode["ongoing"] and episode["accessible_after"] is None
    assert episode["last_blocked"]["time"] == "2024-02-04 18:00:00"
    done = run("episodes", "--store", str(blocked_store), "--since", "2024-02-07", "--json")
    assert json.loads(done.stdout) == {"episodes": []}
    done = run("board", "--store", str(blocked_store), "--until", "2024-02-05", "--json")
    assert json.loads(done.stdout)["services"][0]["state"] == "restricted"
