"""A reader's playlists without JavaScript: made, filled from an article, reordered, renamed,
shared by link, deleted; every change a POST with a CSRF token."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from drmonitor.playlists.factories import PlaylistFactory
from drmonitor.playlists.models import Playlist


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def post_form(client: Client, url: str, data: dict):
    """Open the page at `url` and send its form as a browser would: with its CSRF token."""
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, {"csrfmiddlewaretoken": csrf_token(page.text), **data})


def item_titles(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".playlist-item__title")]


def press(client: Client, html: str, button: str, title: str):
    """Press the button (Up, Down, Remove) beside the item titled `title`, as a reader does."""
    soup = BeautifulSoup(html, "html.parser")
    item = next(
        each
        for each in soup.select(".playlist-item")
        if each.select_one(".playlist-item__title").get_text(strip=True) == title
    )
    form = next(
        form for form in item.select("form") if form.button.get_text(strip=True).startswith(button)
    )
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    return client.post(form["action"], data, follow=True)


def test_a_reader_makes_fills_reorders_renames_and_shares_a_playlist(reader, articles):
    client = signed_in(reader)
    first, second, third = articles

    # Every page offers "Add New Playlist"; the article offers "Add to playlist".
    article_page = client.get(first.url)
    soup = BeautifulSoup(article_page.text, "html.parser")
    assert soup.find("a", string="Add New Playlist")["href"] == "/playlists/new/"
    control = soup.select_one("[data-playlist-add] form")
    assert control["action"] == "/playlists/add/" and control["method"] == "get"

    made = post_form(client, "/playlists/new/", {"title": "Read on the train", "description": ""})
    playlist = Playlist.objects.get(owner=reader)
    assert made.status_code == 302 and made["Location"] == f"/playlists/{playlist.pk}/"
    assert playlist.title == "Read on the train" and not playlist.is_public

    for article in articles:  # the control's form, then the choice of playlist
        chooser = f"/playlists/add/?page={article.pk}"
        page = client.get(chooser)
        assert "Read on the train" in page.text
        added = client.post(
            "/playlists/add/",
            {
                "csrfmiddlewaretoken": csrf_token(page.text),
                "page": article.pk,
                "playlist": playlist.pk,
            },
            follow=True,
        )
        assert f"“{article.title}” is added to “Read on the train”." in added.text
    html = client.get(playlist.get_absolute_url()).text
    assert item_titles(html) == [first.title, second.title, third.title]
    profile = BeautifulSoup(client.get("/accounts/profile/").text, "html.parser")
    assert profile.select_one(".my-playlists a")["href"] == playlist.get_absolute_url()

    # Up and down, without JavaScript.
    html = press(client, html, "Down", first.title).text
    assert item_titles(html) == [second.title, first.title, third.title]
    html = press(client, html, "Up", third.title).text
    assert item_titles(html) == [second.title, third.title, first.title]
    html = press(client, html, "Remove", third.title).text
    assert item_titles(html) == [second.title, first.title]

    # Renamed and made public: then anyone with the link sees it, in the reader's order.
    assert client.get(playlist.get_absolute_url()).text.count("Share this playlist") == 0
    post_form(
        client,
        f"/playlists/{playlist.pk}/edit/",
        {"title": "X ban reading", "description": "In order", "is_public": "on"},
    )
    html = client.get(playlist.get_absolute_url()).text
    share = BeautifulSoup(html, "html.parser").select_one("#share-url")["value"]
    assert share == f"http://testserver/playlists/{playlist.pk}/"

    stranger = Client()
    shared = stranger.get(share)
    assert shared.status_code == 200
    assert "X ban reading" in shared.text and "Curated by a reader" in shared.text
    assert item_titles(shared.text) == [second.title, first.title]
    assert "amna" not in shared.text  # a reader's user name is theirs to give
    assert not BeautifulSoup(shared.text, "html.parser").select(".playlist-item__controls")
    assert "no-store" in shared["Cache-Control"]

    # Deleted: the link stops working.
    deleted = post_form(client, f"/playlists/{playlist.pk}/delete/", {})
    assert deleted["Location"] == "/playlists/"
    assert stranger.get(share).status_code == 404
    assert first.__class__.objects.filter(pk=first.pk).exists()  # the articles stay


def test_a_new_playlist_made_from_the_article(reader, articles):
    client = signed_in(reader)
    page = client.get(f"/playlists/add/?page={articles[0].pk}")
    response = client.post(
        "/playlists/add/",
        {
            "csrfmiddlewaretoken": csrf_token(page.text),
            "page": articles[0].pk,
            "new_title": "Court days",
        },
    )
    playlist = Playlist.objects.get(owner=reader, title="Court days")
    assert response["Location"] == playlist.get_absolute_url()
    assert [item.page_id for item in playlist.items.all()] == [articles[0].pk]


def test_nothing_changes_without_a_csrf_token(reader, articles):
    client = signed_in(reader)
    playlist = PlaylistFactory(owner=reader, pages=articles[:2])
    assert client.post("/playlists/new/", {"title": "Forged"}).status_code == 403
    refused = client.post("/playlists/add/", {"page": articles[2].pk, "playlist": playlist.pk})
    assert refused.status_code == 403
    item = playlist.items.get(page=articles[0])
    move = f"/playlists/{playlist.pk}/items/{item.pk}/move/"
    assert client.post(move, {"direction": "down"}).status_code == 403
    assert client.post(f"/playlists/{playlist.pk}/delete/").status_code == 403
    assert [i.page_id for i in playlist.items.all()] == [articles[0].pk, articles[1].pk]
    assert Playlist.objects.count() == 1


def test_bad_input_gets_a_clear_message(reader, articles):
    client = signed_in(reader)
    nameless = post_form(client, "/playlists/new/", {"title": "   "})
    assert nameless.status_code == 200 and "This field is required." in nameless.text

    page = client.get(f"/playlists/add/?page={articles[0].pk}")
    unchosen = client.post(
        "/playlists/add/",
        {"csrfmiddlewaretoken": csrf_token(page.text), "page": articles[0].pk},
    )
    assert unchosen.status_code == 400
    assert "Choose one of your playlists or name a new one." in unchosen.text
    assert client.get("/playlists/add/?page=999999").status_code == 404
    assert not Playlist.objects.exists()


def test_a_stranger_is_asked_to_log_in(articles):
    client = Client()
    for address in ("/playlists/new/", f"/playlists/add/?page={articles[0].pk}"):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    answer = client.get(f"/playlists/add/?page={articles[0].pk}", HTTP_ACCEPT="application/json")
    assert answer.status_code == 401 and answer.json()["signed_in"] is False


def test_only_the_owner_changes_a_playlist(reader, other_reader, articles):
    playlist = PlaylistFactory(owner=reader, is_public=True, pages=articles[:2])
    item = playlist.items.get(page=articles[0])
    client = signed_in(other_reader)
    page = client.get(playlist.get_absolute_url())
    assert page.status_code == 200  # public: they may look
    assert "Rename" not in page.text
    token = csrf_token(client.get("/playlists/new/").text)
    base = f"/playlists/{playlist.pk}"
    for address, data in [
        (f"{base}/edit/", {"title": "Taken over"}),
        (f"{base}/delete/", {}),
        (f"{base}/items/{item.pk}/move/", {"direction": "down"}),
        (f"{base}/items/{item.pk}/remove/", {}),
        ("/playlists/add/", {"page": articles[2].pk, "playlist": playlist.pk}),
    ]:
        response = client.post(address, {"csrfmiddlewaretoken": token, **data})
        assert response.status_code in (400, 404), address
    playlist.refresh_from_db()
    assert playlist.title != "Taken over"
    assert [i.page_id for i in playlist.items.all()] == [articles[0].pk, articles[1].pk]


@pytest.mark.parametrize("is_public", [False, True])
def test_making_a_featured_playlist_private_unfeatures_it(reader, is_public):
    playlist = PlaylistFactory(owner=reader, is_public=True, is_featured=True)
    post_form(
        signed_in(reader),
        f"/playlists/{playlist.pk}/edit/",
        {"title": playlist.title, **({"is_public": "on"} if is_public else {})},
    )
    playlist.refresh_from_db()
    assert (playlist.is_public, playlist.is_featured) == (is_public, is_public)
