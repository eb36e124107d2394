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


# Editorial palettes for the illustrations: a ground and four inks, picked as a printer would,
# so any two shapes side by side stay distinct. No text is drawn on them: a headline sits
# beside every picture, and at thumbnail size lettering is a smudge.
ART_PALETTES: list[tuple[Colour, tuple[Colour, ...]]] = [
    ((244, 237, 226), ((16, 42, 67), (214, 96, 54), (242, 177, 52), (38, 122, 122))),
    ((18, 32, 71), ((240, 84, 79), (246, 174, 45), (187, 225, 250), (255, 255, 255))),
    ((236, 240, 243), ((10, 61, 98), (168, 35, 26), (96, 125, 139), (242, 177, 52))),
    ((33, 25, 45), ((229, 56, 136), (0, 187, 249), (255, 209, 102), (241, 241, 241))),
    ((250, 243, 221), ((40, 54, 24), (96, 108, 56), (221, 161, 94), (188, 108, 37))),
    ((12, 45, 42), ((38, 166, 154), (255, 138, 101), (246, 233, 204), (255, 209, 102))),
    ((245, 241, 250), ((46, 16, 101), (120, 94, 240), (229, 56, 136), (255, 176, 59))),
    ((28, 28, 30), ((230, 57, 70), (241, 250, 238), (168, 218, 220), (69, 123, 157))),
]
SUPERSAMPLE = 2  # drawn twice as large and scaled down: smooth edges without anti-aliasing


def _tiles(draw, rng: random.Random, size, inks, ground) -> tuple[float, float]:
    """A grid of tiles, each a circle, half, quarter or stripes: the Bauhaus poster."""
    width, height = size
    rows = rng.choice([3, 4])
    side = height / rows
    columns = math.ceil(width / side)
    for row in range(rows):
        for column in range(columns):
            x, y = column * side, row * side
            back, fore = rng.sample([ground, *inks], 2)
            draw.rectangle((x, y, x + side, y + side), fill=back)
            kind = rng.choice(["circle", "half", "quarter", "stripes", "triangle", "ring"])
            if kind == "circle":
                inset = side * 0.12
                draw.ellipse((x + inset, y + inset, x + side - inset, y + side - inset), fill=fore)
            elif kind == "half":
                start = rng.choice([0, 90, 180, 270])
                draw.pieslice((x, y, x + side, y + side), start, start + 180, fill=fore)
            elif kind == "quarter":
                # A quarter disc centred on one corner, inside the tile.
                corner, start = rng.choice(
                    [((0, 0), 0), ((1, 0), 90), ((1, 1), 180), ((0, 1), 270)]
                )
                cx, cy = x + corner[0] * side, y + corner[1] * side
                draw.pieslice(
                    (cx - side, cy - side, cx + side, cy + side), start, start + 90, fill=fore
                )
            elif kind == "stripes":
                bands = rng.choice([3, 4, 5])
                for band in range(0, bands * 2, 2):
                    top = y + band * side / (bands * 2)
                    draw.rectangle((x, top, x + side, top + side / (bands * 2)), fill=fore)
            elif kind == "triangle":
                corners = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
                rng.shuffle(corners)
                draw.polygon(corners[:3], fill=fore)
            else:
                draw.ellipse((x, y, x + side, y + side), outline=fore, width=int(side * 0.14))
    return (0.5, 0.5)


def _signal(draw, rng: random.Random, size, inks, ground) -> tuple[float, float]:
    """Rings spreading from a source, some of them broken: a signal, and a signal cut."""
    width, height = size
    fx, fy = rng.uniform(0.25, 0.75), rng.uniform(0.3, 0.7)
    cx, cy = fx * width, fy * height
    step = height * rng.uniform(0.07, 0.11)
    ink = list(inks)
    for ring in range(int(math.hypot(width, height) / step), 0, -1):
        radius = ring * step
        colour = ink[ring % len(ink)]
        gap = rng.uniform(0, 360)
        span = rng.choice([360, 360, 300, 240])
        draw.arc(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            gap,
            gap + span,
            fill=colour,
            width=int(step * 0.45),
        )
    dot = step * 0.8
    draw.ellipse((cx - dot, cy - dot, cx + dot, cy + dot), fill=ink[0])
    return (fx, fy)


