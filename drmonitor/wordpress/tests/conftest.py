"""The hand-made export (wxr/newsroom.xml) and a copy of its uploads folder, drawn on the spot."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

WXR = Path(__file__).parent / "wxr"
EXPORT = WXR / "newsroom.xml"
# The files the export's attachments name (2024/02/lost.jpg is missing on purpose).
FILES = {
    "2024/02/featured-x.jpg": ("JPEG", (800, 450), "steelblue"),
    "2024/02/notice.png": ("PNG", (640, 360), "white"),
    "2024/02/protest-one.jpg": ("JPEG", (640, 360), "darkred"),
    "2024/02/protest-two.jpg": ("JPEG", (640, 360), "darkgreen"),
}


def picture(kind: str, size: tuple[int, int], colour: str) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    root = tmp_path / "uploads"
    for name, (kind, size, colour) in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(picture(kind, size, colour))
    return root


@pytest.fixture
def imported(home, uploads):
    """The export imported once from the uploads copy; the report."""
    from drmonitor.wordpress.importer import Options, import_wordpress

    return import_wordpress(EXPORT, Options(uploads=uploads))
