"""The pieces an article body is made of."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text keeps to what a news body needs; Wagtail's whitelist strips everything else.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, help_text="Defaults to the image's own caption.")
    credit = blocks.CharBlock(required=False, help_text="Defaults to the image's own credit.")

    class Meta:
        icon = "image"
        template = "newsroom/blocks/captioned_image.html"


class GalleryBlock(blocks.StructBlock):
    """Pictures shown together as a grid, each with its own caption (a WordPress gallery)."""

    pictures = blocks.ListBlock(CaptionedImageBlock(), min_num=2)
    caption = blocks.CharBlock(required=False, help_text="Said of the gallery as a whole.")

    class Meta:
        icon = "image"
        template = "newsroom/blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


class EmbedWithCaptionBlock(blocks.StructBlock):
    """A post on X, a YouTube video or anything else oEmbed knows, with a text fallback link."""

    embed = EmbedBlock(help_text="The URL of the post or video.")
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "newsroom/blocks/embed.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Defaults to the document's title.")

    class Meta:
        icon = "doc-full"
        template = "newsroom/blocks/document_link.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """The body. "Save draft" checks its blocks as "Publish" does.

    Wagtail lets a draft keep an empty required field, and so an empty paragraph, a quote with
    no text or a picture block with no picture; the writer learns of it only when submitting,
    often after the story has changed hands. A block a writer adds is meant to be filled in,
    so its required parts are checked on every save. The body as a whole may still be empty.
    """

    heading = blocks.CharBlock(
        form_classname="title", icon="title", template="newsroom/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    embed = EmbedWithCaptionBlock()
    document = DocumentLinkBlock()

    def defer_required_validation(self):
        # Wagtail's StreamBlock would pass the deferral on to every child block; not doing so
        # keeps them required. Only the flag the deferral itself reads is set.
        self.is_deferred_validation = True
