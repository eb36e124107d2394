"""The generated pictures are what readers see in place of photographs: they must be valid,
stable from run to run, and different from story to story."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from drmonitor.demo import drawing


def test_illustration_is_a_valid_jpeg_of_the_asked_size():
    data = drawing.illustration("x-ban", size=(640, 360))
    image = Image.open(io.BytesIO(data))
    image.verify()
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.size == (640, 360)
    # Not a flat fill: a picture has many colours.
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 20)) > 500


def test_same_seed_same_bytes_other_seed_other_picture():
    first = drawing.illustration("court", size=(320, 180), fmt="PNG")
    again = drawing.illustration("court", size=(320, 180), fmt="PNG")
    other = drawing.illustration("cables", size=(320, 180), fmt="PNG")
    assert first == again
    assert first != other


def test_stories_get_different_compositions_and_palettes():
    """Twenty stories do not all look alike: several compositions, several grounds."""
    seeds = [f"story-{number}" for number in range(20)]
    grounds = {drawing.artwork(seed, (64, 36))[0].getpixel((0, 0)) for seed in seeds}
    pictures = {drawing.illustration(seed, size=(160, 90), fmt="PNG") for seed in seeds}
    assert len(pictures) == 20
    assert len(grounds) >= 4


def test_focal_point_lies_inside_the_picture():
    for seed in ("x-ban", "court", "vpn", "cables"):
        x, y = drawing.focal_point(seed, (1200, 675))
        assert 0 <= x <= 1200 and 0 <= y <= 675


def test_avatar_is_square_and_shows_initials():
    assert drawing.initials_of("Ayesha Rahim") == "AR"
    assert drawing.initials_of("DRM") == "D"
    data = drawing.avatar("ayesha-rahim", "Ayesha Rahim", size=200)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == (200, 200)
    # White initials are drawn over the coloured disc.
    assert (255, 255, 255) in {colour for _, colour in image.convert("RGB").getcolors(1 << 16)}
    assert data == drawing.avatar("ayesha-rahim", "Ayesha Rahim", size=200)


def test_pdf_document_has_its_words_as_text_and_runs_over_pages():
    paragraphs = ["17 Feb 2024: X blocked \u2013 \u201cimmediately\u201d."] * 80
    data = drawing.pdf_document("The X ban file", paragraphs, "May 2025")
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "The X ban file"
    assert len(reader.pages) > 1
    text = reader.pages[0].extract_text()
    assert "The X ban file" in text and '17 Feb 2024: X blocked - "immediately".' in text
    assert data == drawing.pdf_document("The X ban file", paragraphs, "May 2025")


def test_bar_chart_and_hub_diagram_are_stable_pngs():
    bars = [("X block", 1.34), ("Other", 0.28)]
    chart = drawing.bar_chart("cost", "Cost, 2024", bars, "US$ bn", "Source: Top10VPN")
    assert chart == drawing.bar_chart("cost", "Cost, 2024", bars, "US$ bn", "Source: Top10VPN")
    assert chart != drawing.bar_chart("cost", "Cost, 2024", bars[:1], "US$ bn")
    diagram = drawing.hub_diagram("cables", "Cables", "Pakistan", ["AAE-1", "SMW4"], ["AAE-1"])
    for data in (chart, diagram):
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG" and image.size == (1200, 675)
    # The faulty link is drawn in red.
    colours = {colour for _, colour in Image.open(io.BytesIO(diagram)).getcolors(1 << 16)}
    assert (200, 40, 40) in colours
