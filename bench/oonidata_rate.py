"""OONI's own pure-Python analysis over the same real measurements, for bench/verdict_throughput.py.

Runs with the python of a separate virtual environment holding oonidata 0.2.3 (the last PyPI
release with the analysis), never the project's:

    python3 -m venv /tmp/oonidata && /tmp/oonidata/bin/pip install oonidata==0.2.3
    /tmp/oonidata/bin/python bench/oonidata_rate.py --count 2000

For each measurement: `load_measurement` and `make_web_connectivity_observations` (DNS, TCP, TLS
and HTTP observations, with OONI's fingerprint database from the data folder). The IP-to-ASN
database oonidata downloads is replaced by one that knows no address (no network here), which
only makes oonidata faster. The rate is per second of the process's CPU time, as the
throughput benchmark counts its own. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import time
from importlib import metadata
from pathlib import Path

from oonidata.dataformat import load_measurement
from oonidata.fingerprintdb import FingerprintDB
from oonidata.netinfo import ASInfo, IPInfo, NetinfoDB
from oonidata.observations import make_web_connectivity_observations

UNKNOWN = IPInfo(ASInfo(asn=0, as_org_name="", as_cc="", as_name=""), cc="ZZ")


class NoNetinfo(NetinfoDB):
    def __init__(self) -> None:  # no datadir, no downloads
        pass

    def lookup_ip(self, day, ip):
        return UNKNOWN

    def lookup_asn(self, day, asn):
        return UNKNOWN.as_info


def measurements(data: Path) -> list[dict]:
    out = []
    for path in sorted(data.rglob("*.json")):
        try:
            value = json.loads(path.read_text())
        except ValueError:
            continue
        for m in value if isinstance(value, list) else [value]:
            if (
                isinstance(m, dict)
                and m.get("test_name") == "web_connectivity"
                and isinstance(m.get("test_keys"), dict)
            ):
                # oonidata keys every observation by measurement_uid; files from OONI's test
                # suites often have none.
                m.setdefault("measurement_uid", f"bench_{len(out)}")
                m.setdefault("annotations", {})
                out.append(m)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--data", type=Path, required=True)
    args = parser.parse_args()
    found = measurements(args.data)
    fingerprintdb = FingerprintDB(datadir=args.data)
    netinfodb = NoNetinfo()
    failures = done = 0
    start = time.process_time()
    for i in range(args.count):
        try:
            msmt = load_measurement(json.loads(json.dumps(found[i % len(found)])))
            make_web_connectivity_observations(msmt, fingerprintdb, netinfodb)
        except Exception:  # noqa: BLE001 - count what oonidata cannot read, as it would skip it
            failures += 1
        done += 1
    seconds = time.process_time() - start
    print(
        json.dumps(
            {
                "version": metadata.version("oonidata"),
                "count": done,
                "failures": failures,
                "rate": done / seconds,
                "distinct": len(found),
            }
        )
    )


if __name__ == "__main__":
    main()
