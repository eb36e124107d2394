"""The pictures of teasers and sidebar entries: a few fixed styles, drawn from prefetched rows.

Wagtail's `{% srcset_image %}` parses its filter specs, looks every rendition up in the cache
and writes it back again, for every image of every page. A listing shows a dozen images in one
of three styles, so the filters are built once here, the listing query prefetches exactly these
renditions (see listings.with_teaser_parts), and the tag only joins URLs. A rendition that does
not exist yet is made by Wagtail as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import AbstractImage, Filter
from wagtail.images.shortcuts import get_renditions_or_not_found


@dataclass(frozen=True)
class ImageStyle:
    """One way a teaser shows its picture: the renditions of its srcset and how it is laid out."""

    filters: tuple[Filter, ...]
    sizes: str
    css_class: str
    lazy: bool = True

    @classmethod
    def of(cls, specs: tuple[str, ...], sizes: str, css_class: str, lazy: bool = True):
        return cls(tuple(Filter(spec=spec) for spec in specs), sizes, css_class, lazy)


STYLES = {
    "lead": ImageStyle.of(
        ("fill-480x270", "fill-800x450", "fill-1200x675"),
        "(min-width: 60em) 760px, 100vw",
        "teaser__image",
        lazy=False,  # the first thing on the front page: loading it late would show a hole
    ),
    "teaser": ImageStyle.of(
        ("fill-320x180", "fill-640x360"),
        "(min-width: 60em) 320px, (min-width: 40em) 45vw, 100vw",
        "teaser__image",
    ),
    "thumb": ImageStyle.of(("fill-96x72", "fill-192x144"), "96px", "recent__thumb"),
}

# What the listing queries prefetch for each article's featured image.
RENDITION_SPECS = tuple(
    sorted({spec_filter.spec for style in STYLES.values() for spec_filter in style.filters})
)


def picture(image: AbstractImage, style: str) -> SafeString:
    """An <img> with a width-described srcset, as `{% srcset_image %}` writes it."""
    chosen = STYLES[style]
    # An image whose file is gone gives a broken picture, as with Wagtail's tag, not an error.
    renditions = list(get_renditions_or_not_found(image, chosen.filters).values())
    first = renditions[0]
    attrs = {
        "alt": "",  # teasers link their title too: the picture adds nothing to read aloud
        "class": chosen.css_class,
        "height": first.height,
        "sizes": chosen.sizes,
        "src": first.url,
        "srcset": ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions),
        "width": first.width,
    }
    if chosen.lazy:
        attrs["loading"] = "lazy"
    markup = "".join(f' {name}="{escape(str(value))}"' for name, value in sorted(attrs.items()))
    return mark_safe(f"<img{markup}>")  # noqa: S308 - every value is escaped above
