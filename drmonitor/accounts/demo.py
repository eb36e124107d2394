"""Demo content for the accounts app. Idempotent."""

from __future__ import annotations


def load(home) -> None:
    """Create what is missing of the accounts demo content."""
