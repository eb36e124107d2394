"""Reading a WordPress export (WXR 1.0-1.2: RSS 2.0 with WordPress's own elements).

The file is read element by element, never built as one tree, and each item is let go once
read, so a large export costs little memory beyond the text it holds. The XML parser refuses
document type declarations and entities (defusedxml): an uploaded export cannot make it read
local files or expand a "billion laughs".

Slugs are decoded as WordPress decodes them: it stores a non-Latin slug percent-encoded in
lower case (`%d9%be...`), and `urldecode()` gives the text readers see in the address bar.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import unescape
from typing import IO
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

WP = "{http://wordpress.org/export/%s/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
VERSIONS = ("1.2", "1.1", "1.0")
NO_DATE = "0000-00-00 00:00:00"


class ExportError(ValueError):
    """The file is not a WordPress export this importer can read; nothing is imported."""


@dataclass
class Author:
    login: str
    wp_id: int | None = None
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    """A category (with its parent's slug) or a tag."""

    taxonomy: str
    slug: str
    name: str
    term_id: int | None = None
    parent_slug: str = ""
    description: str = ""


@dataclass
class Comment:
    wp_id: int
    author: str
    date_gmt: str
    content: str
    approved: str
    parent: int = 0


@dataclass
class Item:
    """A post, page, attachment or any other post type, as the export gives it."""

    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    slug: str = ""
    date: str = ""
    date_gmt: str = ""
    parent: int = 0
    password: str = ""
    sticky: bool = False
    attachment_url: str = ""
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # domain, slug, name
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    fingerprint: str = ""

    def terms(self, domain: str) -> list[str]:
        return [slug for kind, slug, _ in self.categories if kind == domain]

    @property
    def attached_file(self) -> str:
        """The file's path under wp-content/uploads, e.g. '2024/05/x.jpg'."""
        return self.meta.get("_wp_attached_file", "")

    @property
    def thumbnail_id(self) -> int | None:
        value = self.meta.get("_thumbnail_id", "")
        return int(value) if value.isdigit() else None

    def published_at(self, offset: timedelta) -> datetime | None:
        """When WordPress dates it: its GMT date, or its local date (drafts have no GMT date)
        turned to UTC with the site's offset."""
        if self.date_gmt and self.date_gmt != NO_DATE:
            return _parse_date(self.date_gmt)
        if self.date and self.date != NO_DATE:
            local = _parse_date(self.date)
            return local - offset if local else None
        return None


@dataclass
class Export:
    title: str = ""
    base_url: str = ""
    version: str = ""
    authors: list[Author] = field(default_factory=list)
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (what, why) per bad item

    def utc_offset(self) -> timedelta:
        """The site's offset from UTC, read from the items that carry both dates (the export
        does not say its time zone); the most common one wins, zero when none do."""
        seen: dict[timedelta, int] = {}
        for item in self.items:
            if item.date_gmt in ("", NO_DATE) or item.date in ("", NO_DATE):
                continue
            local, utc = _parse_date(item.date), _parse_date(item.date_gmt)
            if local and utc:
                seen[local - utc] = seen.get(local - utc, 0) + 1
        return max(seen, key=seen.__getitem__) if seen else timedelta(0)

    def path_of(self, url: str) -> str:
        """The path of a URL of the old site ('' for other sites), query string included."""
        parts = urlsplit(url)
        base = urlsplit(self.base_url)
        if parts.netloc and parts.netloc != base.netloc:
            return ""
        path = parts.path
        base_path = base.path.rstrip("/")
        if base_path and path.startswith(base_path):
            path = path[len(base_path) :]
        return (path or "/") + (f"?{parts.query}" if parts.query else "")


def decode_slug(slug: str) -> str:
    """'%d9%be%db%8c' -> 'پی', as WordPress decodes a slug for its addresses."""
    return unquote(slug.strip())


def nicename(login: str) -> str:
    """The slug WordPress gives a user for /author/<slug>/: 'ayesha.malik' -> 'ayesha-malik'
    (sanitize_title() of the login: lower case, dots and spaces to dashes)."""
    text = re.sub(r"[.\s]+", "-", login.lower())
    text = re.sub(r"[^\w-]", "", text)
    return re.sub(r"-+", "-", text).strip("-")


def _parse_date(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _text(element: Element | None) -> str:
    return (element.text or "") if element is not None else ""


def _int(text: str) -> int:
    text = text.strip()
    if not text.lstrip("-").isdigit():
        raise ValueError(f"not a number: {text!r}")
    return int(text)


def read_export(source: str | IO[bytes]) -> Export:
    """The whole export, items in the order of the file."""
    export = Export()
    for kind, value in _elements(source, export):
        if kind == "item":
            export.items.append(value)
    return export


def _elements(source: str | IO[bytes], export: Export) -> Iterator[tuple[str, Item]]:
    wp = None
    try:
        events = iterparse(source, events=("start", "end"), forbid_dtd=True)
        depth = 0
        for event, element in events:
            if event == "start":
                depth += 1
                if wp is None and element.tag.startswith("{http://wordpress.org/export/"):
                    version = element.tag.split("/")[4]
                    if version not in VERSIONS:
                        raise ExportError(f"WXR version {version} is not one this importer reads")
                    wp = WP % version
                    export.version = version
                continue
            depth -= 1
            tag = element.tag
            if tag == "item":
                yield "item", _item(element, wp or WP % "1.2", export)
                element.clear()
            elif wp and tag == f"{wp}author":
                export.authors.append(_author(element, wp))
                element.clear()
            elif wp and tag == f"{wp}category":
                export.categories.append(_term(element, wp, "category"))
                element.clear()
            elif wp and tag == f"{wp}tag":
                export.tags.append(_term(element, wp, "post_tag"))
                element.clear()
            elif wp and tag == f"{wp}base_site_url":
                export.base_url = _text(element).strip().rstrip("/")
            elif tag == "title" and depth == 2:
                export.title = _text(element).strip()
            elif tag == "link" and depth == 2 and not export.base_url:
                export.base_url = _text(element).strip().rstrip("/")
    except (ParseError, DefusedXmlException) as error:
        raise ExportError(f"the file is not well-formed XML: {error}") from error
    if wp is None:
        raise ExportError("the file is not a WordPress export (no wp: elements)")


def _author(element: Element, wp: str) -> Author:
    wp_id = _text(element.find(f"{wp}author_id"))
    return Author(
        login=_text(element.find(f"{wp}author_login")).strip(),
        wp_id=int(wp_id) if wp_id.strip().isdigit() else None,
        email=_text(element.find(f"{wp}author_email")).strip(),
        display_name=_text(element.find(f"{wp}author_display_name")).strip(),
        first_name=_text(element.find(f"{wp}author_first_name")).strip(),
        last_name=_text(element.find(f"{wp}author_last_name")).strip(),
    )


# A WXR file names each taxonomy's fields in its own words: slug, name, description.
_TERM_FIELDS = {
    "category": ("category_nicename", "cat_name", "category_description"),
    "post_tag": ("tag_slug", "tag_name", "tag_description"),
}


def _term(element: Element, wp: str, taxonomy: str) -> Term:
    slug, name, description = (element.find(f"{wp}{field}") for field in _TERM_FIELDS[taxonomy])
    term_id = _text(element.find(f"{wp}term_id")).strip()
    return Term(
        taxonomy=taxonomy,
        slug=decode_slug(_text(slug)),
        name=unescape(_text(name).strip()),
        term_id=int(term_id) if term_id.isdigit() else None,
        parent_slug=decode_slug(_text(element.find(f"{wp}category_parent"))),  # tags have none
        description=_text(description).strip(),
    )


def _item(element: Element, wp: str, export: Export) -> Item:
    """One item; an item that cannot be read is kept with its problem noted in `export`."""
    title = _text(element.find("title")).strip()
    try:
        item = Item(
            wp_id=_int(_text(element.find(f"{wp}post_id"))),
            post_type=_text(element.find(f"{wp}post_type")).strip() or "post",
            status=_text(element.find(f"{wp}status")).strip(),
            title=title,
            link=_text(element.find("link")).strip(),
            creator=_text(element.find(DC_CREATOR)).strip(),
            content=_text(element.find(CONTENT)),
            excerpt=_text(element.find(f"{wp[:-1]}excerpt/}}encoded")),
            slug=decode_slug(_text(element.find(f"{wp}post_name"))),
            date=_text(element.find(f"{wp}post_date")).strip(),
            date_gmt=_text(element.find(f"{wp}post_date_gmt")).strip(),
            parent=_int(_text(element.find(f"{wp}post_parent")) or "0"),
            password=_text(element.find(f"{wp}post_password")),
            sticky=_text(element.find(f"{wp}is_sticky")).strip() == "1",
            attachment_url=_text(element.find(f"{wp}attachment_url")).strip(),
        )
    except ValueError as error:
        item = Item(wp_id=0, post_type="unreadable", status="", title=title)
        export.problems.append((f"item {title!r}", str(error)))
        return item
    for category in element.findall("category"):
        domain = category.get("domain", "")
        slug = decode_slug(category.get("nicename", ""))
        item.categories.append((domain, slug, unescape((category.text or "").strip())))
    for meta in element.findall(f"{wp}postmeta"):
        key = _text(meta.find(f"{wp}meta_key"))
        item.meta[key] = _text(meta.find(f"{wp}meta_value"))
    for comment in element.findall(f"{wp}comment"):
        comment_id = _text(comment.find(f"{wp}comment_id")).strip()
        parent = _text(comment.find(f"{wp}comment_parent")).strip()
        item.comments.append(
            Comment(
                wp_id=int(comment_id) if comment_id.isdigit() else 0,
                author=_text(comment.find(f"{wp}comment_author")).strip(),
                date_gmt=_text(comment.find(f"{wp}comment_date_gmt")).strip(),
                content=_text(comment.find(f"{wp}comment_content")),
                approved=_text(comment.find(f"{wp}comment_approved")).strip(),
                parent=int(parent) if parent.isdigit() else 0,
            )
        )
    item.fingerprint = hashlib.sha256(tostring(element)).hexdigest()
    return item


SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")


def original_upload_path(url: str) -> str:
    """'…/uploads/2024/05/x-300x169.jpg' -> '2024/05/x.jpg': the file a resized copy came from."""
    path = urlsplit(url).path
    marker = "/uploads/"
    if marker not in path:
        return ""
    return SIZE_SUFFIX.sub("", unquote(path.split(marker, 1)[1]))
