"""The app's models: the probes' ingest tokens (`tokens.py`)."""

from drmonitor.measurements.tokens import ProbeToken

__all__ = ["ProbeToken"]
