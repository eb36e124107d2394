"""Demo content for the tracker app. Idempotent."""

from __future__ import annotations


def load(home) -> None:
    """Create what is missing of the tracker demo content."""
