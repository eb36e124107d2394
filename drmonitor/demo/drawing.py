"""The demo's pictures and documents, drawn here: illustrations, charts, avatars, one-page PDFs.

The demo site must look like a newsroom without downloading anyone's photographs, and a fresh
clone must render the same pictures every time (tests compare bytes), so everything here is
plain Pillow, seeded, and uses only the font that ships inside Pillow; PDFs are written with
fpdf2 in a PDF core font, so their text can be read back and searched. The benchmark's seed
script draws its filler pictures with it too.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import math
import random
import textwrap

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

Colour = tuple[int, int, int]

# Dark-to-light pairs plus an accent; every pair keeps white text above WCAG AA contrast
# on its dark end, where the label sits.
PALETTES: list[tuple[Colour, Colour, Colour]] = [
    ((18, 32, 71), (46, 134, 171), (246, 174, 45)),
    ((58, 12, 43), (196, 69, 105), (255, 209, 102)),
    ((10, 52, 48), (38, 166, 154), (255, 138, 101)),
    ((33, 25, 81), (120, 94, 240), (96, 211, 148)),
    ((60, 22, 14), (214, 96, 54), (250, 224, 170)),
    ((16, 42, 67), (98, 125, 152), (240, 84, 79)),
    ((27, 38, 44), (15, 76, 117), (187, 225, 250)),
    ((46, 16, 101), (229, 56, 136), (0, 187, 249)),
]


def _rng(seed: str) -> random.Random:
    """A generator that depends on the seed only, never on Python's per-process hash salt."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _gradient(size: tuple[int, int], start: Colour, end: Colour, angle: float) -> Image.Image:
    """A linear gradient at `angle` degrees, drawn large and cropped so corners are filled."""
    width, height = size
    side = int(math.hypot(width, height)) + 2
    ramp = Image.linear_gradient("L").resize((side, side)).rotate(angle, expand=False)
    left, top = (side - width) // 2, (side - height) // 2
    mask = ramp.crop((left, top, left + width, top + height))
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _with_alpha(colour: Colour, alpha: int) -> tuple[int, int, int, int]:
    return (*colour, alpha)


def _draw_network(draw: ImageDraw.ImageDraw, rng: random.Random, size, colour: Colour) -> None:
    """Nodes and links: the motif of a network, and of a network being cut."""
    width, height = size
    nodes = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(rng.randint(9, 16))]
    for index, (x1, y1) in enumerate(nodes):
        for x2, y2 in nodes[index + 1 :]:
            if math.hypot(x2 - x1, y2 - y1) < width * 0.28:
                draw.line((x1, y1, x2, y2), fill=_with_alpha(colour, 90), width=3)
    for x, y in nodes:
        radius = rng.uniform(6, 16)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=_with_alpha(colour, 200)
        )


def _draw_shapes(draw: ImageDraw.ImageDraw, rng: random.Random, size, palette) -> None:
    width, height = size
    _, light, accent = palette
    for _ in range(rng.randint(3, 6)):
        kind = rng.choice(["ring", "disc", "bar", "triangle"])
        colour = rng.choice([light, accent, (255, 255, 255)])
        alpha = rng.randint(45, 130)
        x, y = rng.uniform(-0.1, 1.1) * width, rng.uniform(-0.1, 1.1) * height
        radius = rng.uniform(0.08, 0.35) * height
        box = (x - radius, y - radius, x + radius, y + radius)
        if kind == "ring":
            draw.ellipse(box, outline=_with_alpha(colour, alpha), width=rng.randint(6, 22))
        elif kind == "disc":
            draw.ellipse(box, fill=_with_alpha(colour, alpha))
        elif kind == "bar":
            draw.rounded_rectangle(
                (x, y, x + radius * 2.6, y + radius * 0.35),
                radius=int(radius * 0.17),
                fill=_with_alpha(colour, alpha),
            )
        else:
            turn = rng.uniform(0, math.tau)
            points = [
                (
                    x + radius * math.cos(turn + k * math.tau / 3),
                    y + radius * math.sin(turn + k * math.tau / 3),
                )
                for k in range(3)
            ]
            draw.polygon(points, fill=_with_alpha(colour, alpha))


