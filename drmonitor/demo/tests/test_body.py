"""An article body in Markdown: each block as an editor writes it, and what is refused."""

from __future__ import annotations

import pytest

from drmonitor.demo.body import (
    BodyError,
    DocumentLink,
    Heading,
    Paragraph,
    Picture,
    Quote,
    parse_body,
)


def test_paragraphs_keep_their_inline_markup_and_read_as_one_line():
    text = "A *short* **bold** claim, [sourced](https://example.org/a?b=1&c=2)\nand wrapped."
    assert parse_body(text) == [
        Paragraph(
            "<p>A <em>short</em> <strong>bold</strong> claim, "
            '<a href="https://example.org/a?b=1&amp;c=2">sourced</a> and wrapped.</p>'
        )
    ]


def test_text_that_looks_like_html_is_text():
    assert parse_body("Use <b>bold</b> & see.") == [
        Paragraph("<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; see.</p>")
    ]


def test_a_post_is_a_link_in_a_paragraph():
    assert parse_body("NetBlocks on X: <https://x.com/netblocks>") == [
        Paragraph(
            '<p>NetBlocks on X: <a href="https://x.com/netblocks">https://x.com/netblocks</a></p>'
        )
    ]


def test_headings_pictures_quotes_documents_and_lists():
    text = "\n\n".join(
        [
            "## What the court said",
            '![Our artwork](ballot-signal "Illustration: DRM")',
            "![](x-dark)",
            "> X is working\n>\n> — The minister, 13 March 2024",
            "> A quote without a source",
            "[Download the file (PDF)](document:x-ban-file)",
            "1. first\n2. second",
        ]
    )
    blocks = parse_body(text)
    assert blocks[:6] == [
        Heading("What the court said"),
        Picture("ballot-signal", "Our artwork", "Illustration: DRM"),
        Picture("x-dark"),
        Quote("X is working", "The minister, 13 March 2024"),
        Quote("A quote without a source"),
        DocumentLink("x-ban-file", "Download the file (PDF)"),
    ]
    assert blocks[6] == Paragraph("<ol>\n<li>first</li>\n<li>second</li>\n</ol>")


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("# Title", 1, "headings are written '## Heading' (one level only)"),
        ("Fine.\n\n#### Deep", 3, "headings are written '## Heading' (one level only)"),
        ("Look: ![a](x-dark)", 1, "a picture stands alone in its paragraph"),
        ("[The file](document:x) and more", 1, "a document link stands alone in its paragraph"),
        ("```\ncode\n```", 1, "code blocks cannot be part of an article body"),
        ("Text.\n\n---\n\nMore.", 3, "horizontal rules cannot be part of an article body"),
        ("A [link](/about/).", 1, "links go to web addresses"),
        ("## A [linked](https://x.org) heading", 1, "headings and quotes are plain text"),
    ],
)
def test_what_the_article_page_cannot_show_is_refused_with_its_line(text, line, message):
    with pytest.raises(BodyError) as refused:
        parse_body(text)
    assert refused.value.line == line
    assert message in str(refused.value)
