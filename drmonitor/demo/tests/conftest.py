"""Fixtures for the demo loader's tests: a small publication in the demo's format (sample/),
copied where a test may change it, with uploads and credentials kept in the test's own folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent / "sample"


@pytest.fixture
def sample(tmp_path) -> Path:
    """A writable copy of the sample content."""
    return Path(shutil.copytree(SAMPLE, tmp_path / "content"))


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """Uploads and the demo credentials file go under the test's own folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.VAR_DIR = tmp_path / "var"
    return tmp_path / "media"
