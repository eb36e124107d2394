"""The demo's pictures and documents, drawn once and saved through Wagtail's upload forms.

Saving through the forms editors use gives each file the same checks (format, size) and the
same metadata (dimensions, file size, hash) as an upload in the admin, without reaching into
Wagtail's internals. Pictures and documents are found again by title, their identity in the
library, so an editor's edits to them survive a reload. Every one the content lists is made,
used or not, so the library matches the files.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection
from wagtailmedia.forms import get_media_form
from wagtailmedia.models import get_media_model

from drmonitor.demo import drawing
from drmonitor.demo.reading import Article, DemoContent, Located
from drmonitor.demo.saving import reported
from drmonitor.demo.schema import AttachmentSpec, AuthorSpec, DocumentSpec, PictureSpec
from drmonitor.media import sound, timecodes

PORTRAIT_CREDIT = "Illustration: DRM"


def add_image(title: str, filename: str, data: bytes, **fields: str):
    """A new image in the library, saved as the admin's upload form saves it."""
    form_class = get_image_form(get_image_model())
    return _save_form(form_class, title, filename, data, fields)


def add_document(title: str, filename: str, data: bytes):
    """A new document in the library, saved as the admin's upload form saves it."""
    form_class = get_document_form(get_document_model())
    return _save_form(form_class, title, filename, data, {})


def add_recording(title: str, filename: str, data: bytes, seconds: int):
    """A new audio file in the media library, saved as wagtailmedia's upload form saves it."""
    form_class = get_media_form(get_media_model())
    instance = get_media_model()(type="audio")
    return _save_form(form_class, title, filename, data, {"duration": str(seconds)}, instance)


def _save_form(
    form_class, title: str, filename: str, data: bytes, fields: dict[str, str], instance=None
):
    root = Collection.get_first_root_node()
    form = form_class(
        data={"title": title, "collection": str(root.pk), **fields},
        files={"file": SimpleUploadedFile(filename, data)},
        **({"instance": instance} if instance is not None else {}),
    )
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form.save()


def describe(spec: PictureSpec) -> str:
    """Alt text: what the drawing shows, charts with their numbers."""
    if spec.chart:
        chart = spec.chart
        values = "; ".join(f"{label}: {value:g} {chart.unit}" for label, value in chart.bars)
        return f"Bar chart, {chart.title}. {values}."
    if spec.diagram:
        diagram = spec.diagram
        return (
            f"Diagram, {diagram.title}: {len(diagram.spokes)} lines into {diagram.hub}; "
            f"{', '.join(diagram.broken)} drawn dashed as faulty."
        )
    return f"Abstract geometric illustration for \u201c{spec.label}\u201d"


def draw(spec: PictureSpec) -> bytes:
    if spec.chart:
        chart = spec.chart
        return drawing.bar_chart(spec.key, chart.title, list(chart.bars), chart.unit, chart.note)
    if spec.diagram:
        diagram = spec.diagram
        return drawing.hub_diagram(
            spec.key,
            diagram.title,
            diagram.hub,
            list(diagram.spokes),
            list(diagram.broken),
            diagram.note,
        )
    return drawing.illustration(spec.key)


def _set_focal_point(image, centre: tuple[int, int]) -> None:
    """Mark the drawing's centre of interest, so close crops (thumbnails) keep it in frame."""
    side = min(image.width, image.height) // 3
    image.focal_point_x, image.focal_point_y = centre
    image.focal_point_width = image.focal_point_height = side
    image.save(
        update_fields=[
            "focal_point_x",
            "focal_point_y",
            "focal_point_width",
            "focal_point_height",
        ]
    )


class MediaLibrary:
    """Every picture and document the content lists, found by title or made and saved."""

    def __init__(self, content: DemoContent) -> None:
        self.images = {entry.spec.key: self._image(entry) for entry in content.pictures}
        self.documents = {entry.spec.key: self._document(entry) for entry in content.documents}
        self.attachments = {
            (entry.spec.folder, entry.spec.key): self._attachment(entry)
            for entry in content.attachments
        }

    def image(self, key: str):
        return self.images[key]

    def attachment(self, folder: str, key: str):
        """An episode's captions or an infographic's data, as a document."""
        return self.attachments[(folder, key)]

    @staticmethod
    def recording(entry: Located[Article]):
        """An episode's recording, made for it: it beeps once a second, in a new pitch from
        each chapter's start, so a listener hears where a chapter begins."""
        episode = entry.spec.front.episode
        title = f"Recording: {entry.slug}"
        found = get_media_model().objects.filter(title=title).first()
        if found is not None:
            return found
        seconds = episode.recording_seconds
        starts = [timecodes.parse(chapter.start) for chapter in episode.chapters]
        with reported(entry, "episode.recording_seconds"):
            return add_recording(
                title, f"{entry.slug}.wav", sound.beeping_wav(seconds, starts), seconds
            )

    @staticmethod
    def _attachment(entry: Located[AttachmentSpec]):
        spec = entry.spec
        kind, suffix = ("Captions", "vtt") if spec.folder == "captions" else ("Data", "csv")
        title = f"{kind}: {spec.key}"
        document = get_document_model().objects.filter(title=title).first()
        if document is None:
            with reported(entry):
                document = add_document(title, f"{spec.key}.{suffix}", spec.data)
        return document

    def document(self, key: str):
        return self.documents[key]

    @staticmethod
    def _image(entry: Located[PictureSpec]):
        spec = entry.spec
        image = get_image_model().objects.filter(title=spec.title).first()
        if image is None:
            figure = spec.chart or spec.diagram
            with reported(entry):
                image = add_image(
                    spec.title,
                    f"{spec.key}.{'png' if figure else 'jpg'}",
                    draw(spec),
                    caption=spec.caption,
                    credit=spec.credit,
                    description=describe(spec),
                )
                if not figure:
                    _set_focal_point(image, drawing.focal_point(spec.key, image.get_rect().size))
        return image

    @staticmethod
    def _document(entry: Located[DocumentSpec]):
        spec = entry.spec
        document = get_document_model().objects.filter(title=spec.title).first()
        if document is None:
            data = drawing.pdf_document(spec.title, list(spec.paragraphs), spec.subtitle)
            with reported(entry):
                document = add_document(spec.title, f"{spec.key}.pdf", data)
        return document

    @staticmethod
    def portrait(entry: Located[AuthorSpec]):
        """An author's drawn portrait, made with the author."""
        author = entry.spec
        title = f"Portrait: {author.name}"
        image = get_image_model().objects.filter(title=title).first()
        if image is None:
            with reported(entry, "portrait"):
                image = add_image(
                    title,
                    f"author-{author.slug}.png",
                    drawing.avatar(author.slug, author.name),
                    caption=author.name,
                    credit=PORTRAIT_CREDIT,
                    description=(
                        f"The initials {drawing.initials_of(author.name)} on a coloured disc"
                    ),
                )
        return image
