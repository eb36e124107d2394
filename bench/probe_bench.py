"""Benchmark the probe on loopback: URLs measured per minute at concurrency 1, 8, 16 and 32.

    .venv/bin/python bench/probe_bench.py [--urls 100] [--timeout 10]

Starts the loopback world (drm_observatory.testing.world: DNS, HTTPS sites, a control
helper, a middlebox that stalls connections) in this process, then runs `drm-observatory probe` as a
subprocess for each case; the child reports its own peak RSS (testing/peak.py). Cases:
  ok    N URLs, nothing blocked;
  half  N URLs, half of them stalled by the middlebox (each costs one --timeout).
At concurrency 1 the half case measures N/10 URLs (a stalled URL costs a full timeout there)
and reports the rate. Goals (issue 4): 100 URLs < 30 s (ok) and < 60 s (half) at the default
concurrency. The censorship-lab variant (namespaces, kernel censor) is bench/lab_bench.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drm_observatory.testing.peak import WRAPPER, split_peak
from drm_observatory.testing.world import LoopbackWorld

ROOT = Path(__file__).resolve().parent.parent


def run_case(world: LoopbackWorld, urls: list[str], parallel: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        cmd = [
            *(sys.executable, "-c", WRAPPER, "probe", "--input", str(Path(tmp) / "urls")),
            *("--output", str(out), "--parallel", str(parallel)),
            *world.probe_flags(timeout=timeout),
        ]
        (Path(tmp) / "urls").write_text("\n".join(urls) + "\n")
        started = time.monotonic()
        done = subprocess.run(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True, check=False)
        elapsed = time.monotonic() - started
        results = [json.loads(line) for line in out.read_text().splitlines()]
        peak_kib, _ = split_peak(done.stderr)
    blocked = sum(1 for m in results if m["test_keys"]["blocking"] not in (False, None))
    return {
        "urls": len(urls),
        "measured": len(results),
        "blocked": blocked,
        "seconds": elapsed,
        "per_minute": len(results) / elapsed * 60,
        "peak_mib": (peak_kib or 0) / 1024,
        "exit": done.returncode,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--concurrency", default="1,8,16,32")
    args = parser.parse_args()
    world = LoopbackWorld()
    try:
        for i in range(args.urls):
            world.censored.set(f"h{i}.bench.test", ["127.0.0.8"])  # the stalling middlebox
        ok = [world.https.url(f"u{i}.bench.test") for i in range(args.urls)]
        half = [
            world.https.url(f"h{i}.bench.test" if i % 2 else f"u{i}.bench.test")
            for i in range(args.urls)
        ]
        print(f"probe benchmark, loopback, --timeout {args.timeout:g} s")
        print(
            f"{'case':6} {'conc':>4} {'urls':>5} {'blocked':>7} {'seconds':>8} "
            f"{'URLs/min':>9} {'peak MiB':>9}"
        )
        for parallel in (int(c) for c in args.concurrency.split(",")):
            for case, urls in (("ok", ok), ("half", half)):
                if case == "half" and parallel == 1:
                    urls = urls[: max(2, args.urls // 10)]
                r = run_case(world, urls, parallel, args.timeout)
                flag = "" if r["exit"] == 0 and r["measured"] == r["urls"] else "  (incomplete)"
                print(
                    f"{case:6} {parallel:>4} {r['urls']:>5} {r['blocked']:>7} "
                    f"{r['seconds']:>8.1f} {r['per_minute']:>9.0f} {r['peak_mib']:>9.1f}{flag}",
                    flush=True,
                )
    finally:
        world.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
