"""The "Add to playlist" control under an article: the same HTML for every reader (the page is
cached for anonymous readers), and the JSON answers behind its one-click version."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from drmonitor.playlists.factories import PlaylistFactory
from drmonitor.playlists.models import Playlist


def control(html: str):
    return BeautifulSoup(html, "html.parser").select_one("[data-playlist-add]")


def test_the_control_tells_nothing_of_the_reader_and_the_page_stays_cached(
    reader, other_reader, articles
):
    article = articles[0]
    PlaylistFactory(owner=reader, title="Amna's secret list", pages=[article])
    anonymous = Client()
    first = anonymous.get(article.url)
    again = anonymous.get(article.url)
    assert again["X-Page-Cache"] == "hit"  # the control does not stop the page cache
    shared = control(again.text)
    assert shared.select_one("input[name=page]")["value"] == str(article.pk)
    assert not shared.select("[name=csrfmiddlewaretoken]")
    assert "data-signed-in" not in first.text

    owner = Client()
    owner.force_login(reader)
    mine = owner.get(article.url)
    assert "private" in mine["Cache-Control"] and "X-Page-Cache" not in mine
    assert str(control(mine.text)) == str(shared)  # the playlists come from /playlists/add/
    assert "Amna's secret list" not in mine.text
    assert BeautifulSoup(mine.text, "html.parser").body.has_attr("data-signed-in")


def test_one_click_adding_answers_json(reader, other_reader, articles):
    article = articles[1]
    mine = PlaylistFactory(owner=reader, title="Mine", pages=[article])
    empty = PlaylistFactory(owner=reader, title="Empty")
    PlaylistFactory(owner=other_reader, title="Bilal's", is_public=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    json_headers = {"HTTP_ACCEPT": "application/json"}

    choice = client.get(f"/playlists/add/?page={article.pk}", **json_headers)
    assert "no-store" in choice["Cache-Control"]
    data = choice.json()
    assert data["page"] == {"id": article.pk, "title": article.title}
    assert [(p["title"], p["contains"]) for p in data["playlists"]] == [
        ("Empty", False),
        ("Mine", True),
    ]  # the reader's own only, the newest changed first

    without_token = client.post(
        "/playlists/add/", {"page": article.pk, "playlist": empty.pk}, **json_headers
    )
    assert without_token.status_code == 403

    headers = {**json_headers, "HTTP_X_CSRFTOKEN": data["csrf_token"]}
    added = client.post("/playlists/add/", {"page": article.pk, "playlist": empty.pk}, **headers)
    assert added.json() == {
        "added": True,
        "message": f"“{article.title}” is added to “Empty”.",
        "playlist": {"id": empty.pk, "title": "Empty", "url": empty.get_absolute_url()},
    }
    again = client.post("/playlists/add/", {"page": article.pk, "playlist": mine.pk}, **headers)
    assert again.json()["added"] is False and "already in" in again.json()["message"]

    made = client.post("/playlists/add/", {"page": article.pk, "new_title": "New"}, **headers)
    assert made.json()["added"] is True
    assert Playlist.objects.get(owner=reader, title="New").items.get().page_id == article.pk

    refused = client.post("/playlists/add/", {"page": article.pk}, **headers)
    assert refused.status_code == 400
    assert refused.json()["message"] == "Choose one of your playlists or name a new one."


@pytest.mark.parametrize("page_id", ["999999", "abc", ""])
def test_only_published_pages_can_be_added(reader, page_id):
    client = Client()
    client.force_login(reader)
    answer = client.get(f"/playlists/add/?page={page_id}", HTTP_ACCEPT="application/json")
    assert answer.status_code == 404


def test_an_unpublished_page_cannot_be_added(reader, articles):
    playlist = PlaylistFactory(owner=reader)
    articles[0].unpublish()
    client = Client()
    client.force_login(reader)
    answer = client.post(
        "/playlists/add/",
        {"page": articles[0].pk, "playlist": playlist.pk},
        HTTP_ACCEPT="application/json",
    )
    assert answer.status_code == 400
    assert "not published" in answer.json()["message"]
    assert not playlist.items.exists()
