"""The measurements app in the admin and on the tracker's pages: probe tokens (token_admin.py),
and the measured episodes on each incident's timeline (incident_evidence.py)."""

from wagtail import hooks

from drmonitor.measurements.token_admin import probe_tokens
from drmonitor.tracker.hooks import MEASURED_EVIDENCE


@hooks.register("register_admin_viewset")
def register_probe_tokens():
    return probe_tokens


@hooks.register(MEASURED_EVIDENCE)
def measured_evidence(incident):
    # Imported when a timeline is built: DuckDB (about 40 MB) loads when the store is first
    # read, not with the hooks of every process (store.py).
    from drmonitor.measurements.incident_evidence import measured_events

    return measured_events(incident)
