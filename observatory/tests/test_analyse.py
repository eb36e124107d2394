"""`analyse`: the same series as `series`, computed partition by partition (day × country) in
local processes and on a Dask cluster of two workers."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import subprocess
import sys

import pytest

from drm_observatory.store.analyse import analyse, days
from drm_observatory.store.duck import MeasurementStore
from drm_observatory.store.pooled import pool
from drm_observatory.store.series import series
from tests.test_episodes import START, every, store_of


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """Ten days of x.com on two networks in PK and one in KE: blocked on one PK network on days
    3-6 while the others reach it, down everywhere at one hour of day 8."""
    days = range(10)
    measurements = (
        every(6, "ok", range(0, 3))
        + every(6, "blocked", range(3, 7))
        + every(6, "ok", range(7, 10))
        + every(4, "ok", days, asn=45595)
        + every(8, "ok", days, asn=33771, cc="KE")
    )
    return store_of(tmp_path_factory.mktemp("analyse"), measurements)


def whole_store_series(path) -> list:
    with MeasurementStore(path) as store:
        pool(store.db)
        return [p for p in series(store.db, "day") if p.measurements]


def test_the_days_are_those_measured(history):
    found = days(str(history))
    assert found == [START.date() + dt.timedelta(days=d) for d in range(10)]
    assert days(str(history), "ZZ") == []


def test_local_processes_give_the_series_of_the_whole_store(history):
    found = analyse(str(history), days(str(history)), "day", workers=2)
    assert found == whole_store_series(history)
    blocked = {p.start.day for p in found if p.state == "blocked"}
    assert blocked == {4, 5, 6, 7}  # days 3-6 after 1 February


def test_a_dask_cluster_of_two_workers_gives_the_same(history):
    distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as c:
        found = analyse(str(history), days(str(history)), "day", dask=c.scheduler_address)
    assert found == whole_store_series(history)


def test_the_command_prints_the_buckets_as_csv(history):
    done = subprocess.run(
        [sys.executable, "-m", "drm_observatory", "analyse", "--store", str(history)]
        + ["--country", "pk", "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    expected = [p for p in whole_store_series(history) if p.country == "PK"]
    assert [r["state"] for r in rows] == [p.state for p in expected]
    assert rows[0].keys() == dataclasses.asdict(expected[0]).keys()
    assert "10 days" in done.stderr
