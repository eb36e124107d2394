# ruff: noqa: F811 - pytest fixtures imported from the testing toolkit are used as arguments
"""Spool and delivery: nothing measured is lost while the ingest server is away, and nothing
is stored twice when a delivery is repeated."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys

import pytest

from drm_observatory.probe import http
from drm_observatory.probe.spool import Deliverer, Spool
from drm_observatory.testing.fixtures import (  # noqa: F401
    interruptible,
    lines,
    loopback_world,
    wait_for,
)
from drm_observatory.testing.ingest import IngestServer


@pytest.fixture
def ingest(loopback_world):
    world = loopback_world
    server = world.loop.run(IngestServer(world.ingest_token).start())
    yield server
    world.loop.run(server.stop())


def measurements(n: int, tag: str = "m") -> list[dict]:
    return [
        {
            "measurement_uid": f"20261128000000.00000{i}_PK_webconnectivity_{tag}{i}",
            "input": f"https://site{i}.test/",
            "test_keys": {"blocking": False},
        }
        for i in range(n)
    ]


def deliverer(spool: Spool, ingest: IngestServer, token: str) -> Deliverer:
    return Deliverer(spool, ingest.url, token, context=http.tls_context(), timeout=5)


def sweep(d: Deliverer) -> tuple[int, int]:
    return asyncio.run(d.sweep())


def test_spool_writes_whole_files_only(tmp_path):
    spool = Spool(tmp_path)
    for m in measurements(3):
        spool.put(m)
    names = sorted(p.name for p in (tmp_path / "pending").iterdir())
    assert names == sorted(f"{m['measurement_uid']}.json" for m in measurements(3))
    for path in spool.pending():
        assert json.loads(path.read_text())["input"].startswith("https://site")


def test_server_down_loses_nothing_and_back_up_delivers_once(tmp_path, loopback_world, ingest):
    world = loopback_world
    spool = Spool(tmp_path)
    for m in measurements(4):
        spool.put(m)
    d = deliverer(spool, ingest, world.ingest_token)
    world.loop.run(ingest.stop())
    assert sweep(d) == (0, 4)
    assert d.last_error == "connection_refused"
    world.loop.run(ingest.start())
    ingest.mode = "fail"
    assert sweep(d) == (0, 4)
    ingest.mode = "ok"
    assert sweep(d) == (4, 0)
    assert sweep(d) == (0, 0)
    assert sorted(ingest.stored) == sorted(m["measurement_uid"] for m in measurements(4))
    assert len(ingest.attempts) == 4
    assert len(list((tmp_path / "done").iterdir())) == 4


def test_crash_mid_delivery_is_deduplicated_by_uid(tmp_path, loopback_world, ingest):
    world = loopback_world
    spool = Spool(tmp_path)
    for m in measurements(3, "c"):
        spool.put(m)
    d = deliverer(spool, ingest, world.ingest_token)
    ingest.mode = "crash"  # stores the first one, then dies before answering
    assert sweep(d) == (0, 3)
    assert len(ingest.stored) == 1
    ingest.mode = "ok"
    assert sweep(d) == (3, 0)
    assert len(ingest.stored) == 3  # the repeated one was recognised by its uid
    assert len(ingest.attempts) == 4


def test_rejected_measurement_is_set_aside_not_retried_forever(tmp_path, loopback_world, ingest):
    world = loopback_world
    spool = Spool(tmp_path)
    (tmp_path / "pending" / "broken.json").write_text("{not json")
    spool.put(measurements(1, "r")[0])
    d = deliverer(spool, ingest, world.ingest_token)
    assert sweep(d) == (1, 0)
    assert (tmp_path / "rejected" / "broken.json").exists()
    assert "unreadable" in (tmp_path / "rejected" / "broken.reason.txt").read_text()


def test_wrong_token_keeps_everything_pending(tmp_path, ingest):
    spool = Spool(tmp_path)
    spool.put(measurements(1, "t")[0])
    d = deliverer(spool, ingest, "wrong")
    assert sweep(d) == (0, 1)
    assert "401" in d.last_error


def test_probe_command_spools_then_delivers(tmp_path, loopback_world, ingest):
    world = loopback_world
    cmd = [
        sys.executable,
        "-m",
        "drm_observatory",
        "probe",
        world.url("ok.test"),
        world.url("dnsblock.test"),
        "--spool",
        str(tmp_path),
        "--ingest",
        ingest.url,
        "--ingest-token",
        world.ingest_token,
        *world.probe_flags(),
    ]
    world.loop.run(ingest.stop())
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "2 measurements stay in the spool" in done.stderr
    assert len(list((tmp_path / "pending").iterdir())) == 2
    world.loop.run(ingest.start())
    flush = [*cmd[:4], "--deliver-only", *cmd[6:]]
    done = subprocess.run(flush, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "delivered 2, 0 pending" in done.stderr
    inputs = {m["input"] for m in ingest.stored.values()}
    assert inputs == {world.url("ok.test"), world.url("dnsblock.test")}
    blocked = next(m for m in ingest.stored.values() if "dnsblock" in m["input"])
    assert blocked["test_keys"]["blocking"] == "dns"


def test_scheduled_probe_delivers_everything_once_across_an_outage(
    tmp_path, loopback_world, ingest
):
    world = loopback_world
    world.loop.run(ingest.stop())
    spool, out = tmp_path / "spool", tmp_path / "out.jsonl"
    process = interruptible(
        [
            sys.executable,
            "-m",
            "drm_observatory",
            "probe",
            world.url("ok.test"),
            "--every",
            "1s",
            "--output",
            str(out),
            "--spool",
            str(spool),
            "--ingest",
            ingest.url,
            "--ingest-token",
            world.ingest_token,
            *world.probe_flags(),
        ],
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: len(list((spool / "pending").glob("*.json"))) >= 2)
        world.loop.run(ingest.start())  # the server comes back while the probe keeps going
        wait_for(lambda: len(ingest.stored) >= 3)
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(30) == 130
    measured = {m["measurement_uid"] for m in lines(out)}
    pending = {p.stem for p in (spool / "pending").glob("*.json")}
    done = {p.stem for p in (spool / "done").glob("*.json")}
    assert done | pending == measured  # nothing lost
    assert done <= set(ingest.stored)  # marked delivered only once the server had it
    # (A POST in flight at Ctrl-C may be stored and still pending: the uid dedups it later.)
    assert set(ingest.stored) - done <= pending
    assert len(ingest.attempts) == len(ingest.stored)  # nothing sent twice
