"""The dependency keys of the observatory's pages (see core/caching).

Every page here shows what the measurement store holds, which `drmonitor ingest`, the probes'
deliveries and the demo's load write outside Django: the key carries the store's version (its
file's modification time and size), so the first request after a write renders afresh. The
service page also shows the tracker's orders and hearings, and goes stale with them.
"""

from __future__ import annotations

from drmonitor.core.caching.snapshot import version_key

STORE_PREFIX = "measurements.store:"


def store() -> str:
    """The key of the store as it is now."""
    return version_key(STORE_PREFIX)
