"""`drm-observatory ooni-sync` against a loopback OONI API answering with real measurements
(OONI's fastpath test data) in the API's own shapes: paging, retries, resuming, no double work."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pty
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from drm_observatory.store.duck import MeasurementStore
from drm_observatory.store.ingest import measurement_key
from drm_observatory.store.ooni_api import USER_AGENT, ApiError, OoniApi, Pacing, retry_after
from drm_observatory.testing.ooni_api import FakeOoniApi, Fault
from drm_observatory.testing.raw import closed_port
from drm_observatory.testing.requirements import require

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni").resolve()
TESTDATA = SHARED / "backend-fastpath-testdata"
COMMAND = [sys.executable, "-m", "drm_observatory", "ooni-sync"]
FAST = ["--rate", "1000", "--backoff", "0.001", "--retries", "3", "--page-size", "5"]


def api_row(raw: dict, uid: str) -> dict:
    """The listing row OONI's API gives for a raw measurement."""
    start = raw["measurement_start_time"].replace(" ", "T") + "Z"
    asn = raw["probe_asn"]
    return {
        "anomaly": bool((raw.get("test_keys") or {}).get("blocking")),
        "confirmed": False,
        "failure": False,
        "input": raw["input"],
        "measurement_start_time": start,
        "measurement_uid": uid,
        "measurement_url": f"https://api.ooni.io/api/v1/raw_measurement?measurement_uid={uid}",
        "probe_asn": asn if str(asn).startswith("AS") else f"AS{asn}",
        "probe_cc": raw["probe_cc"],
        "report_id": raw["report_id"],
        "scores": {"blocking_general": 0.0, "blocking_global": 0.0},
        "test_name": raw["test_name"],
    }


@pytest.fixture
def real():
    """(listing rows, raw bodies by uid): OONI's real Web Connectivity test measurements."""
    require(TESTDATA.is_dir(), f"OONI's fastpath test data is not at {TESTDATA}")
    rows, raws = [], {}
    for path in sorted(TESTDATA.glob("*.json")):
        body = path.read_bytes()
        raw = json.loads(body)
        if not isinstance(raw, dict) or raw.get("test_name") != "web_connectivity":
            continue
        if "_webconnectivity_" in path.stem:  # the one whose file carries its real uid
            uid = path.stem
        else:
            stamp = raw["measurement_start_time"].replace("-", "").replace(":", "")
            digest = hashlib.sha256(body).hexdigest()[:16]
            uid = f"{stamp.replace(' ', '')}.000000_{raw['probe_cc']}_webconnectivity_{digest}"
        rows.append(api_row(raw, uid))
        raws[uid] = body
    assert len(rows) >= 11  # 3+ pages of 5
    return rows, raws


def sync(store: Path, api: FakeOoniApi, *extra: str, **kw) -> subprocess.CompletedProcess:
    args = ["--store", str(store), "--country", "PK", "--since", "2014-01-01"]
    return subprocess.run(
        [*COMMAND, *args, "--api-base", api.url, *FAST, *extra],
        capture_output=True,
        text=True,
        timeout=120,
        **kw,
    )


def stored(store: Path) -> set[str]:
    with duckdb.connect(str(store), read_only=True) as db:
        return {uid for (uid,) in db.execute("SELECT measurement_uid FROM measurements").fetchall()}


def expected_uids(real) -> set[str]:
    """The uids that are Web Connectivity measurements with test_keys (the store's)."""
    rows, raws = real
    return {
        r["measurement_uid"]
        for r in rows
        if json.loads(raws[r["measurement_uid"]]).get("test_keys")
    }


