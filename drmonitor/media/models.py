"""Vodcasts and infographics: sections whose readers expect more than text.

Both kinds of page are articles (subclasses of the newsroom's ArticlePage): they have bylines,
tags, a date, extra sections, related articles and the boxes other apps add under articles,
and they are listed, searched and fed exactly as articles are. What they add is their own
medium: an episode's recording, chapters, guests, captions and transcript; an infographic's
picture at full size, its text description, its data and its embed code.

A series is a section (a SectionPage) whose pages are episodes, grouped in seasons, with a
podcast feed for readers' apps (feeds.py). The Infographics section lists its graphics as a
gallery.
"""

from __future__ import annotations

import csv
import io
import uuid
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import format_html
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from drmonitor.core.caching import depends_on, keep
from drmonitor.core.caching import keys as core_keys
from drmonitor.core.fields import optional_blocks, optional_link
from drmonitor.core.index_fields import indexed
from drmonitor.core.page_context import Context
from drmonitor.core.page_tree import lives_only_in
from drmonitor.core.panels import field_panels, fieldset
from drmonitor.media import keys, podcast, timecodes
from drmonitor.media.blocks import ChapterBlock, GuestBlock, TranscriptLineBlock
from drmonitor.newsroom import keys as newsroom_keys
from drmonitor.newsroom.models import ArticlePage, SectionPage

# Podcasting 2.0: a podcast's guid is a UUIDv5 of its feed URL without the scheme, in this
# namespace (https://podcastindex.org/namespace/1.0#guid).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
# The largest data file shown as a table on the page; bigger ones are only offered to download.
MAX_TABLE_BYTES = 512 * 1024
MAX_TABLE_ROWS = 500
# The embed code's picture and frame: 800 pixels wide, and room under the frame's picture for
# its one line of credit.
EMBED_SPEC = "width-800"
EMBED_WIDTH = 800
EMBED_CAPTION_HEIGHT = 40


# --- vodcasts -------------------------------------------------------------------------------


class SeriesPage(RoutablePageMixin, SectionPage):
    """A vodcast series, such as DRM Exclusive › Vodcasts: its episodes, by season, and the
    podcast feed that lets readers follow it in their apps (at `podcast/`)."""

    artwork = optional_link(
        "core.CustomImage",
        help_text="Square artwork for podcast apps (at least 1400 × 1400 pixels is best).",
    )
    podcast_author = models.CharField(max_length=200, default="Digital Rights Monitor")
    owner_email = models.EmailField(
        blank=True, help_text="Podcast directories write here to confirm who owns the feed."
    )
    category = models.CharField(
        max_length=100, default="News", help_text="An Apple Podcasts category, e.g. News."
    )
    language = models.CharField(max_length=12, default="en")
    explicit = models.BooleanField(default=False)

    content_panels = SectionPage.content_panels + field_panels(
        InlinePanel("seasons", label="Seasons"),
        fieldset(
            "Podcast feed",
            "artwork",
            "podcast_author",
            "owner_email",
            "category",
            "language",
            "explicit",
        ),
    )

    class Meta:
        verbose_name = "vodcast series"

    @path("podcast/")
    def podcast_feed(self, request: HttpRequest):
        """The podcast feed: RSS 2.0 with Apple's and Podcasting 2.0's tags."""
        depends_on(newsroom_keys.section_articles(self.pk))
        episodes = list(self.episodes().prefetch_related("captions__document"))
        depends_on(*(core_keys.page(episode.pk) for episode in episodes))
        xml = podcast.feed_xml(self, episodes, request)
        return HttpResponse(xml, content_type="application/rss+xml; charset=utf-8")

    def own_context(self, context: Context) -> Context:
        return {"seasons": list(self.seasons.all())}

    def episodes(self):
        """Live, public episodes of this series, newest first."""
        return (
            EpisodePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date_published", "-pk")
            .select_related("recording", "season", "featured_image")
        )

    def podcast_url(self, request: HttpRequest | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage("podcast_feed")

    def podcast_guid(self, feed_url: str) -> str:
        """The feed's Podcasting 2.0 guid: stable as long as the feed's address is."""
        without_scheme = feed_url.split("://", 1)[-1].rstrip("/")
        return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, without_scheme))


class Season(Orderable):
    series = ParentalKey(SeriesPage, on_delete=models.CASCADE, related_name="seasons")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)

    panels = field_panels("number", "title", "description")

    class Meta(Orderable.Meta):
        unique_together = [("series", "number")]

    def __str__(self) -> str:
        return f"Season {self.number}" + (f": {self.title}" if self.title else "")