def _label(image: Image.Image, text: str, accent: Colour) -> None:
    """A short label on a dark band, centred so that square and 4:3 crops still show it."""
    width, height = image.size
    font = _font(max(18, height // 12))
    lines = textwrap.wrap(text, width=24)[:2]
    draw = ImageDraw.Draw(image, "RGBA")
    line_height = font.getbbox("Hg")[3] + height // 60
    text_width = max(draw.textlength(line, font=font) for line in lines) if lines else 0
    pad = height // 24
    band_width = text_width + pad * 3
    left = (width - band_width) / 2
    bottom = height - pad * 2
    top = bottom - pad * 2 - line_height * len(lines)
    draw.rectangle((left, top, left + band_width, bottom), fill=(10, 12, 20, 210))
    draw.rectangle((left, top, left + pad / 2, bottom), fill=_with_alpha(accent, 255))
    for index, line in enumerate(lines):
        draw.text(
            (left + pad * 1.6, top + pad + index * line_height), line, font=font, fill="white"
        )


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt.upper() == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=86, optimize=True)
    else:
        image.save(buffer, fmt.upper(), optimize=True)
    return buffer.getvalue()


def illustration(
    seed: str, label: str = "", size: tuple[int, int] = (1200, 675), fmt: str = "JPEG"
) -> bytes:
    """A 16:9 illustration: gradient, network motif, shapes and an optional label."""
    rng = _rng(seed)
    palette = rng.choice(PALETTES)
    dark, light, accent = palette
    # Drawing RGBA colours on an RGB image blends them, so overlapping shapes mix.
    image = _gradient(size, dark, light, rng.uniform(0, 360))
    draw = ImageDraw.Draw(image, "RGBA")
    _draw_shapes(draw, rng, size, palette)
    _draw_network(draw, rng, size, rng.choice([(255, 255, 255), accent]))
    if label:
        _label(image, label, accent)
    return _encode(image, fmt)


def initials_of(name: str) -> str:
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def avatar(seed: str, name: str, size: int = 400, fmt: str = "PNG") -> bytes:
    """A square portrait stand-in: a gradient disc with the person's initials."""
    rng = _rng("avatar:" + seed)
    dark, light, accent = rng.choice(PALETTES)
    image = _gradient((size, size), dark, light, rng.uniform(0, 360))
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(3):
        radius = rng.uniform(0.2, 0.5) * size
        x, y = rng.uniform(0, size), rng.uniform(0, size)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_with_alpha(accent, 60))
    initials = initials_of(name)
    font = _font(size // 3)
    left, top, right, bottom = draw.textbbox((0, 0), initials, font=font)
    position = ((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top)
    draw.text(position, initials, font=font, fill="white")
    return _encode(image, fmt)


# Typography the PDF core fonts (Latin-1) lack, written as they would be typed.
PLAIN_PUNCTUATION = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "--"}
)
# A fixed date keeps the file the same on every load (tests compare bytes).
PDF_DATE = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def _latin1(text: str) -> str:
    return text.translate(PLAIN_PUNCTUATION).encode("latin-1", "replace").decode("latin-1")


