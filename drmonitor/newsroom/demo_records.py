"""The shapes demo content is written in, kept apart from the texts and from the loader.

The texts read like an editor's notes: plain strings, with the sources as (publisher, url)
pairs, so they can be checked and corrected without reading any Wagtail code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal


@dataclass(frozen=True)
class Para:
    """A paragraph of plain text."""

    text: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str = ""


@dataclass(frozen=True)
class Picture:
    """An illustration in the body, by the key of an `Illustration`."""

    illustration: str
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Post:
    """A post on X or a video page, shown as a link (embeds would fetch from the network)."""

    url: str
    caption: str


@dataclass(frozen=True)
class DocLink:
    """A link to a generated PDF, by the key of a `Paper`."""

    paper: str
    title: str = ""


Block = Para | Heading | Quote | Picture | Post | DocLink


@dataclass(frozen=True)
class BarChart:
    """Data for an infographic bar chart; the first bar is highlighted."""

    title: str
    bars: tuple[tuple[str, float], ...]
    unit: str
    note: str


@dataclass(frozen=True)
class HubDiagram:
    """Data for a schematic of links into one hub, some of them broken."""

    title: str
    hub: str
    spokes: tuple[str, ...]
    broken: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Illustration:
    """A generated picture; its title is its identity in the image library.

    Without a figure it is an abstract artwork with `label` on it; with one it is a chart.
    """

    key: str
    title: str
    label: str
    caption: str
    credit: str = "Illustration: DRM"
    figure: BarChart | HubDiagram | None = None


@dataclass(frozen=True)
class Paper:
    """A generated one-page PDF; its title is its identity in the document library."""

    key: str
    title: str
    subtitle: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class DemoAuthor:
    slug: str
    name: str
    role: str
    bio: str
    x_handle: str = ""


Status = Literal["live", "draft", "scheduled"]


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    section: str  # slug path from the home page, e.g. "drm-exclusive/court-updates"
    date: str  # "YYYY-MM-DD HH:MM" in Pakistan time; ignored for scheduled articles
    authors: tuple[str, ...]
    standfirst: str
    body: tuple[Block, ...]
    sources: tuple[tuple[str, str], ...]  # (publisher, url) pairs from the timeline
    tags: tuple[str, ...]
    image: str | None = None  # key of the featured Illustration
    extra_sections: tuple[str, ...] = ()
    status: Status = "live"
    go_live_after: timedelta | None = None  # scheduled articles: delay after loading
