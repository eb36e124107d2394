"""Does a change to the reader or the verdict keep every verdict the same? New code against old.

    .venv/bin/python bench/verdict_same.py --baseline /work/main [--mutations 6000]

Speed work on the verdict must not change one: this script judges the same inputs with this
checkout's code and with the baseline checkout's (its .venv's python runs this very file, so
both judge identical inputs) and lists every difference, explanation included. The inputs: the
real Web Connectivity measurements in ../shared/data/ooni, judged with and without the stored
comparison keys, with OONI's fingerprint database on; then `--mutations` seeded mutations of
them (values changed, removed, set to odd types, fingerprint text and odd characters put into
bodies and headers), each judged both ways, and every tenth line damaged (cut short, bytes
flipped) and read through the reader, so its error messages are compared too. Exit status 1
when anything differs.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from drm_observatory.analysis import fingerprints, ooni_io
from drm_observatory.analysis.verdict import decide

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ooni"

# Values a mutation puts in place of another: odd types, odd text, fingerprints' own text.
ODD_VALUES: list[Any] = [
    None,
    0,
    -1,
    200,
    403,
    1.5,
    "",
    "x",
    [],
    {},
    True,
    "\ufffd",
    "caf\u00e9",
    "\ud800",
    "generic_timeout_error",
    "connection_reset",
    "dns_nxdomain_error",
    "10.10.34.34",
    "127.0.0.1",
    "<title>Access Denied</title>",
]


def real_measurements(data: Path) -> list[dict]:
    """Each real Web Connectivity measurement (with test_keys) in the data."""
    out = []
    for path in sorted(p for p in data.rglob("*") if p.suffix in (".json", ".jsonc")):
        for item in ooni_io.read_path(path):
            if (
                isinstance(item, ooni_io.Item)
                and item.shape != ooni_io.METADATA
                and item.measurement.get("test_name") == "web_connectivity"
            ):
                out.append(item.measurement)
    return out


def _places(value: Any, path: tuple = ()) -> Iterator[tuple]:
    """The path of every value inside a measurement's test_keys."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _places(inner, (*path, index))


def mutate(measurement: dict, rng: random.Random, patterns: list[str]) -> dict:
    """A copy of `measurement` with one to three places of its test_keys changed."""
    out = copy.deepcopy(measurement)
    keys = out.get("test_keys")
    if not isinstance(keys, dict):
        return out
    for _ in range(rng.randint(1, 3)):
        places = [p for p in _places(keys) if p]
        if not places:
            break
        path = rng.choice(places)
        parent = keys
        for step in path[:-1]:
            parent = parent[step]
        old = parent[path[-1]]
        action = rng.random()
        if action < 0.15 and isinstance(parent, dict):
            del parent[path[-1]]
        elif action < 0.45 and isinstance(old, str):
            cut = rng.randint(0, len(old))
            insert = rng.choice([*patterns, "\ufffd", "\u00e9", "\ud83d\ude00", "<title>"])
            parent[path[-1]] = old[:cut] + insert + old[cut:]
        else:
            parent[path[-1]] = rng.choice(ODD_VALUES)
    return out


def damaged(line: bytes, rng: random.Random) -> bytes:
    """The line cut short, or with a few bytes flipped."""
    if rng.random() < 0.5:
        return line[: rng.randint(0, len(line))]
    data = bytearray(line)
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def digest(verdict: Any) -> str:
    return json.dumps(asdict(verdict), sort_keys=True, default=repr)


def results(data: Path, mutations: int, seed: int) -> Iterator[str]:
    """One line per judgement: where it came from, then the verdict in full."""
    database = fingerprints.load(data / "blocking-fingerprints")
    real = real_measurements(data)
    patterns = [fp.pattern for fp in database.fingerprints if fp.pattern_type != "regexp"]
    for number, measurement in enumerate(real):
        for trust in (True, False):
            yield f"real {number} {trust} " + digest(
                decide(measurement, trust_carried=trust, database=database)
            )
    rng = random.Random(seed)
    for number in range(mutations):
        measurement = mutate(rng.choice(real), rng, patterns)
        if number % 10 == 0:
            line = json.dumps(measurement).encode("utf-8", "surrogatepass")
            for item in ooni_io.read_bytes(damaged(line, rng), "<damaged>"):
                text = (
                    digest(decide(item.measurement, database=database))
                    if isinstance(item, ooni_io.Item)
                    else str(item)
                )
                yield f"damaged {number} {text}"
            continue
        for trust in (True, False):
            yield f"mutation {number} {trust} " + digest(
                decide(measurement, trust_carried=trust, database=database)
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="a checkout with its .venv (e.g. main's)")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--mutations", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.data / "blocking-fingerprints").is_dir():
        print(f"no OONI data with its fingerprint database at {args.data}", file=sys.stderr)
        return 2
    if args.dump:
        for line in results(args.data, args.mutations, args.seed):
            print(line)
        return 0
    if args.baseline is None:
        parser.error("--baseline CHECKOUT is needed (the code to compare against)")
    command = ["--dump", "--data", str(args.data), "--mutations", str(args.mutations)]
    command += ["--seed", str(args.seed)]
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"}
    ours, theirs = (
        subprocess.run(
            [str(python), __file__, *command],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        ).stdout.splitlines()
        for python in (Path(sys.executable), args.baseline / ".venv" / "bin" / "python")
    )
    differences = [(a, b) for a, b in zip(ours, theirs, strict=False) if a != b]
    if len(ours) != len(theirs):
        differences.append((f"{len(ours)} judgements", f"{len(theirs)} judgements"))
    for a, b in differences[:20]:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), 0)
        start = max(0, at - 150)
        print(f"{a[: a.find(' {')]}, from character {at}:")
        print(f"  ours:     ...{a[start : at + 250]}\n  baseline: ...{b[start : at + 250]}\n")
    total = hashlib.sha256("\n".join(ours).encode()).hexdigest()[:16]
    print(
        f"{len(ours):,} judgements ({args.mutations:,} mutations, seed {args.seed}); "
        f"{len(differences)} differ from {args.baseline} (ours sha256 {total})"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
