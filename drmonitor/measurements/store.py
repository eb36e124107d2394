"""Where the site's measurement store lives.

One DuckDB file (`DRM_MEASUREMENT_STORE`, by default `var/measurements.duckdb`), written by
`drmonitor ingest` and by the probes' deliveries, read by the pages. Pages open it read-only, so
they never block an ingest and never create an empty file where none was configured.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


def store_path() -> Path:
    return Path(settings.DRM_MEASUREMENT_STORE)
