"""A series' podcast feed, read as podcast apps and directories read it: well-formed XML with
every tag Apple's directory requires, enclosures whose length and type are the file's own, and
the Podcasting 2.0 tags (guid, chapters, transcript, person) pointing at what they say."""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import pytest

from drmonitor.media.factories import EpisodePageFactory
from drmonitor.media.models import PODCAST_GUID_NAMESPACE
from drmonitor.media.podcast import ITUNES, PODCAST
from drmonitor.media.tests.conftest import make_episode
from drmonitor.newsroom.factories import ImageFactory

NS = {"itunes": ITUNES, "podcast": PODCAST, "atom": "http://www.w3.org/2005/Atom"}
FEED = "/drm-exclusive/vodcasts/podcast/"


@pytest.fixture
def feed(client, episode):
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return ET.fromstring(response.content)  # raises on anything not well-formed


def local(client, url: str):
    """Follow an absolute URL the feed gives, on this site."""
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    return client.get(parts.path)


def test_the_channel_has_every_tag_podcast_directories_require(feed):
    assert feed.tag == "rss" and feed.get("version") == "2.0"
    channel = feed.find("channel")
    for tag in ("title", "link", "description", "language"):
        assert channel.findtext(tag), tag
    assert channel.findtext("title") == "Vodcasts"
    assert channel.findtext("itunes:author", namespaces=NS) == "Digital Rights Monitor"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.find("itunes:category", NS).get("text") == "News"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "podcast@example.org"
    # Apple takes square JPEG or PNG artwork of 1400 to 3000 pixels.
    artwork = channel.find("itunes:image", NS).get("href")
    assert re.search(r"\.fill-1400x1400\.(jpg|png)$", artwork), artwork
    self_link = channel.find("atom:link", NS)
    assert self_link.get("rel") == "self" and self_link.get("href") == f"http://testserver{FEED}"
    # Podcasting 2.0: a UUIDv5 of the feed's address without its scheme.
    expected = uuid.uuid5(PODCAST_GUID_NAMESPACE, "testserver/drm-exclusive/vodcasts/podcast")
    assert channel.findtext("podcast:guid", namespaces=NS) == str(expected)


def test_each_item_encloses_the_recording_as_it_is(client, feed, episode):
    (item,) = feed.findall("channel/item")
    assert item.findtext("title") == episode.title
    assert item.findtext("guid") == f"http://testserver{episode.url}"
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert published == episode.date_published.replace(microsecond=0)
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "audio/wav"
    served = local(client, enclosure.get("url"))
    data = b"".join(served.streaming_content)
    assert int(enclosure.get("length")) == len(data) == episode.recording.file.size
    assert data[:4] == b"RIFF"
    assert item.findtext("itunes:duration", namespaces=NS) == "00:00:30"
    assert re.fullmatch(r"\d{2}:\d{2}:\d{2}", item.findtext("itunes:duration", namespaces=NS))
    assert item.findtext("itunes:season", namespaces=NS) == "1"
    assert item.findtext("itunes:episode", namespaces=NS) == "1"


def test_items_point_at_chapters_transcripts_and_people(client, feed, episode):
    (item,) = feed.findall("channel/item")
    chapters = item.find("podcast:chapters", NS)
    assert chapters.get("type") == "application/json+chapters"
    titles = [
        c["title"] for c in json.loads(local(client, chapters.get("url")).content)["chapters"]
    ]
    assert titles == ["Why 17 February", "The letter", "What could end it"]
    transcripts = {t.get("type"): t for t in item.findall("podcast:transcript", NS)}
    assert set(transcripts) == {"application/json", "text/vtt"}
    segments = json.loads(local(client, transcripts["application/json"].get("url")).content)
    assert segments["segments"][0]["body"] == "Welcome to the programme."
    vtt = transcripts["text/vtt"]
    assert vtt.get("language") == "en" and vtt.get("rel") == "captions"
    assert b"".join(local(client, vtt.get("url")).streaming_content).startswith(b"WEBVTT")
    people = {(p.get("role"), p.text, p.get("href")) for p in item.findall("podcast:person", NS)}
    assert people == {
        ("host", "Sana Mirza", "http://testserver/author/sana-mirza/"),
        ("guest", "Nighat Dad", "https://example.org/nd"),
    }


def test_a_feed_reader_reads_it_without_complaint(client, episode):
    parsed = feedparser.parse(client.get(FEED).content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Vodcasts"
    assert [entry.title for entry in parsed.entries] == [episode.title]
    assert parsed.entries[0].enclosures[0].type == "audio/wav"


def test_only_live_episodes_with_a_file_to_enclose_are_items(client, series, episode):
    EpisodePageFactory(
        parent=series,
        title="On YouTube only",
        external_video_url="https://youtu.be/abcDEF12345",
        featured_image=ImageFactory(),
    )
    draft = make_episode(series, title="Not yet", slug="not-yet")
    draft.unpublish()
    titles = [i.findtext("title") for i in ET.fromstring(client.get(FEED).content).iter("item")]
    assert titles == [episode.title]


def test_the_feed_follows_a_new_episode(client, series, episode, committed):
    assert client.get(FEED)["X-Page-Cache"] == "miss"  # now kept by the page cache
    assert client.get(FEED)["X-Page-Cache"] == "hit"
    with committed():
        newer = make_episode(series, title="Season one, episode two", slug="episode-two")
    titles = [i.findtext("title") for i in ET.fromstring(client.get(FEED).content).iter("item")]
    assert titles == [newer.title, episode.title]
