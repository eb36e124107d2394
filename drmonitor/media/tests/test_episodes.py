"""A vodcast episode as a reader meets it: the player with captions, chapters that link to
their moment, guests, a transcript found by the site search, and the box other apps add
under articles; an external video that loads nothing from its provider until asked."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail import hooks

from drmonitor.media.factories import EpisodePageFactory
from drmonitor.media.models import EpisodePage, InfographicsPage, SeriesPage
from drmonitor.media.tests.conftest import make_episode
from drmonitor.newsroom import hooks as newsroom_hooks
from drmonitor.newsroom.factories import ImageFactory


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_new_install_gives_vodcasts_and_infographics_their_own_section_types(home):
    assert SeriesPage.objects.get(slug="vodcasts").get_parent().slug == "drm-exclusive"
    assert InfographicsPage.objects.get(slug="infographics").get_parent().pk == home.pk


def test_the_episode_plays_in_the_browsers_own_player_with_captions(client, episode):
    page = soup(client.get(episode.url))
    player = page.select_one("#episode-player")
    # Audio with captions plays in a <video>, the element that can show captions.
    assert player.name == "video" and player.has_attr("controls")
    source = player.find("source")
    assert source["src"] == episode.recording.url and source["type"] == "audio/wav"
    track = player.find("track")
    assert track["kind"] == "captions" and track["srclang"] == "en" and track.has_attr("default")
    assert b"".join(client.get(track["src"]).streaming_content).startswith(b"WEBVTT")
    assert page.find("a", string="Download the episode")["href"] == episode.recording.url
    assert "00:30" in page.select_one(".episode__facts").text  # the duration
    assert "Season 1" in page.select_one(".episode__facts").text


def test_audio_without_captions_plays_in_an_audio_element(client, series):
    episode = make_episode(series)
    episode.captions.all().delete()
    episode.save_revision().publish()
    assert soup(client.get(episode.url)).select_one("#episode-player").name == "audio"


def test_each_chapter_links_to_its_moment_of_the_recording_without_javascript(client, episode):
    page = soup(client.get(episode.url))
    links = page.select(".chapters a")
    assert [link.get_text(" ", strip=True) for link in links] == [
        "00:00 Why 17 February",
        "00:10 The letter",
        "00:20 What could end it",
    ]
    assert [link["href"] for link in links] == [
        f"{episode.recording.url}#t={seconds}" for seconds in (0, 10, 20)
    ]
    assert [link["data-seek"] for link in links] == ["0", "10", "20"]


def test_the_transcript_links_its_times_and_names_its_speakers(client, episode):
    lines = soup(client.get(episode.url)).select("#transcript .transcript__line")
    assert len(lines) == 2
    assert lines[1].select_one("a")["href"] == f"{episode.recording.url}#t=12"
    assert "Guest:" in lines[1].text and "immediately till further orders" in lines[1].text


def test_guests_are_listed_with_their_links(client, episode):
    guest = soup(client.get(episode.url)).select_one(".guests li")
    assert guest.a["href"] == "https://example.org/nd" and "Lawyer" in guest.text


def test_the_transcript_and_guests_are_found_by_the_site_search(client, episode):
    assert episode.title in soup(client.get("/search/", {"q": "immediately further orders"})).text
    assert episode.title in soup(client.get("/search/", {"q": "Nighat"})).text
    assert episode.title not in soup(client.get("/search/", {"q": "unrelatedword"})).text


def test_other_apps_boxes_under_articles_appear_under_episodes(client, episode):
    def playlist_box(article, request):
        return f'<aside class="test-aside">Add {article.title} to a playlist</aside>'

    with hooks.register_temporarily(newsroom_hooks.ARTICLE_ASIDES, playlist_box):
        page = soup(client.get(episode.url))
    assert page.select_one(".test-aside").text == f"Add {episode.title} to a playlist"


def test_episodes_are_listed_in_their_series_and_the_sections_above_it(client, episode):
    series_page = soup(client.get(episode.get_parent().url))
    assert episode.title in series_page.text
    assert series_page.find("a", string=lambda s: s and "podcast app" in s)["href"].endswith(
        "/vodcasts/podcast/"
    )
    assert episode.title in soup(client.get("/drm-exclusive/")).text
    assert episode.title in client.get("/drm-exclusive/vodcasts/feed/").content.decode()


def test_chapters_and_transcript_files_for_podcast_apps(client, episode):
    chapters = client.get(episode.url + "chapters/")
    assert chapters["Content-Type"] == "application/json+chapters"
    assert json.loads(chapters.content)["chapters"] == [
        {"startTime": 0, "title": "Why 17 February"},
        {"startTime": 10, "title": "The letter"},
        {"startTime": 20, "title": "What could end it"},
    ]
    segments = json.loads(client.get(episode.url + "transcript/").content)["segments"]
    assert segments[0] == {
        "body": "Welcome to the programme.",
        "speaker": "Host",
        "startTime": 0,
        "endTime": 12,
    }
    assert segments[1]["startTime"] == 12 and segments[1]["endTime"] == 30


def test_an_external_video_loads_nothing_from_its_provider_until_the_reader_asks(client, series):
    episode = EpisodePageFactory(
        parent=series,
        title="The election-day shutdown",
        external_video_url="https://www.youtube.com/watch?v=abcDEF12345",
        featured_image=ImageFactory(),
        chapters=[("chapter", {"start": "01:30", "title": "The order"})],
    )
    response = client.get(episode.url)
    page = soup(response)
    html = response.content.decode()
    assert not page.find("iframe")
    assert not [s for s in page.find_all("script") if "youtube" in (s.get("src") or "")]
    button = page.select_one("[data-embed-url]")
    assert button["data-embed-url"] == "https://www.youtube-nocookie.com/embed/abcDEF12345"
    assert button.has_attr("hidden")  # shown by the script; without it, the link remains
    assert page.find("a", string="Watch on youtube.com")["href"] == episode.external_video_url
    assert page.select_one(".chapters a")["href"].endswith("watch?v=abcDEF12345#t=90")
    assert "youtube.com/embed" not in html.replace("youtube-nocookie.com/embed", "")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "recording"),  # neither a file nor a link
        ({"external_video_url": "https://vimeo.com/123"}, "poster"),
        (
            {
                "external_video_url": "https://vimeo.com/123",
                "featured_image": None,
                "chapters": [
                    ("chapter", {"start": "02:00", "title": "B"}),
                    ("chapter", {"start": "01:00", "title": "A"}),
                ],
            },
            "chapters",
        ),
    ],
)
def test_an_editor_is_told_what_is_wrong_with_an_episode(series, fields, field):
    episode = EpisodePage(title="Draft episode", slug="draft-episode", **fields)
    with pytest.raises(ValidationError) as refused:
        series.add_child(instance=episode)
    assert field in refused.value.message_dict


def test_a_chapter_time_must_be_a_time(series):
    from drmonitor.media.blocks import ChapterBlock

    with pytest.raises(ValidationError):
        ChapterBlock().clean({"start": "four minutes", "title": "Oops"})
