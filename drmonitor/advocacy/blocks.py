"""What a campaign asks of readers and what its supporters said, and a statement's files."""

from wagtail import blocks

from drmonitor.newsroom.blocks import DocumentLinkBlock


class CallToActionBlock(blocks.StructBlock):
    """One thing a reader can do: "Post under #RestoreX", with a link where there is one."""

    text = blocks.CharBlock(max_length=300)
    link = blocks.URLBlock(required=False)

    class Meta:
        icon = "pick"


class SupporterQuoteBlock(blocks.StructBlock):
    """A supporter's words, with who said them and the source that printed them."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock()
    source = blocks.URLBlock(required=False, help_text="Where the quote was published.")

    class Meta:
        icon = "openquote"


class DownloadBlock(DocumentLinkBlock):
    """The statement as issued, as a file to download (shown with its type and size)."""

    class Meta:
        icon = "download"
        template = "advocacy/blocks/download.html"