def _horizon(draw, rng: random.Random, size, inks, ground) -> tuple[float, float]:
    """Layered hills under a low sun: the landscape of a feature page."""
    width, height = size
    fx, fy = rng.uniform(0.2, 0.8), rng.uniform(0.25, 0.45)
    sun = height * rng.uniform(0.16, 0.26)
    draw.ellipse(
        (fx * width - sun, fy * height - sun, fx * width + sun, fy * height + sun), fill=inks[2]
    )
    layers = rng.choice([3, 4, 5])
    for layer in range(layers):
        base = height * (0.45 + 0.55 * (layer + 1) / (layers + 1))
        amplitude = height * rng.uniform(0.04, 0.12)
        phase, waves = rng.uniform(0, math.tau), rng.uniform(0.8, 2.2)
        points = [
            (x, base - amplitude * math.sin(phase + waves * math.tau * x / width))
            for x in range(0, width + 20, 20)
        ]
        colour = inks[(layer + (0 if layer % 2 else 1)) % len(inks)]
        if colour == inks[2]:
            colour = inks[3]
        draw.polygon([*points, (width, height), (0, height)], fill=colour)
    return (fx, fy)


def _blocks(draw, rng: random.Random, size, inks, ground) -> tuple[float, float]:
    """A page cut into blocks, split again and again: a mosaic in the palette's inks."""
    width, height = size
    gutter = max(4, width // 120)
    boxes = [(0.0, 0.0, float(width), float(height))]
    for _ in range(rng.randint(6, 10)):
        boxes.sort(key=lambda box: (box[2] - box[0]) * (box[3] - box[1]), reverse=True)
        left, top, right, bottom = boxes.pop(0)
        if right - left > bottom - top:
            cut = rng.uniform(left + (right - left) * 0.3, right - (right - left) * 0.3)
            boxes += [(left, top, cut, bottom), (cut, top, right, bottom)]
        else:
            cut = rng.uniform(top + (bottom - top) * 0.3, bottom - (bottom - top) * 0.3)
            boxes += [(left, top, right, cut), (left, cut, right, bottom)]
    choices = [ground, *inks, ground]
    for left, top, right, bottom in boxes:
        colour = rng.choice(choices)
        draw.rectangle((left + gutter, top + gutter, right - gutter, bottom - gutter), fill=colour)
        if rng.random() < 0.35:
            radius = min(right - left, bottom - top) * 0.35
            cx, cy = (left + right) / 2, (top + bottom) / 2
            other = rng.choice([ink for ink in inks if ink != colour])
            draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=other)
    return (0.5, 0.5)


def _network(draw, rng: random.Random, size, inks, ground) -> tuple[float, float]:
    """Nodes and links on colour fields: the motif of a network, and of a network being cut."""
    width, height = size
    split = rng.uniform(0.35, 0.65) * width
    draw.rectangle((split, 0, width, height), fill=inks[0])
    nodes = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(rng.randint(10, 16))]
    line = max(3, width // 240)
    for index, (x1, y1) in enumerate(nodes):
        for x2, y2 in nodes[index + 1 :]:
            if math.hypot(x2 - x1, y2 - y1) < width * 0.26:
                draw.line((x1, y1, x2, y2), fill=inks[3], width=line)
    for x, y in nodes:
        radius = rng.uniform(0.018, 0.05) * width
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.choice(inks[1:3]))
    return (split / width, 0.5)


COMPOSITIONS = (_tiles, _signal, _horizon, _blocks, _network)


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt.upper() == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=86, optimize=True)
    else:
        image.save(buffer, fmt.upper(), optimize=True)
    return buffer.getvalue()


def artwork(seed: str, size: tuple[int, int] = (1200, 675)) -> tuple[Image.Image, tuple]:
    """An abstract composition for `seed` and where its centre of interest is (0-1, 0-1)."""
    rng = _rng(seed)
    ground, inks = rng.choice(ART_PALETTES)
    compose = rng.choice(COMPOSITIONS)
    width, height = size
    large = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    image = Image.new("RGB", large, ground)
    focus = compose(ImageDraw.Draw(image), rng, large, inks, ground)
    return image.resize(size, Image.Resampling.LANCZOS), focus


def illustration(seed: str, size: tuple[int, int] = (1200, 675), fmt: str = "JPEG") -> bytes:
    """A 16:9 illustration for a story: one of a few compositions, in one of a few palettes,
    both picked by the seed, so each story has its own and gets the same one every time."""
    image, _focus = artwork(seed, size)
    return _encode(image, fmt)


def focal_point(seed: str, size: tuple[int, int] = (1200, 675)) -> tuple[int, int]:
    """The illustration's centre of interest in pixels, for Wagtail's focal-point crops."""
    # The centre is drawn as a fraction of the size first thing: a small drawing finds it.
    _image, (fx, fy) = artwork(seed, (64, 36))
    return round(fx * size[0]), round(fy * size[1])


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
