# ruff: noqa: F811 - pytest fixtures imported from the lab are used as arguments
"""The real `drm-observatory probe`, run in the lab's client namespace, names each censor's method.

The censor is set to every scenario at once, each aimed at its own site, and the probe
measures all the sites in one run as an operator would run it: so each scenario also shows
that the censor's rules for one site leave the others alone.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field

import pytest

from drm_observatory.lab import addresses as net
from drm_observatory.lab.censor import Policy
from drm_observatory.lab.fixtures import censorship_lab  # noqa: F401
from drm_observatory.lab.network import Lab
from drm_observatory.lab.probe import ProbeRun, run_probe
from drm_observatory.lab.schema import problems

pytestmark = pytest.mark.lab
STEP_TIMEOUT = "3"
THROTTLE_KBIT = 2000
ASSET = "/bytes/300000"


@dataclass(frozen=True)
class Scenario:
    name: str
    url: str
    policy: dict = field(default_factory=dict)
    blocking: object = False
    accessible: bool | None = True
    failure: str | None = None  # the http_experiment_failure the probe must report


def https(number: int) -> str:
    return f"https://{net.site_host(number)}/"


def http(number: int) -> str:
    return f"http://{net.site_host(number)}/"


SCENARIOS = [
    Scenario("ok-https", https(101)),
    Scenario("ok-http", http(102)),
    Scenario(
        "dns-nxdomain",
        https(103),
        {"dns_nxdomain": {net.site_host(103)}},
        "dns",
        False,
        "dns_nxdomain_error",
    ),
    Scenario(
        "dns-loopback",
        https(104),
        {"dns_inject": {net.site_host(104): "127.0.0.1"}},
        "dns",
        False,
    ),
    Scenario(
        "dns-bogus-address",
        https(105),
        {"dns_inject": {net.site_host(105): "10.200.11.66"}},
        "dns",
        False,
    ),
    Scenario(
        "dns-racing-injection",
        https(115),
        {"dns_race": {net.site_host(115): "10.200.11.66"}},
        "dns",
        False,
    ),
    Scenario("dns-no-answer", https(106), {"dns_drop": {net.site_host(106)}}, "dns", False),
    Scenario(
        "tcp-reset",
        https(107),
        {"tcp_reset": {net.site_address(107)}},
        "tcp_ip",
        False,
        "connection_refused",
    ),
    Scenario(
        "tcp-drop",
        https(108),
        {"tcp_drop": {net.site_address(108)}},
        "tcp_ip",
        False,
        "generic_timeout_error",
    ),
    Scenario(
        "tls-reset-on-sni",
        https(109),
        {"tls_reset": {net.site_host(109)}},
        "http-failure",
        False,
        "connection_reset",
    ),
    Scenario(
        "tls-drop-on-sni",
        https(110),
        {"tls_drop": {net.site_host(110)}},
        "http-failure",
        False,
        "generic_timeout_error",
    ),
    Scenario(
        "http-block-page",
        http(111),
        {"http_blockpage": {net.site_host(111)}},
        "http-diff",
        False,
    ),
    Scenario(
        "http-reset",
        http(112),
        {"http_reset": {net.site_host(112)}},
        "http-failure",
        False,
        "connection_reset",
    ),
    Scenario("server-down", f"https://{net.DOWN_HOST}/", {}, False, False, "connection_refused"),
]
THROTTLE_ASSETS = {
    net.site_host(113): f"https://{net.site_host(113)}{ASSET}",
    net.site_host(114): f"https://{net.site_host(114)}{ASSET}",
}


def combined_policy() -> Policy:
    merged: dict = {}
    for scenario in SCENARIOS:
        for key, value in scenario.policy.items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            else:
                merged.setdefault(key, set()).update(value)
    return Policy(**merged)


@pytest.fixture(scope="module")
def probe_run(censorship_lab: Lab) -> ProbeRun:
    censorship_lab.censor.apply(combined_policy())
    try:
        run = run_probe(
            censorship_lab,
            [scenario.url for scenario in SCENARIOS],
            "--timeout",
            STEP_TIMEOUT,
            "--parallel",
            "16",
        )
    finally:
        censorship_lab.censor.clear()
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture(scope="module")
def throttle_run(censorship_lab: Lab) -> ProbeRun:
    """A run of its own: throughput is compared with the control's, so nothing else may
    compete for the probe's time or put the middlebox's relay on one path only."""
    assets = censorship_lab.workdir / "throttle-assets.json"
    assets.write_text(json.dumps(THROTTLE_ASSETS))
    censorship_lab.censor.apply(Policy(throttle_kbit={net.site_address(113): THROTTLE_KBIT}))
    try:
        run = run_probe(
            censorship_lab,
            [https(113), https(114)],
            "--timeout",
            STEP_TIMEOUT,
            "--throttle-assets",
            str(assets),
        )
    finally:
        censorship_lab.censor.clear()
    assert run.returncode == 0, run.stderr
    return run


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_probe_verdict_names_the_censors_method(probe_run, scenario):
    measurement = probe_run.by_input()[scenario.url]
    keys = measurement["test_keys"]
    assert (keys["blocking"], keys["accessible"]) == (scenario.blocking, scenario.accessible), (
        keys.get("x_drm_explanation")
    )
    if scenario.failure:
        assert keys["http_experiment_failure"] == scenario.failure
    if scenario.name.startswith("dns-"):
        assert keys["dns_consistency"] == "inconsistent"
    if scenario.blocking in ("tcp_ip", "http-failure", "http-diff") or scenario.accessible:
        assert keys["dns_consistency"] == "consistent"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_measurement_has_the_web_connectivity_structure(probe_run, scenario):
    measurement = probe_run.by_input()[scenario.url]
    assert problems(measurement) == []
    assert measurement["test_keys"]["control_failure"] is None  # the helper was reachable


def test_throttling_is_flagged_only_where_the_censor_throttles(throttle_run):
    measured = throttle_run.by_input()
    for url in (https(113), https(114)):
        keys = measured[url]["test_keys"]
        assert (keys["blocking"], keys["accessible"]) == (False, True)  # slow is not blocked
        assert problems(measured[url]) == []
    throttled = measured[https(113)]["test_keys"]["x_drm"]["throttling"]
    unthrottled = measured[https(114)]["test_keys"]["x_drm"]["throttling"]
    assert throttled["throttled"] is True, throttled["explanation"]
    assert unthrottled["throttled"] is False, unthrottled["explanation"]


def test_second_resolver_sees_past_the_dns_censor(probe_run):
    keys = probe_run.by_input()[https(103)]["test_keys"]
    assert keys["dns_experiment_failure"] == "dns_nxdomain_error"
    assert keys["x_drm_second_resolver"]["addrs"] == [net.site_address(103)]


def test_verdict_command_reaches_the_probes_verdicts_from_its_output(censorship_lab, probe_run):
    output = censorship_lab.workdir / "verdict-input.jsonl"
    output.write_text("".join(json.dumps(m) + "\n" for m in probe_run.measurements))
    judged = censorship_lab.run(
        censorship_lab.client, sys.executable, "-m", "drm_observatory", "verdict", str(output)
    )
    assert judged.returncode == 0, judged.stderr
    verdicts = {line["input"]: line for line in map(json.loads, judged.stdout.splitlines())}
    for measurement in probe_run.measurements:
        keys = measurement["test_keys"]
        again = verdicts[measurement["input"]]
        assert (again["blocking"], again["accessible"]) == (keys["blocking"], keys["accessible"])


BROKEN = ["garbage", "bad-status", "truncated", "bad-chunked", "header-flood", "redirect-loop"]


def test_a_broken_server_is_reported_down_never_censored(censorship_lab):
    urls = [
        f"{scheme}://{net.site_host(160)}/lab/{path}"
        for scheme in ("http", "https")
        for path in BROKEN
    ]
    run = run_probe(censorship_lab, urls, "--timeout", STEP_TIMEOUT)
    assert run.returncode == 0, run.stderr
    measured = run.by_input()
    assert set(measured) == set(urls)
    for url, measurement in measured.items():
        keys = measurement["test_keys"]
        assert problems(measurement) == [], url
        assert keys["http_experiment_failure"], url  # a recorded failure, not a crash
        assert (keys["blocking"], keys["accessible"]) == (False, False), url
