"""Throttling: download a known static asset and compare throughput with the control's.

OONI cannot see throttling (it only shows up as timeouts). A platform is flagged when every
sample the probe took ran below `ratio` of the control's median throughput: one slow sample is
noise, a consistent shortfall across samples is a pattern worth a journalist's attention.
"""

from __future__ import annotations

import statistics

from drm_observatory.probe import http

DEFAULT_RATIO = 0.25
# A download this fast is not throttled in any sense a reader feels, whatever the control saw:
# small assets over a fast path finish in microseconds, and their ratios are noise. Throttling
# as practised (Pakistan, 2024) held platforms to tens or hundreds of kbit/s.
DEFAULT_FLOOR_BPS = 1_000_000  # 8 Mbit/s


async def sample(
    url: str, dialer: http.Dialer, *, samples: int, seconds: float, max_bytes: int
) -> list[dict]:
    """Download `url` `samples` times (one after another, so samples do not compete)."""
    out = []
    for _ in range(samples):
        ex = await http.exchange(
            url,
            dialer,
            max_body=max_bytes,
            body_seconds=seconds,
            headers=[("Accept", "*/*"), ("Accept-Encoding", "identity"), http.BROWSER_HEADERS[2]],
        )
        out.append(summarise(ex))
    return out


def summarise(ex: http.Exchange) -> dict:
    received = ex.response.wire_bytes if ex.response else 0
    body_time = None
    if ex.t_first_byte is not None:
        body_time = max(ex.t_done - ex.t_first_byte, 1e-6)
    ttfb = None
    if ex.t_first_byte is not None:
        ttfb = ex.t_first_byte - (ex.t_tls or ex.t_connect or ex.t0)
    return {
        "failure": ex.failure,
        "status_code": ex.response.status if ex.response else None,
        "bytes": received,
        "ttfb": None if ttfb is None else round(ttfb, 6),
        "seconds": None if body_time is None else round(body_time, 6),
        "bytes_per_second": round(received / body_time, 1) if body_time and received else 0.0,
        "address": ex.address,
    }


def timed_out(sample: dict) -> bool:
    failure = sample.get("failure")
    return isinstance(failure, str) and "timeout" in failure


def judge(
    probe: list[dict],
    control: list[dict],
    *,
    ratio: float = DEFAULT_RATIO,
    min_samples: int = 3,
    floor_bps: float = DEFAULT_FLOOR_BPS,
) -> dict:
    """{throttled, explanation, ratio, probe_median_bps, control_median_bps} of two sample sets.

    `throttled` is None when the evidence cannot decide (no control figures, too few samples).
    """
    # Only downloads of the asset itself count: an error page's speed says nothing.
    ctrl_rates = [
        s["bytes_per_second"]
        for s in control
        if isinstance(s.get("bytes_per_second"), int | float)
        and s["bytes_per_second"] > 0
        and s.get("status_code") in (200, None)
    ]
    # A sample that timed out is the extreme of throttling, not a missing sample: at 64 kbit/s
    # a handshake or the first bytes can take longer than the timeout. It counts as what it
    # received (usually nothing) over its time. Other failures (refused, reset) are blocking,
    # not throttling, and decide nothing here.
    probe_rates = [
        s.get("bytes_per_second") or 0.0
        for s in probe
        if (s.get("ttfb") is not None or timed_out(s)) and s.get("status_code") in (200, None)
    ]
    out: dict = {
        "threshold": ratio,
        "probe_median_bps": statistics.median(probe_rates) if probe_rates else None,
        "control_median_bps": statistics.median(ctrl_rates) if ctrl_rates else None,
        "ratio": None,
    }
    if not ctrl_rates:
        return {**out, "throttled": None, "explanation": "no control throughput to compare with"}
    if len(probe_rates) < min_samples:
        return {
            **out,
            "throttled": None,
            "explanation": f"only {len(probe_rates)} of {min_samples} probe samples received data",
        }
    reference = out["control_median_bps"]
    out["ratio"] = round(out["probe_median_bps"] / reference, 4)
    slow = [rate for rate in probe_rates if rate < min(ratio * reference, floor_bps)]
    if len(slow) == len(probe_rates):
        return {
            **out,
            "throttled": True,
            "explanation": (
                f"all {len(probe_rates)} downloads ran below {ratio:.0%} of the control's "
                f"{reference / 1000:.0f} kB/s (probe median {out['probe_median_bps'] / 1000:.1f} "
                f"kB/s{_timeouts(probe)})"
            ),
        }
    return {
        **out,
        "throttled": False,
        "explanation": (
            f"{len(probe_rates) - len(slow)} of {len(probe_rates)} downloads reached "
            f"{ratio:.0%} of the control's {reference / 1000:.0f} kB/s"
        ),
    }


def _timeouts(probe: list[dict]) -> str:
    count = sum(1 for s in probe if timed_out(s))
    return f"; {count} timed out, counted as what they received" if count else ""
