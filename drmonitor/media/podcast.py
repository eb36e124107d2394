"""A series' podcast feed: RSS 2.0 with Apple's iTunes tags and the Podcasting 2.0 namespace,
so readers can follow the series in their podcast apps.

Only episodes whose recording is uploaded to the site are items: an app plays the
`<enclosure>`, and a video on another site has none to give it. Each item points at the
episode's JSON chapters and transcript (routes of the episode page), its captions (WebVTT),
and names its hosts (the byline) and guests as `podcast:person`.
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Iterable

from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import rfc2822_date
from django.utils.xmlutils import SimplerXMLGenerator

from drmonitor.media import timecodes

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
ARTWORK_SPEC = "fill-1400x1400"
EPISODE_IMAGE_SPEC = "fill-1400x1400"
MEDIA_TYPES = {".wav": "audio/wav", ".m4a": "audio/mp4", ".opus": "audio/ogg"}


def media_type(filename: str) -> str:
    """The MIME type podcast apps expect for a file, by its extension."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return (
        MEDIA_TYPES.get(suffix) or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    )


def _yes_no(flag: bool) -> str:
    return "true" if flag else "false"


def feed_xml(series, episodes: Iterable, request: HttpRequest) -> bytes:
    """The feed of `series` with the episodes given (newest first), as UTF-8 bytes."""

    def absolute(url: str) -> str:
        return request.build_absolute_uri(url)

    out = io.BytesIO()
    xml = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement(
        "rss",
        {
            "version": "2.0",
            "xmlns:itunes": ITUNES,
            "xmlns:podcast": PODCAST,
            "xmlns:atom": ATOM,
        },
    )
    xml.startElement("channel", {})
    feed_url = absolute(series.podcast_url(request))
    description = series.introduction or f"Episodes of {series.title} from Digital Rights Monitor."
    xml.addQuickElement("title", series.title)
    xml.addQuickElement("link", absolute(series.get_url(request)))
    xml.addQuickElement("description", description)
    xml.addQuickElement("language", series.language)
    xml.addQuickElement(
        "atom:link", attrs={"href": feed_url, "rel": "self", "type": "application/rss+xml"}
    )
    xml.addQuickElement("lastBuildDate", rfc2822_date(timezone.now()))
    xml.addQuickElement("itunes:author", series.podcast_author)
    xml.addQuickElement("itunes:summary", description)
    xml.addQuickElement("itunes:type", "episodic")
    xml.addQuickElement("itunes:explicit", _yes_no(series.explicit))
    xml.addQuickElement("itunes:category", attrs={"text": series.category})
    if series.owner_email:
        xml.startElement("itunes:owner", {})
        xml.addQuickElement("itunes:name", series.podcast_author)
        xml.addQuickElement("itunes:email", series.owner_email)
        xml.endElement("itunes:owner")
    if series.artwork is not None:
        artwork = absolute(series.artwork.get_rendition(ARTWORK_SPEC).url)
        xml.addQuickElement("itunes:image", attrs={"href": artwork})
        xml.startElement("image", {})
        xml.addQuickElement("url", artwork)
        xml.addQuickElement("title", series.title)
        xml.addQuickElement("link", absolute(series.get_url(request)))
        xml.endElement("image")
    xml.addQuickElement("podcast:guid", series.podcast_guid(feed_url))
    xml.addQuickElement("podcast:medium", "podcast")
    for episode in episodes:
        if episode.recording is not None:
            _item(xml, episode, absolute, request)
    xml.endElement("channel")
    xml.endElement("rss")
    xml.endDocument()
    return out.getvalue()


def _item(xml: SimplerXMLGenerator, episode, absolute, request: HttpRequest) -> None:
    recording = episode.recording
    page_url = absolute(episode.get_url(request))
    xml.startElement("item", {})
    xml.addQuickElement("title", episode.title)
    xml.addQuickElement("link", page_url)
    xml.addQuickElement("guid", page_url, {"isPermaLink": "true"})
    xml.addQuickElement("pubDate", rfc2822_date(episode.date_published))
    xml.addQuickElement("description", episode.standfirst or episode.title)
    xml.addQuickElement(
        "enclosure",
        attrs={
            "url": absolute(recording.url),
            "length": str(recording.file.size),
            "type": media_type(recording.filename),
        },
    )
    xml.addQuickElement("itunes:title", episode.title)
    xml.addQuickElement("itunes:episodeType", "full")
    xml.addQuickElement("itunes:explicit", "false")
    if episode.duration:
        xml.addQuickElement("itunes:duration", timecodes.itunes(episode.duration))
    if episode.season is not None:
        xml.addQuickElement("itunes:season", str(episode.season.number))
        xml.addQuickElement("podcast:season", str(episode.season.number))
    if episode.episode_number:
        xml.addQuickElement("itunes:episode", str(episode.episode_number))
        xml.addQuickElement("podcast:episode", str(episode.episode_number))
    image = episode.poster_image
    if image is not None:
        xml.addQuickElement(
            "itunes:image", attrs={"href": absolute(image.get_rendition(EPISODE_IMAGE_SPEC).url)}
        )
    base = episode.get_url(request)
    # The Podcasting 2.0 files an app can fetch: which, at which of the episode's routes, as what.
    for element, route, content_type, present in (
        ("podcast:chapters", "chapters_json", "application/json+chapters", episode.chapters),
        ("podcast:transcript", "transcript_json", "application/json", episode.transcript),
    ):
        if present:
            url = absolute(base + episode.reverse_subpage(route))
            xml.addQuickElement(element, attrs={"url": url, "type": content_type})
    for caption in episode.caption_tracks():
        xml.addQuickElement(
            "podcast:transcript",
            attrs={
                "url": absolute(caption.document.url),
                "type": "text/vtt",
                "language": caption.language,
                "rel": "captions",
            },
        )
    for author in episode.authors():
        attrs = {"role": "host"}
        if request is not None:
            attrs["href"] = absolute(author.get_absolute_url())
        xml.addQuickElement("podcast:person", author.name, attrs)
    for guest in episode.guests:
        attrs = {"role": "guest"}
        if guest.value["url"]:
            attrs["href"] = guest.value["url"]
        xml.addQuickElement("podcast:person", guest.value["name"], attrs)
    xml.endElement("item")
