"""A WordPress post body, read into the blocks an article is made of.

WordPress stores a body raw: block-editor comments (`<!-- wp:image {"id":12} -->`), classic
HTML whose paragraphs are blank lines (WordPress adds the `<p>` tags when it shows the post),
and shortcodes (`[caption]`, `[gallery]`, `[embed]`, a theme's own). Here:

- block comments are dropped, except an embed's, which says which URL it shows;
- `[caption]` becomes a figure, `[gallery ids=…]` a run of pictures, `[embed]URL[/embed]` and a
  bare URL on a line of its own (WordPress embeds those too) an embed block;
- loose text is split into paragraphs at blank lines, as WordPress's `wpautop()` does;
- headings become heading blocks, blockquotes quote blocks, figures and images picture blocks;
- paragraphs and lists become rich text that has been through the same conversion the admin's
  editor applies when an editor saves (Wagtail's contentstate converter with the body's
  features): whatever the article's rich text may not hold (scripts, styles, attributes,
  tables, iframes) is gone, its words kept;
- a shortcode this importer does not know (a theme's, e.g. JNews's) is left in the text as it
  was written, where an editor can see it, and counted for the report.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from drmonitor.newsroom.blocks import PARAGRAPH_FEATURES

# What a body picture resolves to: (WordPress attachment id or None, image URL) -> our image.
ImageLookup = Callable[[int | None, str], "FoundImage | None"]

KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed"}
SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]]*?)(/?)\](?:(.*?)\[/\2\])?(\]?)", re.S
)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*\'([^\']*)\'|([\w-]+)\s*=\s*(\S+)')
EMBED_NAME = r"(?:core-)?embed(?:/[\w-]+)?"  # wp:embed, and wp:core-embed/youtube before 5.6
BLOCK_EMBED = re.compile(
    rf"<!-- wp:{EMBED_NAME}\s+(\{{.*?\}})\s+-->(.*?)<!-- /wp:{EMBED_NAME} -->", re.S
)
BLOCK_COMMENT = re.compile(r"<!-- /?wp:[^>]*?-->")
EMBED_LINE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$", re.M)
WP_IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
INLINE = {"a", "strong", "b", "em", "i", "span", "br", "sup", "sub", "code", "u", "s", "small"}
INLINE |= {"abbr", "cite", "mark", "del", "ins", "q", "time", "font"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Providers WordPress embeds from a bare URL on its own line (the ones a newsroom uses).
EMBED_HOSTS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "twitter.com",
    "x.com",
    "facebook.com",
    "instagram.com",
    "soundcloud.com",
    "tiktok.com",
    "flickr.com",
    "dailymotion.com",
    "scribd.com",
    "slideshare.net",
    "spotify.com",
)

_converter: ContentstateConverter | None = None


@dataclass(frozen=True)
class FoundImage:
    pk: int
    caption: str


@dataclass
class Body:
    """The blocks of one body and what the report should say about it."""

    blocks: list[dict] = field(default_factory=list)
    unknown_shortcodes: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def sanitise(html: str) -> str:
    """Rich text as the admin's editor would store it: through Wagtail's contentstate
    conversion for the article body's features, so nothing else survives."""
    global _converter
    if _converter is None:
        _converter = ContentstateConverter(PARAGRAPH_FEATURES)
    return _converter.to_database_format(_converter.from_database_format(html))


def convert(content: str, find_image: ImageLookup) -> Body:
    body = Body()
    html = BLOCK_EMBED.sub(_block_embed, content)
    html = BLOCK_COMMENT.sub("", html)
    html = _shortcodes(html, body)
    soup = BeautifulSoup(html, "html.parser")
    for code in soup.find_all(["script", "style", "noscript"]):
        body.problems.append(f"a <{code.name}> element was left out")
        code.decompose()
    _Walker(body, find_image).walk(soup)
    return body


def _block_embed(match: re.Match) -> str:
    try:
        url = json.loads(match.group(1)).get("url", "")
    except ValueError:
        url = ""
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", match.group(2), re.S)
    if not url:
        return match.group(2)
    text = caption.group(1) if caption else ""
    return f'<figure data-embed="{escape(url)}"><figcaption>{text}</figcaption></figure>'


def shortcode_attributes(text: str) -> dict[str, str]:
    found = {}
    for match in ATTRIBUTE.finditer(text):
        name = match.group(1) or match.group(3) or match.group(5)
        value = match.group(2) if match.group(1) else match.group(4) or match.group(6) or ""
        found[name.lower()] = value
    return found