def pdf_document(title: str, paragraphs: list[str], subtitle: str = "") -> bytes:
    """An A4 PDF with a text layer (so its words can be searched and copied): a title band,
    the title, a subtitle and the paragraphs, over as many pages as they need."""
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("Digital Rights Monitor")
    pdf.set_creation_date(PDF_DATE)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_fill_color(18, 32, 71)
    pdf.rect(0, 0, pdf.w, 25, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("helvetica", "B", 16)
    pdf.set_xy(15, 8)
    pdf.cell(text="Digital Rights Monitor")
    pdf.set_text_color(18, 32, 71)
    pdf.set_font("helvetica", "B", 20)
    pdf.set_xy(15, 35)
    pdf.multi_cell(0, 9, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.set_text_color(90, 90, 90)
        pdf.set_font("helvetica", "", 12)
        pdf.multi_cell(0, 7, _latin1(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.set_text_color(20, 20, 20)
    pdf.set_font("helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def _chart_canvas(seed: str, size: tuple[int, int], title: str):
    """A light chart background with a title band; returns image, draw, palette, top margin."""
    rng = _rng("chart:" + seed)
    dark, light, accent = rng.choice(PALETTES)
    image = Image.new("RGB", size, (248, 248, 246))
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = size
    band = height // 7
    draw.rectangle((0, 0, width, band), fill=dark)
    draw.text((width // 24, band // 2), title, font=_font(band // 2), fill="white", anchor="lm")
    return image, draw, (dark, light, accent), band


def bar_chart(
    seed: str,
    title: str,
    bars: list[tuple[str, float]],
    unit: str = "",
    note: str = "",
    size: tuple[int, int] = (1200, 675),
) -> bytes:
    """A horizontal bar chart for infographics: labelled bars, values, a source note."""
    image, draw, (dark, light, accent), top = _chart_canvas(seed, size, title)
    width, height = size
    label_font, value_font = _font(height // 24), _font(height // 22)
    margin = width // 24
    label_width = max(draw.textlength(label, font=label_font) for label, _ in bars) + margin
    bottom = height - (height // 8 if note else height // 16)
    slot = (bottom - top - margin) / max(len(bars), 1)
    longest = max(value for _, value in bars) or 1
    texts = [f"{value:g} {unit}".strip() for _, value in bars]
    text_width = max(draw.textlength(text, font=value_font) for text in texts)
    span = width - label_width - margin * 2.5 - text_width
    for index, (label, value) in enumerate(bars):
        y = top + margin + index * slot
        bar_top, bar_bottom = y + slot * 0.18, y + slot * 0.82
        centre = (bar_top + bar_bottom) / 2
        draw.text((margin, centre), label, font=label_font, fill=(30, 30, 30), anchor="lm")
        right = margin + label_width + span * value / longest
        colour = dark if index == 0 else light
        draw.rounded_rectangle(
            (margin + label_width, bar_top, right, bar_bottom), radius=6, fill=colour
        )
        draw.text(
            (right + margin / 3, centre),
            texts[index],
            font=value_font,
            fill=dark,
            anchor="lm",
        )
    if note:
        draw.text(
            (margin, height - height // 16),
            note,
            font=_font(height // 34),
            fill=(80, 80, 80),
            anchor="lm",
        )
    return _encode(image, "PNG")


def hub_diagram(
    seed: str,
    title: str,
    hub: str,
    spokes: list[str],
    broken: list[str] = (),
    note: str = "",
    size: tuple[int, int] = (1200, 675),
) -> bytes:
    """Links fanning into one hub, broken ones dashed in red: cables into a country, say."""
    image, draw, (dark, light, accent), top = _chart_canvas(seed, size, title)
    width, height = size
    font = _font(height // 26)
    hub_x, hub_y = width * 0.78, (top + height) / 2
    start_x = width * 0.2
    bottom = height - (height // 8 if note else height // 16)
    gap = height // 14
    step = (bottom - top - gap * 2) / max(len(spokes) - 1, 1)
    for index, name in enumerate(spokes):
        y = top + gap + index * step
        cut = name in broken
        colour = (200, 40, 40) if cut else dark
        if cut:
            for k in range(12):
                t0, t1 = k / 12, (k + 0.55) / 12
                draw.line(
                    (
                        start_x + (hub_x - start_x) * t0,
                        y + (hub_y - y) * t0,
                        start_x + (hub_x - start_x) * t1,
                        y + (hub_y - y) * t1,
                    ),
                    fill=colour,
                    width=6,
                )
        else:
            draw.line((start_x, y, hub_x, hub_y), fill=(*dark, 200), width=5)
        draw.ellipse((start_x - 9, y - 9, start_x + 9, y + 9), fill=colour)
        label = f"{name} (fault)" if cut else name
        draw.text((start_x - 20, y), label, font=font, fill=colour, anchor="rm")
    radius = height // 9
    draw.ellipse((hub_x - radius, hub_y - radius, hub_x + radius, hub_y + radius), fill=accent)
    draw.text((hub_x, hub_y), hub, font=_font(height // 24), fill=dark, anchor="mm")
    if note:
        draw.text(
            (width // 24, height - height // 16),
            note,
            font=_font(height // 34),
            fill=(80, 80, 80),
            anchor="lm",
        )
    return _encode(image, "PNG")
