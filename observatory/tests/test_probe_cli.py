# ruff: noqa: F811 - pytest fixtures imported from the testing toolkit are used as arguments
"""`drm-observatory probe` as an operator runs it: JSON lines out, Ctrl-C leaves whole lines,
--resume measures only what is missing, --every keeps going."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

from drm_observatory.probe.runner import OutputFile, RunState, parse_duration
from drm_observatory.testing.fixtures import (  # noqa: F401
    interruptible,
    lines,
    loopback_world,
    wait_for,
)


def probe(world, *args: str) -> list[str]:
    return [sys.executable, "-m", "drm_observatory", "probe", *args, *world.probe_flags()]


def test_stdout_gets_one_json_line_per_url(loopback_world):
    world = loopback_world
    urls = [world.url("ok.test"), world.url("reset.test")]
    done = subprocess.run(probe(world, *urls), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    got = {
        m["input"]: m["test_keys"]["blocking"] for m in map(json.loads, done.stdout.splitlines())
    }
    assert got == {urls[0]: False, urls[1]: "http-failure"}
    assert "blocking=http-failure" in done.stderr


def test_interrupt_then_resume_measures_each_url_once(loopback_world, tmp_path):
    world = loopback_world
    names = ["ok.test", "hang.test", "hang.test", "plain.test", "dnsblock.test", "hang.test"]
    urls = [world.url(n, f"/{i}") for i, n in enumerate(names)]
    (tmp_path / "urls.txt").write_text("# watch list\n" + "\n".join(urls) + "\n")
    out = tmp_path / "out.jsonl"
    cmd = probe(
        world, "--input", str(tmp_path / "urls.txt"), "--output", str(out), "--parallel", "1"
    )
    process = interruptible(cmd, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: out.exists() and out.read_text().count("\n") >= 1)
    process.send_signal(signal.SIGINT)
    assert process.wait(30) == 130
    assert "--resume continues the run" in process.stderr.read()
    first = lines(out)  # every line parses: no partial line was left
    assert 1 <= len(first) < len(urls)
    state = RunState.load(RunState.path_for(out))
    assert state is not None and not state.complete and state.inputs == urls

    done = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"resuming run {state.report_id}: {len(first)} done" in done.stderr
    every = lines(out)
    assert sorted(m["input"] for m in every) == sorted(urls)
    assert {m["report_id"] for m in every} == {state.report_id}
    assert RunState.load(RunState.path_for(out)).complete


def test_a_partial_last_line_is_cut_on_reopen(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"input": "a", "report_id": "r"}\n{"input": "b", "rep')
    output = OutputFile(path)
    output.write({"input": "c", "report_id": "r"})
    output.close()
    assert [m["input"] for m in lines(path)] == ["a", "c"]
    assert OutputFile(path).measured("r") == {"a", "c"}


def test_every_keeps_measuring_in_new_runs(loopback_world, tmp_path):
    world = loopback_world
    out = tmp_path / "out.jsonl"
    process = interruptible(
        probe(world, world.url("ok.test"), "--output", str(out), "--every", "1s"),
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: out.exists() and out.read_text().count("\n") >= 2)
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(30) == 130
    runs = [m["report_id"] for m in lines(out)]
    assert len(set(runs)) == len(runs) >= 2


def test_bad_arguments_fail_before_measuring(loopback_world, tmp_path):
    world = loopback_world
    cases = [
        (["--every", "soon", world.url("ok.test")], "bad duration"),
        (["--resolver", "ftp://x", world.url("ok.test")], "udp://"),
        ([], "no URLs"),
        (["--resume", world.url("ok.test")], "--resume needs --output"),
        (["--ingest", "http://127.0.0.1:9/", world.url("ok.test")], "--ingest needs --spool"),
        (["--asn-file", str(tmp_path / "missing"), world.url("ok.test")], "missing"),
    ]
    for args, message in cases:
        done = subprocess.run(
            [sys.executable, "-m", "drm_observatory", "probe", *args],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 2 and message in done.stderr, (args, done.stderr)


def test_durations():
    assert [parse_duration(t) for t in ("90", "30s", "15m", "1h30m")] == [90, 30, 900, 5400]
