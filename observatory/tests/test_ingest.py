"""`drm-observatory ingest` as an operator runs it: keyed by measurement_uid, idempotent, a broken
record reported while the rest are stored, a killed run completed by rerunning it."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

from drm_observatory.testing.requirements import require
from tests.test_verdict import build

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni").resolve()
COMMAND = [sys.executable, "-m", "drm_observatory", "ingest"]


def measurement(i: int) -> dict:
    m = build(url=f"http://site{i}.example/", response="connection_reset" if i % 3 else None)
    m["measurement_uid"] = f"20260101000000.{i:06d}_PK_webconnectivity_{i:016x}"
    return m


def ingest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=300)


def rows(store: Path, sql: str = "SELECT count(*) FROM measurements") -> list[tuple]:
    with duckdb.connect(str(store), read_only=True) as db:
        return db.execute(sql).fetchall()


def test_twice_stores_nothing_twice_and_a_broken_record_loses_nothing(tmp_path):
    lines = [json.dumps(measurement(i)) for i in range(3)]
    lines.insert(1, '{"test_keys": {"queries": [')  # cut off: reported, the rest still stored
    lines.append(json.dumps({"test_name": "telegram", "measurement_uid": "tg", "test_keys": {}}))
    data = tmp_path / "batch.jsonl.gz"
    data.write_bytes(gzip.compress("\n".join(lines).encode()))
    store = tmp_path / "store.duckdb"

    first = ingest("--store", str(store), str(data))
    assert first.returncode == 1  # a record was reported
    assert "batch.jsonl.gz:2: not valid JSON" in first.stderr
    assert "3 stored, 0 already stored, 1 skipped" in first.stderr
    again = ingest("--store", str(store), str(data))
    assert "0 stored, 3 already stored" in again.stderr
    assert rows(store) == [(3,)]
    (uid, rule, blocking, source), *_ = rows(
        store, "SELECT measurement_uid, rule, blocking, source FROM measurements ORDER BY 1"
    )
    assert uid.endswith("_0000000000000000") and blocking in ("false", "null")
    assert source.endswith("batch.jsonl.gz:1") and rule


def test_a_killed_ingest_is_completed_by_running_it_again(tmp_path):
    total = 1300  # three transactions of at most 500
    data = tmp_path / "big.jsonl"
    data.write_text("".join(json.dumps(measurement(i)) + "\n" for i in range(total)))
    store = tmp_path / "store.duckdb"
    run = subprocess.Popen(
        [*COMMAND, "--store", str(store), str(data)], stderr=subprocess.PIPE, text=True
    )
    assert "committed" in run.stderr.readline()  # the first batch is in the store
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    run.stderr.close()
    (kept,) = rows(store)[0]
    assert 500 <= kept <= total
    done = ingest("--store", str(store), str(data))
    assert done.returncode == 0, done.stderr
    assert f"{total - kept} stored, {kept} already stored" in done.stderr
    assert rows(store) == [(total,)]
    assert rows(store, "SELECT count(DISTINCT measurement_uid) FROM measurements") == [(total,)]


def test_parquet_export_and_import_round_trip(tmp_path):
    data = tmp_path / "few.json"
    data.write_text(json.dumps([measurement(i) for i in range(4)]))
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    parquet = tmp_path / "export.parquet"
    assert (
        ingest("--store", str(first), "--export-parquet", str(parquet), str(data)).returncode == 0
    )
    imported = ingest("--store", str(second), "--import-parquet", str(parquet))
    assert "imported 4 rows, 0 already stored" in imported.stderr
    again = ingest("--store", str(second), "--import-parquet", str(parquet), str(data))
    assert "imported 0 rows, 4 already stored" in again.stderr
    assert "0 stored, 4 already stored" in again.stderr
    sql = "SELECT measurement_uid, our_rule, observations FROM measurements ORDER BY 1"
    assert rows(first, sql) == rows(second, sql)


def test_real_ooni_files_are_stored_once_with_both_verdicts(tmp_path):
    folder = SHARED / "backend-fastpath-testdata"
    require(folder.is_dir(), f"OONI sample data not found at {folder}")
    files = sorted(str(p) for p in folder.glob("*.json"))
    store = tmp_path / "store.duckdb"
    fingerprints = SHARED / "blocking-fingerprints"
    first = ingest("--store", str(store), "--fingerprints", str(fingerprints), *files)
    (stored,) = rows(store)[0]
    # 16 Web Connectivity files: test_keys_none.json has no test_keys (reported, not stored),
    # and report2blocked.json carries report2.json's measurement_uid (stored once).
    assert stored == 14, first.stderr
    assert "test_keys_none.json: malformed measurement" in first.stderr
    assert "report2blocked.json: 0 stored, 1 already stored" in first.stderr
    ingest("--store", str(store), "--fingerprints", str(fingerprints), *files)
    assert rows(store) == [(stored,)]
    (archive,) = rows(
        store,
        "SELECT ooni_blocking, ooni_accessible, our_blocking, our_rule, blockpages "
        "FROM measurements WHERE input = 'http://archive.org' AND probe_cc = 'ID'",
    )
    assert archive[:4] == ("false", True, '"http-diff"', "drm/blockpage")
    assert "ooni.id_lamanlabuh_kominfo" in archive[4]
