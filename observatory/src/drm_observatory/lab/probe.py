"""Run the real `drm-observatory probe` inside the lab's client namespace, and the helper outside.

The probe is started exactly as an operator starts it at a vantage point, only inside the
client namespace, told to trust the lab's CA and to use the lab's resolver; its JSON lines
are read back for the tests and the benchmark.
"""

from __future__ import annotations

import json
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from drm_observatory.lab import addresses as net
from drm_observatory.lab.network import Lab
from drm_observatory.testing.peak import WRAPPER, split_peak

HELPER_TOKEN = secrets.token_hex(16)


def helper_url() -> str:
    return f"http://{net.HELPER}:{net.HELPER_PORT}/api/v1/control"


def second_resolver_url() -> str:
    """DNS over HTTPS to the lab's resolver: port 443, which the DNS censor does not touch."""
    return f"https://{net.RESOLVER}/dns-query"


def helper_arguments(lab: Lab) -> list[str]:
    """The control helper's arguments (after the interpreter) for a lab: `Lab(helper=...)`."""
    tokens = lab.workdir / "helper-tokens"
    tokens.write_text(f"lab {HELPER_TOKEN}\n")
    return [
        *("-m", "drm_observatory", "helper", "--listen", f"{net.HELPER}:{net.HELPER_PORT}"),
        *("--tokens", str(tokens), "--ca-file", str(lab.ca_file), "--allow-private"),
        # The benchmark asks hundreds of controls a minute from one token.
        *("--rate", "10000", "--burst", "10000"),
    ]


@dataclass
class ProbeRun:
    """One run of the probe: its measurements, exit status, output and wall time."""

    measurements: list[dict]
    returncode: int
    stderr: str
    seconds: float
    peak_rss_kib: int | None

    def by_input(self) -> dict[str, dict]:
        return {m["input"]: m for m in self.measurements}


def run_probe(
    lab: Lab,
    urls: list[str],
    *extra: str,
    timeout: float = 300,
    output: Path | None = None,
) -> ProbeRun:
    """Measure `urls` from the client namespace with the lab's resolver, CA and helper."""
    output = output or lab.workdir / f"probe-{time.monotonic_ns()}.jsonl"
    command = [
        sys.executable,
        "-c",
        WRAPPER,
        "probe",
        *urls,
        "--resolver",
        second_resolver_url(),
        "--ca-file",
        str(lab.ca_file),
        "--control",
        helper_url(),
        "--control-token",
        HELPER_TOKEN,
        "--output",
        str(output),
        *extra,
    ]
    started = time.monotonic()
    finished = lab.run(lab.client, *command, timeout=timeout)
    seconds = time.monotonic() - started
    peak, stderr = split_peak(finished.stderr)
    measurements = []
    if output.exists():
        measurements = [json.loads(line) for line in output.read_text().splitlines() if line]
    return ProbeRun(measurements, finished.returncode, stderr, seconds, peak)
