"""An article body written in Markdown, read into the blocks an article is made of.

Plain Markdown covers every block, so an editor writes no directives:

    paragraph           a paragraph (bold, italic, links, <https://autolinks>)
    ## Heading          a heading block (the title is in the front matter; no other levels)
    - item / 1. item    a list, kept as its own rich-text block
    ![caption](key "credit")     alone in a paragraph: a picture from pictures.yaml
    > quote ... > — attribution  a quote; a last paragraph starting with a dash is its source
    [title](document:key)        alone in a paragraph: a download of a document from documents.yaml

Anything else (code, tables, raw HTML, rules) is refused with its line number rather than
shown in a form the article page was not built for. docs/demo-content.md has the full rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

DOCUMENT_SCHEME = "document:"
ATTRIBUTION_DASHES = ("—", "–", "--")

# Raw HTML is shown as text: a body holds what the article's rich text may hold, nothing more.
_markdown = MarkdownIt("commonmark", {"html": False}).disable("backticks")
_INLINE = {"text", "softbreak", "hardbreak", "em_open", "em_close", "strong_open"}
_INLINE |= {"strong_close", "link_open", "link_close"}


@dataclass(frozen=True)
class Paragraph:
    """Rich text, as the HTML Wagtail stores (a paragraph or a list)."""

    html: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str = ""


@dataclass(frozen=True)
class Picture:
    """A picture by its key in pictures.yaml; empty caption and credit use the picture's own."""

    key: str
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class DocumentLink:
    key: str
    title: str = ""


Block = Paragraph | Heading | Quote | Picture | DocumentLink


class BodyError(ValueError):
    """A body the article page cannot show; `line` counts from the body's first line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def parse_body(text: str) -> list[Block]:
    tokens = _markdown.parse(text)
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _closing(tokens, index)
        blocks.append(_block(tokens[index : end + 1], _line(token)))
        index = end + 1
    return blocks


def _closing(tokens: list[Token], start: int) -> int:
    """The index of the token that closes the block opened at `start` (itself if it is leaf)."""
    if tokens[start].nesting != 1:
        return start
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def _block(tokens: list[Token], line: int) -> Block:
    kind = tokens[0].type
    if kind == "paragraph_open":
        return _paragraph(tokens[1], line)
    if kind == "heading_open":
        if tokens[0].tag != "h2":
            raise BodyError(line, "headings are written '## Heading' (one level only)")
        return Heading(_plain(tokens[1], line))
    if kind in ("bullet_list_open", "ordered_list_open"):
        for token in tokens:
            if token.type == "inline":
                _check_inline(token, line)
        return Paragraph(_markdown.renderer.render(tokens, _markdown.options, {}).strip())
    if kind == "blockquote_open":
        return _quote(tokens, line)
    names = {
        "fence": "code blocks",
        "code_block": "indented code (a paragraph indented by four spaces?)",
        "hr": "horizontal rules",
        "html_block": "raw HTML",
    }
    raise BodyError(line, f"{names.get(kind, kind)} cannot be part of an article body")


def _paragraph(inline: Token, line: int) -> Block:
    children = inline.children or []
    if any(child.type == "image" for child in children):
        if len(children) != 1:
            raise BodyError(line, "a picture stands alone in its paragraph")
        image = children[0]
        return Picture(
            key=str(image.attrGet("src")),
            caption=image.content,
            credit=str(image.attrGet("title") or ""),
        )
    links = [child for child in children if child.type == "link_open"]
    if any(str(link.attrGet("href")).startswith(DOCUMENT_SCHEME) for link in links):
        alone = len(links) == 1 and children[0] is links[0] and children[-1].type == "link_close"
        if not alone:
            raise BodyError(line, "a document link stands alone in its paragraph")
        key = str(links[0].attrGet("href"))[len(DOCUMENT_SCHEME) :]
        return DocumentLink(key=key, title=_text_of(children[1:-1]))
    _check_inline(inline, line)
    return Paragraph(f"<p>{_render_inline(children)}</p>")


def _quote(tokens: list[Token], line: int) -> Quote:
    inner = tokens[1:-1]
    if any(token.type not in ("paragraph_open", "paragraph_close", "inline") for token in inner):
        raise BodyError(line, "a quote holds paragraphs only")
    paragraphs = [_plain(token, _line(token) or line) for token in inner if token.type == "inline"]
    attribution = ""
    if len(paragraphs) > 1 and paragraphs[-1].startswith(ATTRIBUTION_DASHES):
        attribution = paragraphs.pop().lstrip("—–-").strip()
    return Quote(text="\n\n".join(paragraphs), attribution=attribution)


def _check_inline(inline: Token, line: int) -> None:
    for child in inline.children or []:
        if child.type == "image":
            raise BodyError(line, "a picture stands alone in its paragraph")
        if child.type not in _INLINE:
            raise BodyError(line, f"'{child.markup or child.type}' is not allowed here")
        if child.type == "link_open" and not str(child.attrGet("href")).startswith(
            ("http://", "https://", "mailto:")
        ):
            raise BodyError(line, f"links go to web addresses, not {child.attrGet('href')!r}")


def _plain(inline: Token, line: int) -> str:
    """The text of a heading or quote, which hold no markup."""
    children = inline.children or []
    if any(child.type not in ("text", "softbreak") for child in children):
        raise BodyError(line, "headings and quotes are plain text (no links or emphasis)")
    return _text_of(children)


def _text_of(children: list[Token]) -> str:
    return "".join(" " if child.type == "softbreak" else child.content for child in children)


def _render_inline(children: list[Token]) -> str:
    """Inline HTML with line breaks inside a paragraph joined by spaces, as they read."""
    joined = [
        Token("text", "", 0, content=" ") if child.type == "softbreak" else child
        for child in children
    ]
    return _markdown.renderer.renderInline(joined, _markdown.options, {})