def _shortcodes(html: str, body: Body) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1) == "[" and match.group(6) == "]":
            return match.group(0)[1:-1]  # [[escaped]] is shown as [escaped]
        name, attributes, inner = match.group(2).lower(), match.group(3), match.group(5) or ""
        values = shortcode_attributes(attributes)
        if name in ("caption", "wp_caption"):
            return _caption(values, inner)
        if name == "gallery":
            ids = values.get("ids") or values.get("include") or ""
            return f'<div data-wp-gallery="{escape(ids)}"></div>'
        if name == "embed":
            url = inner.strip() or values.get("src", "")
            return f'<figure data-embed="{escape(url)}"></figure>'
        body.unknown_shortcodes[name] += 1
        # Kept as written; what is inside is read as body text too.
        return match.group(0)

    html = SHORTCODE.sub(replace, html)
    return EMBED_LINE.sub(_bare_embed, html)


def _caption(values: dict[str, str], inner: str) -> str:
    soup = BeautifulSoup(inner, "html.parser")
    image = soup.find("img")
    caption = values.get("caption", "")
    if image is not None:
        holder = image.find_parent("a") or image
        holder.extract()
        caption = caption or soup.decode_contents().strip()
    text = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{image or ''}{text}</figure>"


def _bare_embed(match: re.Match) -> str:
    url = match.group(1)
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
    if any(host == known or host.endswith("." + known) for known in EMBED_HOSTS):
        return f'<figure data-embed="{escape(url)}"></figure>'
    return match.group(0)


def embed_url(src: str) -> str:
    """The URL oEmbed knows for an embedded player's address (YouTube's /embed/ID)."""
    parts = urlsplit(src if "//" in src else "https:" + src)
    host = (parts.hostname or "").removeprefix("www.")
    if host in ("youtube.com", "youtube-nocookie.com") and parts.path.startswith("/embed/"):
        return "https://www.youtube.com/watch?v=" + parts.path.split("/")[2]
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return "https://vimeo.com/" + parts.path.split("/")[2]
    return parts.geturl()


