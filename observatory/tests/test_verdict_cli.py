"""`drm-observatory verdict` as a user runs it: several files and formats, one of them broken."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from tests.test_verdict import build

FIELDS = {
    "measurement_uid",
    "input",
    "probe_cc",
    "probe_asn",
    "test_version",
    "blocking",
    "accessible",
    "rule",
    "explanation",
}


def verdict(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "drm_observatory", "verdict", *args],
        capture_output=True,
        input=stdin,
        timeout=60,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def files(tmp_path):
    blocked = build(url="http://blocked.example/", response="connection_reset")
    blocked["measurement_uid"] = "uid-blocked"
    ok = build(url="https://ok.example/")
    ok["measurement_uid"] = "uid-ok"
    dns = build(url="http://dns.example/", dns_failure="dns_nxdomain_error", response=None)
    dns["measurement_uid"] = "uid-dns"
    other = {"test_name": "telegram", "measurement_uid": "uid-tg", "test_keys": {}}
    no_uid = build(url="http://nouid.example/")
    del no_uid["measurement_uid"]
    gz = tmp_path / "archive.jsonl.gz"
    gz.write_bytes(gzip.compress((json.dumps(blocked) + "\n" + json.dumps(other) + "\n").encode()))
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([ok, dns]))
    single = tmp_path / "single.json"
    single.write_text(json.dumps(no_uid, indent=2))
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_bytes(b'{"test_keys": {"queries": [\n\x00\x01 garbage')
    return {"gz": gz, "list": listed, "single": single, "corrupt": corrupt}


def test_reads_gzip_jsonl_json_list_and_single_file(files):
    done = verdict(str(files["gz"]), str(files["list"]), str(files["single"]))
    assert done.returncode == 0, done.stderr
    rows = lines(done.stdout)
    assert [r.get("measurement_uid") for r in rows] == ["uid-blocked", "uid-ok", "uid-dns", None]
    by_uid = {r.get("measurement_uid"): r for r in rows}
    assert FIELDS <= set(by_uid["uid-ok"])
    assert (by_uid["uid-blocked"]["blocking"], by_uid["uid-blocked"]["accessible"]) == (
        "http-failure",
        False,
    )
    assert by_uid["uid-blocked"]["explanation"].startswith("rule v0.4/7:")
    assert (by_uid["uid-ok"]["blocking"], by_uid["uid-ok"]["accessible"]) == (False, True)
    assert by_uid["uid-dns"]["blocking"] == "dns"
    assert by_uid["uid-ok"]["probe_cc"] == "PK" and by_uid["uid-ok"]["probe_asn"] == "AS17557"
    assert by_uid["uid-ok"]["test_version"] == "0.4.3"
    # Without a measurement_uid the row names the report and the input instead.
    assert rows[3]["report_id"].startswith("20260101T000000Z") and "measurement_uid" not in rows[3]
    assert rows[3]["input"] == "http://nouid.example/"
    assert "4 web_connectivity measurements judged" in done.stderr
    assert "skipped other tests: 1 telegram" in done.stderr


def test_corrupt_file_is_reported_and_the_others_still_judged(files):
    done = verdict(str(files["list"]), str(files["corrupt"]), str(files["gz"]))
    assert done.returncode == 1
    assert f"{files['corrupt']}" in done.stderr and "not valid JSON" in done.stderr
    assert [r["measurement_uid"] for r in lines(done.stdout)] == [
        "uid-ok",
        "uid-dns",
        "uid-blocked",
    ]


def test_missing_file_is_a_clear_error(files, tmp_path):
    done = verdict(str(tmp_path / "absent.json"), str(files["list"]))
    assert done.returncode == 1
    assert "absent.json: cannot open: No such file or directory" in done.stderr
    assert len(lines(done.stdout)) == 2


def test_compare_adds_oonis_verdict_and_agreement(files, tmp_path):
    disputed = build(url="http://disputed.example/")
    disputed["measurement_uid"] = "uid-disputed"
    disputed["test_keys"].update(blocking="http-diff", accessible=False)
    agreed = build(url="http://agreed.example/")
    agreed["measurement_uid"] = "uid-agreed"
    agreed["test_keys"].update(blocking=False, accessible=True)
    path = tmp_path / "compare.jsonl"
    path.write_text(json.dumps(disputed) + "\n" + json.dumps(agreed) + "\n")
    done = verdict("--compare", str(path))
    assert done.returncode == 0
    rows = {r["measurement_uid"]: r for r in lines(done.stdout)}
    assert rows["uid-disputed"]["ooni_blocking"] == "http-diff"
    assert rows["uid-disputed"]["agrees"] is False
    assert rows["uid-agreed"]["agrees"] is True
    assert "agree with OONI on 1 of 2" in done.stderr
    plain = lines(verdict(str(path)).stdout)[0]
    assert "agrees" not in plain and "ooni_blocking" not in plain


def test_reads_gzip_from_stdin(files):
    done = verdict("-", stdin=files["gz"].read_bytes())
    assert done.returncode == 0, done.stderr
    assert [r["measurement_uid"] for r in lines(done.stdout)] == ["uid-blocked"]


def test_help_states_the_exit_status():
    done = verdict("--help")
    assert done.returncode == 0
    assert "Exit status: 0 when every file and line was read; 1 when" in " ".join(
        done.stdout.split()
    )