def test_pages_are_followed_and_every_measurement_is_stored_under_its_listed_uid(tmp_path, real):
    store = tmp_path / "s.duckdb"
    with FakeOoniApi(*real) as api:
        done = sync(store, api, "--domain", "twitter.com")
    assert done.returncode in (0, 1), done.stderr
    pages = [q for kind, q in api.requests if kind == "page"]
    assert len(pages) == -(-len(real[0]) // 5) >= 3
    first = pages[0]
    assert (first["probe_cc"], first["domain"], first["test_name"]) == (
        "PK",
        "twitter.com",
        "web_connectivity",
    )
    assert (first["order_by"], first["order"], first["since"]) == (
        "measurement_start_time",
        "asc",
        "2014-01-01",
    )
    assert api.user_agents == {USER_AGENT} and "Digital Rights Monitor" in USER_AGENT
    assert stored(store) == expected_uids(real)  # keyed by the listed uid, not a digest
    assert "page 3," in done.stderr and f"{len(real[0])} of {len(real[0])} listed" in done.stderr


def test_running_twice_fetches_and_stores_nothing_twice(tmp_path, real):
    store = tmp_path / "s.duckdb"
    with FakeOoniApi(*real) as api:
        first = sync(store, api)
        fetched = list(api.raw_requests())
        again = sync(store, api)
    assert sorted(api.raw_requests()) == sorted(fetched)  # the second run fetched none
    count = len(expected_uids(real))
    assert f"{count} stored" in first.stderr
    assert " 0 stored" in again.stderr
    assert stored(store) == expected_uids(real)


def test_a_broken_raw_measurement_is_reported_and_the_rest_are_stored(tmp_path, real):
    rows, raws = real
    broken = rows[3]["measurement_uid"]
    raws = {**raws, broken: raws[broken][: len(raws[broken]) // 2]}  # cut off mid-document
    store = tmp_path / "s.duckdb"
    with FakeOoniApi(rows, raws) as api:
        api.faults[f"raw:{rows[4]['measurement_uid']}"] = [Fault(404)] * 10
        done = sync(store, api)
    assert done.returncode == 1
    assert f"ooni:{broken}" in done.stderr and "not valid JSON" in done.stderr
    assert "HTTP 404" in done.stderr
    lost = {broken, rows[4]["measurement_uid"]}
    assert stored(store) == expected_uids(real) - lost


def test_429_then_success_waits_as_retry_after_asks(real):
    waits: list[float] = []
    with FakeOoniApi(*real) as fake:
        fake.faults["page:0"] = [Fault(429, {"Retry-After": "7"})]
        api = OoniApi(fake.url, Pacing(rate=1000, backoff=0.001), sleep=waits.append)
        page = next(api.measurements({"limit": "5"}))
    assert len(page.results) == 5
    assert 7.0 in waits
    assert [kind for kind, _ in fake.requests] == ["page", "page"]


def test_a_retry_after_longer_than_max_wait_ends_the_run_with_a_clear_message(real):
    with FakeOoniApi(*real) as fake:
        fake.faults["page:0"] = [Fault(429, {"Retry-After": "3600"})]
        api = OoniApi(fake.url, Pacing(rate=1000, max_wait=60), sleep=lambda _: None)
        with pytest.raises(ApiError, match="wait 3600 s .*--max-wait 60 s"):
            next(api.measurements({}))


def test_500_twice_then_success_backs_off_exponentially_with_jitter(real):
    waits: list[float] = []
    notices: list[str] = []
    with FakeOoniApi(*real) as fake:
        fake.faults["page:0"] = [Fault(500), Fault(503)]
        api = OoniApi(
            fake.url, Pacing(rate=1000, backoff=2.0), sleep=waits.append, notice=notices.append
        )
        assert next(api.measurements({})).results
    backoffs = [w for w in waits if w >= 0.5]  # pacing waits are under 1 ms at 1000/s
    assert len(backoffs) == 2
    assert 1.0 <= backoffs[0] <= 2.0 and 2.0 <= backoffs[1] <= 4.0
    assert "HTTP 500" in notices[0] and "retry 2" in notices[1]


def test_requests_are_paced_at_the_rate_asked(real):
    clock = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    with FakeOoniApi(*real) as fake:
        api = OoniApi(fake.url, Pacing(rate=1.0), sleep=sleep, clock=lambda: clock[0])
        pages = list(api.measurements({"limit": "5"}))
    assert len(pages) >= 3
    assert waits == [1.0] * (len(pages) - 1)  # one request a second


def test_an_api_that_stays_down_stops_the_run_and_the_next_run_continues(tmp_path, real):
    store = tmp_path / "s.duckdb"
    with FakeOoniApi(*real) as api:
        api.faults["page:5"] = [Fault(502)] * 4  # all of --retries 3
        first = sync(store, api)
        assert first.returncode == 1 and "run again to continue" in first.stderr
        assert 0 < len(stored(store)) < len(expected_uids(real))
        again = sync(store, api)
    assert again.returncode in (0, 1), again.stderr
    assert stored(store) == expected_uids(real)
    fetched = api.raw_requests()
    assert len(fetched) == len(set(fetched))  # nothing fetched twice


def test_a_killed_sync_resumes_where_it_got_and_fetches_nothing_twice(tmp_path, real):
    store = tmp_path / "s.duckdb"
    with FakeOoniApi(*real) as api:
        api.hold = "page:5"  # the second page: the first is stored by then
        process = subprocess.Popen(
            [*COMMAND, "--store", str(store), "--country", "PK", "--since", "2014-01-01"]
            + ["--api-base", api.url, *FAST],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert api.held.wait(60), "the sync never asked for page 2"
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        first_page = {r["measurement_uid"] for r in api.listing[:5]}
        assert stored(store) == first_page & expected_uids(real)
        api.hold = None
        again = sync(store, api)
    assert again.returncode in (0, 1), again.stderr
    assert stored(store) == expected_uids(real)
    fetched = api.raw_requests()
    assert len(fetched) == len(set(fetched))  # nothing fetched twice
    resumed = [q for kind, q in api.requests if kind == "page"][2]  # the rerun's first listing
    assert resumed["since"] == api.listing[4]["measurement_start_time"].removesuffix("Z")


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert retry_after("soon") is None and retry_after(None) is None


def test_bad_usage_is_refused_before_any_request(tmp_path):
    bad = subprocess.run(
        [*COMMAND, "--store", str(tmp_path / "s"), "--country", "Pakistan", "--since", "2024"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "not a two-letter country code" in bad.stderr
    assert not (tmp_path / "s").exists()


def test_a_measurement_stored_by_ingest_is_not_fetched_again(tmp_path, real):
    rows, raws = real
    uid = rows[0]["measurement_uid"]
    measurement = {**json.loads(raws[uid]), "measurement_uid": uid}
    file = tmp_path / "one.json"
    file.write_text(json.dumps(measurement))
    store = tmp_path / "s.duckdb"
    subprocess.run(
        [sys.executable, "-m", "drm_observatory", "ingest", "--store", str(store), str(file)],
        check=True,
        capture_output=True,
    )
    with MeasurementStore(store) as s:
        assert s.stored([measurement_key(measurement)]) == {uid}
    with FakeOoniApi(rows, raws) as api:
        sync(store, api)
    assert uid not in api.raw_requests()


def test_on_a_terminal_the_progress_is_one_line_redrawn_with_a_bar(tmp_path, real):
    reader, writer = pty.openpty()
    with FakeOoniApi(*real) as api:
        args = ["--store", str(tmp_path / "s.duckdb"), "--country", "PK", "--since", "2014-01-01"]
        done = subprocess.run(
            [*COMMAND, *args, "--api-base", api.url, *FAST],
            stderr=writer,
            stdout=subprocess.DEVNULL,
            timeout=120,
        )
    os.close(writer)
    shown = b""
    with contextlib.suppress(OSError):  # the terminal ends when its writer is gone
        while chunk := os.read(reader, 65536):
            shown += chunk
    os.close(reader)
    assert done.returncode in (0, 1)
    text = shown.decode()
    assert "\r\x1b[K[" + "#" * 30 + "] PK every domain: page 4," in text
    assert text.count("\n") < 10  # pages redraw one line instead of adding lines


def test_a_refused_connection_is_retried_then_reported():
    waits: list[float] = []
    api = OoniApi(
        f"http://127.0.0.1:{closed_port()}", Pacing(rate=1000, retries=2), sleep=waits.append
    )
    with pytest.raises(ApiError, match="3 attempts: giving up") as failed:
        api.raw_measurement("20240201000000.000000_PK_webconnectivity_0")
    assert failed.value.status is None  # unreachable, not refused by the API: a rerun continues
    assert len([w for w in waits if w >= 0.5]) == 2
