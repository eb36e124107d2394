"""Shared test support: factories and the rule for tests whose real part may be missing."""
