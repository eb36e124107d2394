"""How fast the verdict runs over many real measurements, with OONI's full fingerprint database.

    .venv/bin/python bench/verdict_throughput.py [--count 100000] [--oonidata VENV/bin/python]

The real Web Connectivity measurements in ../shared/data/ooni are repeated as JSON lines to
`--count` (never written to disk: a stream repeats them) and read by the same reader and
`decide()` the `verdict` command uses, block pages looked up in OONI's whole database. Beside it:
`json.loads` of the same bytes (the floor any reader pays), taking turns with the verdict every
250 lines in the same process so that both meet the same load, and, with `--oonidata`, OONI's
own pure-Python analysis (oonidata 0.2.3 in its own virtual environment: observations of each
measurement with its fingerprint database; bench/oonidata_rate.py). Memory: each run is its own
process; peak RSS at a quarter of the count and at the full count shows whether it stays flat.
Rates are per second of the process's own CPU time, not of the wall clock: on a machine shared
with other work the wall clock counts their time too. Figures on a busy machine are comparable
only within one run (other processes still share the caches and memory bandwidth): the ratios
are what counts.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from drm_observatory.analysis import fingerprints, ooni_io
from drm_observatory.analysis.verdict import decide

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ooni"


def real_lines(data: Path) -> list[bytes]:
    """Each real Web Connectivity measurement (with test_keys) in the data, as one JSON line."""
    out = []
    for path in sorted(p for p in data.rglob("*") if p.suffix in (".json", ".jsonc")):
        for item in ooni_io.read_path(path):
            if (
                isinstance(item, ooni_io.Item)
                and item.shape != ooni_io.METADATA
                and item.measurement.get("test_name") == "web_connectivity"
            ):
                out.append(json.dumps(item.measurement).encode() + b"\n")
    return out


class Repeated(io.RawIOBase):
    """A read-only stream of `lines` repeated until `count` lines were given."""

    def __init__(self, lines: list[bytes], count: int) -> None:
        self.lines, self.count, self.given = lines, count, 0
        self.pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.pending:
            if self.given >= self.count:
                return 0
            self.pending = memoryview(self.lines[self.given % len(self.lines)])
            self.given += 1
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


# Lines per turn: json.loads and the verdict take turns over the same stream, so both see the
# same load from whatever else runs on the machine.
TURN = 250


def child(count: int, data: Path) -> dict:
    lines = real_lines(data)
    database = fingerprints.load(data / "blocking-fingerprints")
    raw = io.BufferedReader(Repeated(lines, count), 1 << 20)
    judged = ooni_io.read_stream(io.BufferedReader(Repeated(lines, count), 1 << 20), "<repeated>")
    seconds = {"json": 0.0, "decide": 0.0}
    done = 0
    while done < count:
        turn = min(TURN, count - done)
        start = time.process_time()
        for line in itertools.islice(raw, turn):
            json.loads(line)
        middle = time.process_time()
        for item in itertools.islice(judged, turn):
            if isinstance(item, ooni_io.Item):
                decide(item.measurement, database=database)
        seconds["json"] += middle - start
        seconds["decide"] += time.process_time() - middle
        done += turn
    bytes_per_line = sum(map(len, lines)) / len(lines)
    return {
        "count": done,
        "rate": {mode: done / s for mode, s in seconds.items()},
        "mb_per_s": {mode: done * bytes_per_line / s / 1e6 for mode, s in seconds.items()},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "distinct": len(lines),
        "fingerprints": len(database),
    }


def run_child(count: int, data: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--count", str(count), "--data", str(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--oonidata", metavar="PYTHON", help="python of a venv with oonidata")
    parser.add_argument("--oonidata-count", type=int, default=2000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.data / "blocking-fingerprints").is_dir():
        print(f"no OONI data with its fingerprint database at {args.data}", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(child(args.count, args.data)))
        return 0
    quarter = run_child(args.count // 4, args.data)
    full = run_child(args.count, args.data)
    ours, loads = full["rate"]["decide"], full["rate"]["json"]
    print(
        f"{full['distinct']} real measurements repeated to {args.count:,}; "
        f"{full['fingerprints']} fingerprints (OONI's database) on"
    )
    print(f"json.loads of the same lines: {loads:9.0f} /s ({full['mb_per_s']['json']:.0f} MB/s)")
    print(f"read + decide (verdict):      {ours:9.0f} /s = {ours / loads:.0%} of json.loads")
    print(
        f"peak RSS: {quarter['peak_rss_mb']:.0f} MB at {quarter['count']:,}, "
        f"{full['peak_rss_mb']:.0f} MB at {full['count']:,} measurements"
    )
    if args.oonidata:
        done = subprocess.run(
            [
                args.oonidata,
                str(ROOT / "bench" / "oonidata_rate.py"),
                "--count",
                str(args.oonidata_count),
                "--data",
                str(args.data),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        theirs = json.loads(done.stdout)
        print(
            f"oonidata {theirs['version']} observations: {theirs['rate']:9.0f} /s "
            f"(ours is {ours / theirs['rate']:.0f} times that)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
