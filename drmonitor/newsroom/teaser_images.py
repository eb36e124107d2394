"""The pictures of teasers and sidebar entries: a few fixed styles, from one narrow query.

Wagtail's `{% picture %}` parses its filter specs, looks every rendition up in the cache,
builds a Rendition object for each and asks the storage for each file's URL; a front page
shows some thirty pictures, and that was most of what it cost to draw. Here the filters are
built once, `attach()` reads the few columns of every teaser rendition of a page's images in
one query (no model objects), and `picture()` only joins strings. A rendition that does not
exist yet is made by Wagtail as usual.

Each style is cropped for its size around the picture's focal point (`-c75`: a close crop
for the small ones) and offered as WebP in the widths the layout needs; browsers that do not
take WebP get one JPEG of the middle width. Width and height are set so nothing moves while
it loads.

A teaser's picture is a `TeaserImage`: the few columns of the image row these need, read with
the article's (teasers.py), not an image object.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import NamedTuple

from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import AbstractImage, Filter, get_rendition_storage
from wagtail.images.shortcuts import get_renditions_or_not_found

from drmonitor.core.models import CustomImage, Rendition
from drmonitor.core.written_once import WrittenOnce

# No AVIF: Pillow takes some ten seconds to encode one 1200 px picture at its default speed,
# and for flat-coloured art WebP is as small (6 KB against 37 KB of JPEG for a demo drawing).
WEBP, FALLBACK = "webp", "jpeg"


class Variant(NamedTuple):
    """One rendition as a page writes it."""

    url: str
    width: int
    height: int


# The image columns a crop's rendition depends on (Wagtail's `vary_fields` of a fill).
FOCAL_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")


@dataclass(slots=True)
class TeaserImage:
    """A teaser's picture: its id and focal point, enough to find its renditions."""

    pk: int
    focal_point_x: int | None
    focal_point_y: int | None
    focal_point_width: int | None
    focal_point_height: int | None
    teaser_variants: dict[str, Variant] = field(default_factory=dict)

    def image(self) -> AbstractImage:
        """The image itself, for Wagtail to make renditions of (not made yet, or gone)."""
        return CustomImage.objects.get(pk=self.pk)


@dataclass(frozen=True)
class ImageStyle:
    """One way a teaser shows its picture: its crops, layout and loading; `fallback` indexes
    the crop sent as JPEG to browsers without WebP."""

    crops: tuple[str, ...]
    sizes: str
    css_class: str
    lazy: bool = True
    fallback: int = 1
    # Built once: a Filter parses its spec into operations on first use and keeps them, and
    # parsing (Wagtail inspects each operation's signature) cost more than the rest of a teaser.
    webp: tuple[Filter, ...] = field(init=False, compare=False)
    jpeg: Filter = field(init=False, compare=False)

    def __post_init__(self) -> None:
        webp = tuple(Filter(spec=f"{crop}|format-{WEBP}") for crop in self.crops)
        object.__setattr__(self, "webp", webp)
        object.__setattr__(self, "jpeg", Filter(spec=f"{self.crops[self.fallback]}|format-jpeg"))

    @property
    def filters(self) -> tuple[Filter, ...]:
        return (*self.webp, self.jpeg)


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

FILTERS = {f.spec: f for style in STYLES.values() for f in style.filters}


# Every style is a crop, so all the renditions of one image share one focal-point key: it is
# worked out once per image, not once per rendition (a test holds the styles to that).
_FOCAL_FILTER = next(iter(FILTERS.values()))


_RENDITIONS = WrittenOnce(
    lambda ids: Rendition.objects.filter(image_id__in=ids, filter_spec__in=FILTERS).values_list(
        "image_id", "filter_spec", "focal_point_key", "file", "width", "height"
    )
)


def _url_of():
    """A rendition file's URL from its name: for files on this server, the storage's base URL
    joined once (FileSystemStorage.url does the same per file, through urljoin)."""
    storage = get_rendition_storage()
    if isinstance(storage, FileSystemStorage):
        base = storage.base_url
        return lambda name: base + filepath_to_uri(name).lstrip("/")
    return storage.url


def attach(images: Iterable[TeaserImage | AbstractImage | None]) -> None:
    """Give each image `teaser_variants` (filter spec to Variant), from one query for all."""
    # Articles that share a picture each hold an object of their own for it: all get the
    # same variants (one dict per picture).
    by_id: dict[int, dict[str, Variant]] = {}
    focal_keys = {}
    for image in images:
        if image is None:
            continue
        if image.pk not in by_id:
            by_id[image.pk] = {}
            focal_keys[image.pk] = _FOCAL_FILTER.get_cache_key(image)
        image.teaser_variants = by_id[image.pk]
    if not by_id:
        return
    url_of = _url_of()
    for image_id, spec, focal_key, name, width, height in _RENDITIONS.rows(list(by_id)):
        if focal_key == focal_keys[image_id]:
            by_id[image_id][spec] = Variant(url_of(name), width, height)


def _variants(image: TeaserImage | AbstractImage, filters: tuple[Filter, ...]) -> list[Variant]:
    """The renditions of these filters: attached ones, else Wagtail's (made if missing)."""
    attached = getattr(image, "teaser_variants", {})
    found = [attached.get(f.spec) for f in filters]
    if None not in found:
        return found
    if isinstance(image, TeaserImage):
        image = image.image()
    # An image whose file is gone gives a broken picture, as with Wagtail's tag.
    renditions = get_renditions_or_not_found(image, filters)
    return [Variant(r.url, r.width, r.height) for r in renditions.values()]


def _attrs(values: dict) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in values.items())


def picture(image: TeaserImage | AbstractImage, style: str) -> SafeString:
    """A <picture>: the WebP widths as a source, one JPEG <img> for browsers without WebP."""
    chosen = STYLES[style]
    *webp, jpeg = _variants(image, chosen.filters)
    srcset = ", ".join(f"{variant.url} {variant.width}w" for variant in webp)
    source = _attrs({"type": "image/webp", "srcset": srcset, "sizes": chosen.sizes})
    img = {"src": jpeg.url, "width": jpeg.width, "height": jpeg.height, "alt": ""}
    # The alt text is empty: teasers link their title too, the picture adds nothing to hear.
    img["class"] = chosen.css_class
    img["decoding"] = "async"
    img["loading" if chosen.lazy else "fetchpriority"] = "lazy" if chosen.lazy else "high"
    return mark_safe(f"<picture><source{source}><img{_attrs(img)}></picture>")  # noqa: S308