class _Walker:
    """Turns the top level of a body's HTML into blocks, paragraph text gathered in runs."""

    def __init__(self, body: Body, find_image: ImageLookup) -> None:
        self.body = body
        self.find_image = find_image
        self.text: list[str] = []  # rich-text HTML waiting to become one paragraph block
        self.inline: list[str] = []  # loose inline HTML waiting to become a <p>

    def walk(self, node: Tag) -> None:
        for child in list(node.children):
            self.visit(child)
        self.flush()

    # --- gathering text ---

    def add_inline(self, html: str) -> None:
        parts = re.split(r"\n\s*\n", html)
        for index, part in enumerate(parts):
            if index:
                self.end_inline()
            self.inline.append(part)

    def end_inline(self) -> None:
        html = "".join(self.inline).strip()
        self.inline = []
        if html and BeautifulSoup(html, "html.parser").get_text().strip():
            self.text.append("<p>" + html.replace("\n", "<br/>") + "</p>")

    def add_text(self, html: str) -> None:
        self.end_inline()
        self.text.append(html)

    def flush(self) -> None:
        self.end_inline()
        if self.text:
            rich = sanitise("".join(self.text))
            if rich.strip():
                self.body.blocks.append({"type": "paragraph", "value": rich})
        self.text = []

    def add_block(self, kind: str, value: object) -> None:
        self.flush()
        self.body.blocks.append({"type": kind, "value": value})

    # --- nodes ---

    def visit(self, node) -> None:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment, doctype or CDATA
                self.add_inline(escape(str(node), quote=False))
            return
        name = node.name
        if name in INLINE:
            self.add_inline(str(node))
        elif name == "img":
            self.image(node, "")
        elif name == "p":
            self.paragraph(node)
        elif name in HEADINGS:
            text = node.get_text(" ", strip=True)
            if text:
                self.add_block("heading", text)
        elif name in ("ul", "ol"):
            self.add_text(str(node))
        elif name == "blockquote":
            self.quote(node)
        elif name == "figure":
            self.figure(node)
        elif name == "iframe":
            self.iframe(node)
        elif name == "div" and node.has_attr("data-wp-gallery"):
            self.gallery([int(i) for i in re.findall(r"\d+", node["data-wp-gallery"])])
        elif name == "table":
            self.table(node)
        elif name in ("hr", "br"):
            self.end_inline()
        elif name in ("pre",):
            self.add_text(f"<p>{escape(node.get_text())}</p>")
        else:  # div, section, article, span-like containers: their content counts
            self.end_inline()
            for child in list(node.children):
                self.visit(child)
            self.end_inline()

    def paragraph(self, node: Tag) -> None:
        self.end_inline()
        media = node.find_all(["img", "iframe"])
        if not media:
            self.add_text(str(node))
            return
        # A picture inside a paragraph (classic editor): the text around it stays in order.
        for child in list(node.children):
            if isinstance(child, Tag) and (child.name in ("img", "iframe") or child.find("img")):
                self.visit(child.find("img") if child.name == "a" else child)
            else:
                self.visit(child)
        self.end_inline()

    def quote(self, node: Tag) -> None:
        cite = node.find("cite")
        attribution = cite.get_text(" ", strip=True) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [p.get_text(" ", strip=True) for p in node.find_all("p")]
        text = "\n\n".join(p for p in paragraphs if p) or node.get_text(" ", strip=True)
        if text:
            self.add_block("quote", {"quote": text, "attribution": attribution})

    def figure(self, node: Tag) -> None:
        caption_node = node.find("figcaption")
        caption = caption_node.get_text(" ", strip=True) if caption_node else ""
        if node.has_attr("data-embed"):
            self.embed(node["data-embed"], caption)
            return
        images = node.find_all("img")
        classes = " ".join(node.get("class", []))
        if "wp-block-gallery" in classes or len(images) > 1:
            inner = [f for f in node.find_all("figure") if f.find("img") is not None]
            if inner:
                own = [f.find("figcaption") for f in inner]
                pictures = [
                    self.picture(f.find("img"), c.get_text(" ", strip=True) if c else "")
                    for f, c in zip(inner, own, strict=True)
                ]
                # The gallery's own caption is the last figcaption that is not a picture's.
                mine = [c for c in node.find_all("figcaption") if c not in own]
                caption = mine[-1].get_text(" ", strip=True) if mine else ""
            else:
                pictures = [self.picture(image, "") for image in images]
            self.pictures([p for p in pictures if p is not None], caption)
            return
        if images:
            self.image(images[0], caption)
            return
        frame = node.find("iframe")
        if frame is not None:
            self.iframe(frame, caption)
            return
        if "wp-block-embed" in classes:
            url = node.get_text(" ", strip=True).split(" ")[0]
            if url.startswith("http"):
                self.embed(url, caption)
                return
        table = node.find("table")
        if table is not None:
            self.table(table)
            if caption:
                self.add_text(f"<p>{escape(caption)}</p>")
            return
        self.visit_children(node)

    def visit_children(self, node: Tag) -> None:
        self.end_inline()
        for child in list(node.children):
            self.visit(child)
        self.end_inline()

    def image(self, node: Tag, caption: str) -> None:
        picture = self.picture(node, caption)
        if picture is not None:
            self.add_block("image", picture)

    def picture(self, node: Tag, caption: str) -> dict | None:
        """A picture block's value, or None (reported) when the picture is not imported."""
        src = node.get("src", "")
        match = WP_IMAGE_CLASS.search(" ".join(node.get("class", [])))
        wp_id = int(match.group(1)) if match else None
        if wp_id is None and node.get("data-id", "").isdigit():
            wp_id = int(node["data-id"])
        found = self.find_image(wp_id, src)
        if found is None:
            self.body.problems.append(
                f"picture {src or wp_id} is not among the export's attachments: left out"
                + (f" (caption: {caption})" if caption else "")
            )
            return None
        own = caption if caption and caption != found.caption else ""
        return {"image": found.pk, "caption": own[:255], "credit": ""}

    def gallery(self, ids: list[int]) -> None:
        pictures = []
        for wp_id in ids:
            found = self.find_image(wp_id, "")
            if found is None:
                self.body.problems.append(f"gallery picture {wp_id} is not in the export")
                continue
            pictures.append({"image": found.pk, "caption": "", "credit": ""})
        self.pictures(pictures, "")

    def pictures(self, pictures: list[dict], caption: str) -> None:
        """A gallery block; one picture alone is a picture block."""
        if len(pictures) == 1:
            self.add_block("image", {**pictures[0], "caption": pictures[0]["caption"] or caption})
        elif pictures:
            self.add_block("gallery", {"pictures": pictures, "caption": caption[:255]})

    def embed(self, url: str, caption: str) -> None:
        url = url.strip()
        if not url.startswith(("http://", "https://")):
            self.body.problems.append(f"an embed without a web address ({url!r}) was left out")
            return
        self.add_block("embed", {"embed": url, "caption": caption[:255]})

    def iframe(self, node: Tag, caption: str = "") -> None:
        src = node.get("src", "")
        if not src:
            return
        url = embed_url(src)
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        if any(host == known or host.endswith("." + known) for known in EMBED_HOSTS):
            self.embed(url, caption)
            return
        # An iframe from elsewhere would run someone else's page inside ours: a link instead.
        self.body.problems.append(f"an iframe of {host or src} became a link")
        self.add_text(f'<p><a href="{escape(url)}">{escape(caption or url)}</a></p>')

    def table(self, node: Tag) -> None:
        """Rich text holds no tables: each row becomes a line of its cells."""
        rows = []
        for row in node.find_all("tr"):
            cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            rows.append(escape(" | ".join(cells)))
        if rows:
            self.body.problems.append("a table became lines of text")
            self.add_text("<p>" + "<br/>".join(rows) + "</p>")


def plain_text(html: str) -> str:
    """An excerpt or caption without its markup."""
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True) if html else ""
