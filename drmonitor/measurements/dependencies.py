"""What makes the observatory's pages stale: a new version of the store file, which no model
write announces (keys.py)."""

from __future__ import annotations

from drmonitor.core.caching.snapshot import register_version
from drmonitor.measurements import keys, store


def register() -> None:
    register_version(keys.STORE_PREFIX, store.version)
