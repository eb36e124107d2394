"""A provision of a law or an international instrument, as a reader links to it by anchor."""

from __future__ import annotations

from django.utils.text import slugify
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

PROVISION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ProvisionBlock(blocks.StructBlock):
    """Section 37 of PECA, Article 19 of the ICCPR: a number, a heading and its text.

    The page says what its provisions are called ("section", "article"); the anchor is that word
    and the number, so `#section-37` or `#article-19` stays the same however the text changes.
    """

    number = blocks.CharBlock(max_length=20, help_text='As printed, e.g. "37", "26A", "54(3)".')
    heading = blocks.CharBlock(required=False, max_length=255)
    text = blocks.RichTextBlock(
        features=PROVISION_FEATURES,
        required=False,
        help_text="The text, or our summary of it; say which. Leave empty when unknown.",
    )
    source = blocks.URLBlock(required=False, help_text="Where the text or summary comes from.")
    tracker_law = SnippetChooserBlock(
        "tracker.Law",
        required=False,
        label="Tracker record",
        help_text="The tracker's record of this provision: the incidents and cases that cite "
        "it are listed under it.",
    )

    class Meta:
        icon = "doc-full"
        label = "Provision"


def provision_anchor(label: str, number: str) -> str:
    """'section', '54(3)' -> 'section-54-3'; 'article', '19' -> 'article-19'."""
    return f"{label}-{slugify(number) or 'x'}"
