"""RSS and Atom feeds of the site, a section, a tag and an author, read by a real feed parser."""

from __future__ import annotations

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from drmonitor.newsroom.factories import AuthorFactory, ImageFactory
from drmonitor.newsroom.tests.discovery_support import publish, section


@pytest.fixture
def newsroom(home):
    """Live articles in two branches of the tree, a draft and a withdrawn article."""
    court_updates = section(home, "drm-exclusive", "court-updates")
    features = section(home, "drm-exclusive", "features")
    editorial = section(home, "editorial")
    writer = AuthorFactory(name="Sana Iqbal", slug="sana-iqbal")
    other = AuthorFactory(name="Bilal Ahmed", slug="bilal-ahmed")
    base = timezone.make_aware(datetime.datetime(2025, 3, 1, 9))
    articles = {
        "hearing": publish(
            court_updates,
            "High court adjourns hearing on the X ban",
            standfirst="The bench asked the ministry for its reasons in writing.",
            tags=["X ban", "Courts"],
            authors=[writer, other],
            when=base,
            image=ImageFactory(),
        ),
        "feature": publish(
            features,
            "How newsrooms kept publishing through the shutdown",
            tags=["Shutdowns"],
            authors=[other],
            when=base + datetime.timedelta(days=1),
        ),
        "editorial": publish(
            editorial,
            "Editorial: courts are the last resort",
            tags=["courts"],
            when=base + datetime.timedelta(days=2),
        ),
        "listed": publish(
            editorial,
            "Explainer: what an adjournment means",
            extra_sections=[court_updates],
            when=base + datetime.timedelta(days=3),
        ),
        "draft": publish(
            court_updates, "Draft: not yet", tags=["X ban"], authors=[writer], live=False
        ),
        "withdrawn": publish(court_updates, "Withdrawn story", tags=["X ban"], authors=[writer]),
    }
    articles["withdrawn"].unpublish()
    return articles


def parse(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return response, feed


def entry_titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("path", ["/feed/", "/feed/atom/"])
def test_site_feed_lists_live_articles_newest_first(client, newsroom, path):
    response, feed = parse(client, path)
    expected = ["listed", "editorial", "feature", "hearing"]
    assert entry_titles(feed) == [newsroom[key].title for key in expected]
    assert feed.feed.title == "Digital Rights Monitor"
    if path.endswith("atom/"):
        assert feed.version == "atom10"
        assert response["Content-Type"].startswith("application/atom+xml")
    else:
        assert feed.version == "rss20"
        assert response["Content-Type"].startswith("application/rss+xml")


@pytest.mark.parametrize("path", ["/feed/", "/feed/atom/"])
def test_feed_items_carry_link_standfirst_date_authors_tags_and_thumbnail(client, newsroom, path):
    _response, feed = parse(client, path)
    hearing = newsroom["hearing"]
    entry = next(e for e in feed.entries if e.title == hearing.title)
    assert entry.link == "http://testserver" + hearing.url
    assert entry.summary == hearing.standfirst
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == hearing.date_published.astimezone(datetime.UTC)
    assert entry.author == "Sana Iqbal, Bilal Ahmed"
    assert sorted(tag.term for tag in entry.tags) == ["Courts", "X ban"]
    [thumbnail] = entry.media_thumbnail
    assert thumbnail["url"].startswith("http://testserver/media/")
    assert int(thumbnail["width"]) == 640
    plain = next(e for e in feed.entries if e.title == newsroom["feature"].title)
    assert "media_thumbnail" not in plain


@pytest.mark.parametrize("suffix", ["feed/", "feed/atom/"])
def test_section_feed_includes_child_sections_and_extra_listings(client, home, newsroom, suffix):
    court_updates = section(home, "drm-exclusive", "court-updates")
    _response, feed = parse(client, court_updates.url + suffix)
    assert entry_titles(feed) == [newsroom["listed"].title, newsroom["hearing"].title]
    exclusive = section(home, "drm-exclusive")
    _response, feed = parse(client, exclusive.url + suffix)
    expected = [newsroom[key].title for key in ("listed", "feature", "hearing")]
    assert entry_titles(feed) == expected
    assert feed.feed.title == "DRM Exclusive | Digital Rights Monitor"


def test_section_page_itself_still_renders_beside_its_feed_routes(client, home, newsroom):
    court_updates = section(home, "drm-exclusive", "court-updates")
    response = client.get(court_updates.url)
    assert response.status_code == 200
    assert newsroom["hearing"].title in response.content.decode()
    assert client.get(court_updates.url + "feed/nonsense/").status_code == 404


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_tag_feed_is_case_insensitive_and_lists_only_that_tag(client, newsroom, suffix):
    _response, feed = parse(client, "/tag/courts/feed/" + suffix)
    assert entry_titles(feed) == [newsroom["editorial"].title, newsroom["hearing"].title]
    assert client.get("/tag/no-such-tag/feed/" + suffix).status_code == 404


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_author_feed_lists_only_that_authors_live_articles(client, newsroom, suffix):
    _response, feed = parse(client, "/author/sana-iqbal/feed/" + suffix)
    assert entry_titles(feed) == [newsroom["hearing"].title]
    _response, feed = parse(client, "/author/bilal-ahmed/feed/" + suffix)
    assert entry_titles(feed) == [newsroom["feature"].title, newsroom["hearing"].title]
    assert client.get("/author/nobody/feed/" + suffix).status_code == 404


def test_feeds_stop_at_twenty_items(client, home):
    news = section(home, "drm-exclusive", "news")
    start = timezone.make_aware(datetime.datetime(2024, 1, 1))
    for n in range(21):
        publish(news, f"Daily note {n:02d}", when=start + datetime.timedelta(days=n))
    _response, feed = parse(client, "/feed/")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Daily note 20"
    assert feed.entries[-1].title == "Daily note 01"


@pytest.mark.parametrize("path", ["/feed/", "/feed/atom/"])
def test_feed_shows_the_plain_text_standfirst_as_text_not_markup(client, home, path):
    """Feed readers read an item's description as HTML; a standfirst is plain text, so what an
    editor typed in angle brackets must reach the reader as those characters, never as a tag."""
    standfirst = 'Ministry says <script>alert("x")</script> & <b>blocks</b> are lawful'
    publish(section(home, "editorial"), "Ministry defends the block", standfirst=standfirst)
    _, feed = parse(client, path)
    (entry,) = feed.entries
    assert BeautifulSoup(entry.summary, "html.parser").get_text() == standfirst
