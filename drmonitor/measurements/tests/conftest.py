"""A measurement store the tests build: the demo's generator writes a short synthetic history,
the observatory's ingest judges and stores it (no mocks), and the site's settings point at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from drmonitor.demo.measurement_history import load_into
from drmonitor.demo.schema import MeasurementHistorySpec
from drmonitor.tracker.factories import XBanFile, x_ban_file

# X blocked from 17 February 2024 on three networks; on 18 February two of them saw it back for
# fifteen hours; from 1 April one network (136384) reaches it while the others stay blocked,
# until the block ends everywhere on 10 April. example.com stays accessible throughout.
HISTORY = {
    "country": "PK",
    "seed": 7,
    "start": "2024-02-01",
    "end": "2024-04-30",
    "networks": [{"asn": 17557}, {"asn": 59257}, {"asn": 136384, "per_day": 2}],
    "domains": [{"domain": "x.com", "service": "X"}, {"domain": "example.com", "every_days": 2}],
    "blocks": [
        {
            "domain": "x.com",
            "start": "2024-02-17T06:00:00",
            "end": "2024-04-10T04:00:00",
            "sources": ["https://explorer.ooni.org/findings/255040833200"],
            "restorations": [
                {
                    "start": "2024-02-18T02:00:00",
                    "end": "2024-02-18T17:00:00",
                    "networks": [17557, 59257],
                    "source": "https://techx.pk/x-platform-restored-in-pakistan-after-24-hours/",
                },
                {
                    "start": "2024-04-01T00:00:00",
                    "end": "2024-04-10T04:00:00",
                    "networks": [136384],
                    "source": "https://news.example/one-network",
                },
            ],
        }
    ],
    "block_pages": {"asn": 136384, "domain": "x.com", "count": 3},
}


def history(**changes) -> MeasurementHistorySpec:
    return MeasurementHistorySpec.model_validate(HISTORY | changes)


@pytest.fixture
def store(tmp_path, settings) -> Path:
    """The store of HISTORY, where the site looks for it."""
    path = tmp_path / "measurements.duckdb"
    report = load_into(path, [history()])
    assert report.problems == [] and report.stored > 500
    settings.DRM_MEASUREMENT_STORE = path
    return path


@pytest.fixture
def x_ban(home) -> XBanFile:
    """The tracker's X-ban incident with its cases, orders and hearings."""
    return x_ban_file()