class ExternalVideo:
    """A video on another site, and how to embed it once the reader asks for it.

    Only providers whose player address can be built from the link are embedded (YouTube,
    through its no-cookie domain, and Vimeo); any other link is shown as a link.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        parts = urlsplit(url)
        self.host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
        self.embed_url = self._embed_url(parts)

    def _embed_url(self, parts) -> str:
        video_id = ""
        if self.host == "youtu.be":
            video_id = parts.path.strip("/")
        elif self.host == "youtube.com":
            if parts.path == "/watch":
                video_id = parse_qs(parts.query).get("v", [""])[0]
            elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
                video_id = parts.path.split("/")[2]
        elif self.host == "vimeo.com" and parts.path.strip("/").isdigit():
            return f"https://player.vimeo.com/video/{parts.path.strip('/')}"
        if video_id and video_id.replace("-", "").replace("_", "").isalnum():
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        return ""

    def at(self, seconds: int) -> str:
        """The link to this video at a moment (YouTube and Vimeo both read `#t=`)."""
        return f"{self.url.split('#')[0]}#t={seconds}"


@lives_only_in(SeriesPage)
class EpisodePage(RoutablePageMixin, ArticlePage):
    """An episode: a recording uploaded to the site, or a video on another site with a
    poster; its length, guests, chapters, captions and transcript."""

    season = optional_link(Season, related_name="episodes")
    episode_number = models.PositiveSmallIntegerField(null=True, blank=True)
    recording = optional_link(
        "wagtailmedia.Media",
        help_text="The video or audio file, uploaded to the site.",
    )
    external_video_url = models.URLField(
        blank=True,
        help_text="Or: the episode's address on YouTube or Vimeo. Its player is loaded only "
        "when a reader asks for it.",
    )
    poster = optional_link(
        "core.CustomImage",
        help_text="Shown before the video plays. Defaults to the featured image.",
    )
    duration = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="In seconds. Taken from the uploaded file when it says, if left blank.",
    )
    guests = optional_blocks("guest", GuestBlock())
    chapters = optional_blocks("chapter", ChapterBlock())
    transcript = optional_blocks("line", TranscriptLineBlock())

    content_panels = ArticlePage.content_panels + field_panels(
        fieldset(
            "Episode",
            "season",
            "episode_number",
            "recording",
            "external_video_url",
            "poster",
            "duration",
        ),
        "guests",
        "chapters",
        InlinePanel("captions", label="Captions (WebVTT files)"),
        "transcript",
    )

    search_fields = ArticlePage.search_fields + indexed("transcript", "chapters", "guests")

    class Meta:
        verbose_name = "vodcast episode"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if bool(self.recording_id) == bool(self.external_video_url):
            errors["recording"] = "Give the episode an uploaded file or a video link (one)."
        if self.external_video_url and not (self.poster_id or self.featured_image_id):
            errors["poster"] = "A video on another site needs a poster (or a featured image)."
        parent = self.get_parent() if self.path else None
        if self.season_id and parent is not None and self.season.series_id != parent.pk:
            errors["season"] = "This season belongs to another series."
        if not self.duration and self.recording_id and self.recording.duration:
            self.duration = round(self.recording.duration)
        starts = [chapter.value.seconds for chapter in self.chapters]
        if starts and starts != sorted(set(starts)):
            errors["chapters"] = "Chapters go in the order they start, each at its own time."
        elif starts and self.duration and starts[-1] >= self.duration:
            errors["chapters"] = "A chapter starts after the end of the episode."
        if errors:
            raise ValidationError(errors)

    # --- what the page shows ---

    @cached_property
    def external_video(self) -> ExternalVideo | None:
        return ExternalVideo(self.external_video_url) if self.external_video_url else None

    @property
    def poster_image(self):
        return self.poster or self.featured_image

    @property
    def is_video(self) -> bool:
        """Whether the player is a <video>: a video file, a video link, or audio with
        captions (a <video> shows captions over its poster; an <audio> cannot show them)."""
        if self.recording is None:
            return True
        return self.recording.type == "video" or bool(self.caption_tracks())

    @property
    def recording_type(self) -> str:
        return podcast.media_type(self.recording.filename) if self.recording else ""

    def caption_tracks(self) -> list[EpisodeCaptions]:
        return [caption for caption in self.captions.all() if caption.document_id]

    def at(self, seconds: int) -> str:
        """A link to a moment of the episode that works without JavaScript: a media fragment
        on the file (the browser opens it there), or the external video at that time."""
        if self.recording is not None:
            return f"{self.recording.url}#t={seconds}"
        if self.external_video is not None:
            return self.external_video.at(seconds)
        return ""

    def guest_names(self) -> list[str]:
        return [guest.value["name"] for guest in self.guests]

    def duration_display(self) -> str:
        return timecodes.display(self.duration) if self.duration else ""

    def own_context(self, context: Context) -> Context:
        return {
            "chapter_links": [
                (chapter.value, self.at(chapter.value.seconds)) for chapter in self.chapters
            ],
            "transcript_lines": [
                (line.value, "" if line.value.seconds is None else self.at(line.value.seconds))
                for line in self.transcript
            ],
        }

    # --- for podcast apps ---

    def chapters_document(self) -> dict:
        """The Podcasting 2.0 JSON chapters file."""
        return {
            "version": "1.2.0",
            "title": self.title,
            "chapters": [
                {"startTime": chapter.value.seconds, "title": chapter.value["title"]}
                for chapter in self.chapters
            ],
        }

    def transcript_document(self) -> dict:
        """The Podcasting 2.0 JSON transcript: each line with its start (and the next one's
        start as its end)."""
        lines = [line.value for line in self.transcript]
        segments = []
        for n, line in enumerate(lines):
            segment = {"body": line["text"]}
            if line["speaker"]:
                segment["speaker"] = line["speaker"]
            if line.seconds is not None:
                segment["startTime"] = line.seconds
                later = [other.seconds for other in lines[n + 1 :] if other.seconds is not None]
                end = later[0] if later else self.duration
                if end is not None:
                    segment["endTime"] = end
            segments.append(segment)
        return {"version": "1.0.0", "segments": segments}

    @path("chapters/")
    def chapters_json(self, request: HttpRequest):
        if not self.chapters:
            raise Http404("This episode has no chapters")
        response = JsonResponse(self.chapters_document())
        response["Content-Type"] = "application/json+chapters"
        return response

    @path("transcript/")
    def transcript_json(self, request: HttpRequest):
        if not self.transcript:
            raise Http404("This episode has no transcript")
        return JsonResponse(self.transcript_document())


class EpisodeCaptions(Orderable):
    """A WebVTT captions file for an episode, in one language."""

    episode = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="captions")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A WebVTT file (.vtt).",
    )
    language = models.CharField(max_length=12, default="en", help_text="e.g. en, ur")
    label = models.CharField(max_length=60, default="English")

    panels = field_panels("document", "language", "label")

    def clean(self) -> None:
        super().clean()
        if self.document_id is None:
            return
        document = self.document
        if document.file_extension.lower() != "vtt" or not _starts_with_webvtt(document):
            raise ValidationError({"document": "Captions must be a WebVTT file (.vtt)."})


def _starts_with_webvtt(document) -> bool:
    with document.open_file() as handle:
        head = handle.read(16)
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT")


# --- infographics ---------------------------------------------------------------------------


class InfographicsPage(SectionPage):
    """The Infographics section: its graphics as a gallery of pictures."""

    class Meta:
        verbose_name = "infographics section"

    def own_context(self, context: Context) -> Context:
        # Page objects, not teasers: the gallery draws its pictures with Wagtail's tag.
        ids = context["listing"].teasers
        found = ArticlePage.objects.filter(pk__in=ids).for_teasers().in_bulk()
        gallery = [found[pk] for pk in ids if pk in found]
        depends_on(*(core_keys.page(item.pk) for item in gallery))
        return {"gallery": gallery}


@lives_only_in(InfographicsPage)
class InfographicPage(RoutablePageMixin, ArticlePage):
    """A graphic that is the story: shown large, zoomable to its full size, described in
    words for readers who cannot see it, with its data and code to embed it elsewhere."""

    graphic = models.ForeignKey(
        "core.CustomImage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The original, as large as you have it; readers can download it.",
    )
    alt_text = models.CharField(
        max_length=400,
        blank=True,
        help_text="A short text in place of the picture. Defaults to the picture's description.",
    )
    long_description = models.TextField(
        help_text="Everything the graphic shows, in words, for readers who cannot see it.",
    )
    data_file = optional_link(
        "wagtaildocs.Document",
        help_text="The data behind the graphic as a CSV file; shown as a table and offered "
        "to download.",
    )

    content_panels = ArticlePage.content_panels + [
        fieldset("Infographic", "graphic", "alt_text", "long_description", "data_file")
    ]

    search_fields = ArticlePage.search_fields + indexed("long_description", "alt_text")

    class Meta:
        verbose_name = "infographic"

    def clean(self) -> None:
        super().clean()
        if self.graphic_id is None:
            raise ValidationError({"graphic": "An infographic needs its picture."})
        if self.data_file_id is not None:
            try:
                read_table(self.data_file)
            except ValueError as error:
                raise ValidationError({"data_file": str(error)}) from error
        if not self.featured_image_id:
            # Teasers, feeds and social cards show the graphic itself.
            self.featured_image_id = self.graphic_id

    @property
    def alt(self) -> str:
        return self.alt_text or (self.graphic.description if self.graphic else "") or self.title

    @property
    def original_format(self) -> str:
        """'PNG', 'JPEG': what the reader downloads."""
        name = self.graphic.file.name if self.graphic else ""
        return name.rsplit(".", 1)[-1].upper().replace("JPG", "JPEG") if "." in name else ""

    def embed_codes(self, request: HttpRequest) -> list[tuple[str, str]]:
        """HTML another site can paste: a frame of the embed view, or the picture itself
        linked to this page. Both carry the title and credit."""
        graphic = self.graphic
        if graphic is None:
            return []
        page_url = request.build_absolute_uri(self.get_url(request))
        frame_url = page_url + self.reverse_subpage("embed")
        rendition = graphic.get_rendition(EMBED_SPEC)
        image_url = request.build_absolute_uri(rendition.url)
        height = round(rendition.height * EMBED_WIDTH / rendition.width) + EMBED_CAPTION_HEIGHT
        credit = f" {self.image_credit}." if self.image_credit else ""
        frame = format_html(
            '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" '
            'style="border:0;max-width:100%"></iframe>',
            frame_url,
            self.title,
            EMBED_WIDTH,
            height,
        )
        picture = format_html(
            '<a href="{}"><img src="{}" alt="{}" width="{}" height="{}" '
            'style="max-width:100%;height:auto"></a><br><a href="{}">{}</a>.{} Digital Rights '
            "Monitor.",
            page_url,
            image_url,
            self.alt,
            rendition.width,
            rendition.height,
            page_url,
            self.title,
            credit,
        )
        return [("A frame (keeps the credit and link with it)", frame), ("The picture", picture)]

    def own_context(self, context: Context) -> Context:
        return {"embed_codes": self.embed_codes(context["request"])}

    def data_table(self) -> list[list[str]] | None:
        """The data file's rows (the first is the header), kept until the page or the file
        changes; None when there is none or it is too big to show."""
        document = self.data_file
        if document is None:
            return None

        def read() -> list[list[str]] | None:
            try:
                return read_table(document)
            except ValueError:
                return None

        return keep(
            f"infographic-table:{self.pk}:{document.pk}:{document.file_hash}",
            read,
            depends=[core_keys.page(self.pk), keys.document(document.pk)],
        )

    @path("embed/")
    def embed(self, request: HttpRequest):
        """The graphic alone, for other sites' <iframe>s: framing is allowed here only."""
        depends_on(core_keys.page(self.pk))
        page_url = request.build_absolute_uri(self.get_url(request))
        response = TemplateResponse(
            request,
            "media/infographic_embed.html",
            {"page": self, "self": self, "page_url": page_url},
        )
        response.xframe_options_exempt = True
        return response


def read_table(document) -> list[list[str]]:
    """A CSV document's rows; ValueError says in words why it cannot be read as a table."""
    if document.file_extension.lower() != "csv":
        raise ValueError("The data file must be a CSV file (.csv).")
    with document.open_file() as handle:
        data = handle.read(MAX_TABLE_BYTES + 1)
    if len(data) > MAX_TABLE_BYTES:
        raise ValueError(f"The data file is larger than {MAX_TABLE_BYTES // 1024} KB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError("The data file must be UTF-8 text.") from error
    try:
        rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise ValueError(f"The data file is not valid CSV: {error}") from error
    if len(rows) < 2:
        raise ValueError("The data file needs a header row and at least one row of data.")
    if len(rows) > MAX_TABLE_ROWS + 1:
        raise ValueError(f"The data file has more than {MAX_TABLE_ROWS} rows.")
    return rows
