"""The pictures of teasers and sidebar entries: a few fixed styles, drawn from prefetched rows.

Wagtail's `{% picture %}` parses its filter specs, looks every rendition up in the cache and
writes it back again, for every image of every page. A listing shows a dozen images in one of
four styles, so the filters are built once here, the listing query prefetches exactly these
renditions (see ArticleQuerySet.for_teasers), and the tag only joins URLs. A rendition that
does not exist yet is made by Wagtail as usual.

Each style is cropped for its size around the picture's focal point (`-c75`: a close crop
for the small ones), and offered as WebP with a JPEG fallback, in the same markup as
`{% picture %}`, with width and height so nothing moves while it loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import AbstractImage, Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

# The browser takes the first it can show; the last is what every browser shows. No AVIF:
# Pillow takes some ten seconds to encode one 1200 px picture at its default speed, and for
# flat-coloured art WebP is as small (6 KB against 37 KB of JPEG for a demo illustration).
FORMATS = (("webp", "image/webp"), ("jpeg", None))


@dataclass(frozen=True)
class ImageStyle:
    """One way a teaser shows its picture: its crops, widths, layout and loading."""

    crops: tuple[str, ...]
    sizes: str
    css_class: str
    lazy: bool = True
    # Built once: a Filter parses its spec into operations on first use and keeps them, and
    # parsing (Wagtail inspects each operation's signature) cost more than the rest of a teaser.
    by_format: dict[str, tuple[Filter, ...]] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        filters = {
            fmt: tuple(Filter(spec=f"{crop}|format-{fmt}") for crop in self.crops)
            for fmt, _mime in FORMATS
        }
        object.__setattr__(self, "by_format", filters)

    def filters(self, fmt: str) -> tuple[Filter, ...]:
        return self.by_format[fmt]


STYLES = {
    "lead": ImageStyle(
        ("fill-480x270-c50", "fill-800x450-c50", "fill-1200x675-c50"),
        "(min-width: 64em) 640px, 100vw",
        "teaser__image",
        lazy=False,  # the first thing on the front page: loading it late would show a hole
    ),
    "teaser": ImageStyle(
        ("fill-320x180-c50", "fill-640x360-c50"),
        "(min-width: 64em) 300px, (min-width: 40em) 45vw, 100vw",
        "teaser__image",
    ),
    "thumb": ImageStyle(("fill-96x72-c75", "fill-192x144-c75"), "96px", "recent__thumb"),
}

# What the listing queries prefetch for each article's featured image.
RENDITION_SPECS = tuple(
    sorted(
        {
            spec_filter.spec
            for style in STYLES.values()
            for fmt, _mime in FORMATS
            for spec_filter in style.filters(fmt)
        }
    )
)


def _attrs(values: dict) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in sorted(values.items()))


def picture(image: AbstractImage, style: str) -> SafeString:
    """A <picture> with a WebP source and a JPEG <img>, as `{% picture %}` writes it."""
    chosen = STYLES[style]
    parts = []
    for fmt, mime in FORMATS:
        # An image whose file is gone gives a broken picture, as with Wagtail's tag.
        renditions = list(get_renditions_or_not_found(image, chosen.filters(fmt)).values())
        srcset = ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)
        if mime:
            parts.append(
                f"<source{_attrs({'sizes': chosen.sizes, 'srcset': srcset, 'type': mime})}>"
            )
            continue
        first = renditions[0]
        attrs = {
            "alt": "",  # teasers link their title too: the picture adds nothing to read aloud
            "class": chosen.css_class,
            "decoding": "async",
            "height": first.height,
            "sizes": chosen.sizes,
            "src": first.url,
            "srcset": srcset,
            "width": first.width,
        }
        if chosen.lazy:
            attrs["loading"] = "lazy"
        else:
            attrs["fetchpriority"] = "high"
        parts.append(f"<img{_attrs(attrs)}>")
    return mark_safe(f"<picture>{''.join(parts)}</picture>")  # noqa: S308 - escaped above
