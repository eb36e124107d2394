"""The demo's synthetic measurement history follows the dates its file cites, says it is
synthetic, and is the same every time (so loading twice stores nothing twice)."""

from __future__ import annotations

import datetime as dt

from drmonitor.demo.measurement_history import SYNTHETIC, measurements
from drmonitor.demo.reading import read_content

BLOCKED_FROM = dt.datetime(2024, 2, 17, 6)
RESTORED = dt.datetime(2025, 5, 7, 4)


def when(m: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(m["measurement_start_time"])


def test_the_history_follows_the_reference_timeline_and_says_it_is_synthetic():
    (entry,) = read_content().measurement_histories
    history = list(measurements(entry.spec))
    assert 1000 < len(history) < 4000  # small enough for a fast demo load
    assert {m["annotations"]["synthetic"] for m in history} == {SYNTHETIC}
    uids = [m["measurement_uid"] for m in history]
    assert len(set(uids)) == len(uids)
    assert uids == [m["measurement_uid"] for m in measurements(entry.spec)]  # same seed, same

    x = [m for m in history if m["input"].endswith("x.com/")]
    blocked = [when(m) for m in x if m["test_keys"]["blocking"]]
    assert BLOCKED_FROM <= min(blocked) < dt.datetime(2024, 2, 18)
    assert dt.datetime(2025, 5, 6) < max(blocked) < RESTORED
    back_on_18th = {
        m["probe_asn"]
        for m in x
        if not m["test_keys"]["blocking"] and when(m).date() == dt.date(2024, 2, 18)
    }
    assert back_on_18th == {"AS17557", "AS59257"}  # the brief restoration, on two networks
    assert all(not m["test_keys"]["blocking"] for m in history if "example.com" in m["input"])
    assert {m["probe_asn"] for m in history} == {"AS17557", "AS59257", "AS136384"}
