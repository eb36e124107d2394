"""How fast `drm-observatory probe` measures URLs against the censorship lab, and its peak memory.

    sudo .venv/bin/python bench/lab_bench.py [--urls 100] [--timeout 10] [--quick]

Builds a lab (root needed), then runs the real probe in the client namespace against the
lab's sites at concurrency 1, 8 and 32: once with nothing blocked, once with half of the sites
silently dropped at the censor (every step to them ends in a timeout). Prints a table of URLs
per minute and peak resident memory, and checks each run's verdicts so a fast wrong answer
does not pass for a fast one. Goals (issue 4): 100 URLs in under 30 s with nothing blocked
and under 60 s with half timing out. One URL at a time with half timing out would take many
minutes, so concurrency 1 measures a slice of the list and reports the rate.
"""

from __future__ import annotations

import argparse
import sys

from drm_observatory.lab import addresses as net
from drm_observatory.lab.censor import Policy
from drm_observatory.lab.network import Lab, availability
from drm_observatory.lab.probe import helper_arguments, run_probe

GOALS = {"nothing blocked": 30.0, "half time out": 60.0}


def run_case(lab: Lab, label: str, count: int, parallel: int, timeout: str) -> dict:
    numbers = list(range(1, count + 1))
    blocked = {net.site_address(n) for n in numbers if n % 2 == 0}
    lab.censor.apply(Policy(tcp_drop=blocked) if label == "half time out" else Policy())
    urls = [f"https://{net.site_host(n)}/" for n in numbers]
    run = run_probe(lab, urls, "--parallel", str(parallel), "--timeout", timeout, timeout=3600)
    lab.censor.clear()
    verdicts = [m["test_keys"]["blocking"] for m in run.measurements]
    expected_blocked = len(blocked) if label == "half time out" else 0
    correct = (
        run.returncode == 0
        and len(run.measurements) == count
        and verdicts.count("tcp_ip") == expected_blocked
        and verdicts.count(False) == count - expected_blocked
    )
    return {
        "case": label,
        "parallel": parallel,
        "urls": count,
        "seconds": run.seconds,
        "per_minute": count / run.seconds * 60,
        "per_100": run.seconds * 100 / count,
        "rss_mib": (run.peak_rss_kib or 0) / 1024,
        "correct": correct,
        "stderr": run.stderr if not correct else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=100, help="URLs per run (<= 200)")
    parser.add_argument("--timeout", default="10", help="the probe's per-step timeout, seconds")
    parser.add_argument(
        "--slice", type=int, default=10, help="URLs measured one at a time when half time out"
    )
    parser.add_argument("--quick", action="store_true", help="concurrency 32 only")
    args = parser.parse_args()
    available, reason = availability()
    if not available:
        print(f"lab benchmark skipped: {reason}")
        return 1
    concurrencies = [32] if args.quick else [1, 8, 32]
    rows = []
    with Lab(helper=helper_arguments) as lab:
        run_probe(lab, [f"https://{net.site_host(1)}/"])  # warm caches before timing
        for label in GOALS:
            for parallel in concurrencies:
                count = args.urls
                if parallel == 1 and label == "half time out":
                    count = min(args.slice, args.urls)
                rows.append(run_case(lab, label, count, parallel, args.timeout))
                print(f"  measured {label}, concurrency {parallel}", file=sys.stderr, flush=True)
    header = (
        f"{'case':<16} {'conc':>4} {'URLs':>5} {'seconds':>8} {'URLs/min':>9} "
        f"{'s per 100':>9} {'peak MiB':>8}  verdicts"
    )
    print(f"\nProbe against the censorship lab (per-step timeout {args.timeout} s)\n")
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['case']:<16} {row['parallel']:>4} {row['urls']:>5} {row['seconds']:>8.1f} "
            f"{row['per_minute']:>9.0f} {row['per_100']:>9.1f} {row['rss_mib']:>8.1f}  "
            f"{'as expected' if row['correct'] else 'WRONG'}"
        )
    print()
    for label, goal in GOALS.items():
        best = min(
            (row for row in rows if row["case"] == label and row["urls"] >= 100),
            key=lambda row: row["seconds"],
            default=None,
        )
        if best:
            verdict = "met" if best["seconds"] < goal else "MISSED"
            print(
                f"goal {label}: 100 URLs under {goal:.0f} s -> {best['seconds']:.1f} s at "
                f"concurrency {best['parallel']}: {verdict}"
            )
    for row in rows:
        if row["stderr"]:
            print(f"\n{row['case']} at {row['parallel']}: {row['stderr'][-1500:]}")
    return 0 if all(row["correct"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
