"""The app's models: the probes' ingest tokens (`tokens.py`), what the measurement watch
remembers (`watched.py`)."""

from drmonitor.measurements.tokens import ProbeToken
from drmonitor.measurements.watched import NetworkState, WatchedEpisode

__all__ = ["NetworkState", "ProbeToken", "WatchedEpisode"]
