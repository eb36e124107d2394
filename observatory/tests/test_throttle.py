# ruff: noqa: F811 - pytest fixtures imported from the testing toolkit are used as arguments
"""Throttling: a consistent throughput shortfall against the control is flagged; a fast or
inconsistent one is not; missing evidence decides nothing."""

from __future__ import annotations

from drm_observatory.probe import http
from drm_observatory.probe.throttle import judge, summarise
from drm_observatory.testing.fixtures import loopback_world  # noqa: F401
from drm_observatory.testing.world import THROTTLED_PACE
from tests.test_probe import run


def samples(*rates: float) -> list[dict]:
    return [{"bytes_per_second": r, "ttfb": 0.05, "bytes": 1000, "failure": None} for r in rates]


def test_consistent_shortfall_is_throttling():
    verdict = judge(samples(90_000, 110_000, 100_000), samples(4e6, 5e6, 6e6))
    assert verdict["throttled"] is True
    assert verdict["ratio"] == 0.02
    assert "all 3 downloads ran below 25%" in verdict["explanation"]


def test_one_normal_sample_is_not_a_pattern():
    verdict = judge(samples(90_000, 4e6, 100_000), samples(4e6, 5e6, 6e6))
    assert verdict["throttled"] is False
    assert "1 of 3 downloads reached 25%" in verdict["explanation"]


def test_without_enough_evidence_nothing_is_decided():
    assert judge(samples(1, 1, 1), [])["throttled"] is None
    no_data = [{"bytes_per_second": 0.0, "ttfb": None, "bytes": 0, "failure": "connection_reset"}]
    verdict = judge(samples(100) + no_data * 2, samples(4e6, 5e6, 6e6))
    assert verdict["throttled"] is None and "only 1 of 3" in verdict["explanation"]


def test_probe_flags_the_throttled_platform_and_not_the_fast_one(loopback_world):
    world = loopback_world
    slow, fast = world.url("throttled.test"), world.url("fast.test")
    results = run([slow, fast], world.config())
    slow_keys, fast_keys = results[slow]["test_keys"], results[fast]["test_keys"]
    throughput = slow_keys["x_drm_throughput"]
    assert throughput["throttled"] is True
    assert len(throughput["probe"]) == len(throughput["control"]) == 3
    assert all(s["bytes_per_second"] < 2 * THROTTLED_PACE for s in throughput["probe"])
    assert all(s["ttfb"] is not None for s in throughput["probe"])
    assert slow_keys["x_drm"]["throttling"]["throttled"] is True
    assert "throttled" in slow_keys["x_drm_explanation"]
    # Throttling is our finding; OONI's verdict pair still says the page loads.
    assert (slow_keys["blocking"], slow_keys["accessible"]) == (False, True)
    assert fast_keys["x_drm_throughput"]["throttled"] is False
    assert "throttled" not in fast_keys["x_drm_explanation"]


def test_a_fast_download_is_never_throttling_however_fast_the_control_was():
    verdict = judge(samples(16e6, 15e6, 17e6), samples(600e6, 625e6, 650e6))
    assert verdict["throttled"] is False


def test_downloads_that_time_out_count_as_throttled_not_as_missing():
    """64 kbit/s with a 3 s timeout: each download times out before its first byte. Dropping
    those samples left nothing to judge ("only 0 of 3"); they are the slowest samples of all."""
    exchange = http.Exchange("https://x.test/asset.js", "GET", [], t0=0.0)
    exchange.failure, exchange.t_connect, exchange.t_done = "generic_timeout_error", 0.2, 3.2
    timed_out = [summarise(exchange)] * 3
    verdict = judge(timed_out, samples(4e6, 5e6, 6e6))
    assert verdict["throttled"] is True
    assert "3 timed out" in verdict["explanation"]
    # A refused or reset download is blocking, not slowness: it still decides nothing here.
    exchange.failure = "connection_reset"
    assert judge([summarise(exchange)] * 3, samples(4e6, 5e6, 6e6))["throttled"] is None
