"""A private playlist is its owner's alone: another reader and an anonymous one find it in no
page, no search, no API answer and no sitemap. A public one is in all of them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from drmonitor.playlists.factories import PlaylistFactory

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def private(reader, articles):
    return PlaylistFactory(
        owner=reader, title="Zephyrine private picks", description="Mine", pages=articles
    )


@pytest.fixture
def public(other_reader, articles):
    return PlaylistFactory(
        owner=other_reader, title="Zephyrine shared picks", is_public=True, pages=articles[:1]
    )


def viewers(reader, other_reader) -> dict[str, Client]:
    owner, other = Client(), Client()
    owner.force_login(reader)
    other.force_login(other_reader)
    return {"owner": owner, "another reader": other, "anonymous": Client()}


def found_in_search(client: Client, query: str) -> tuple[list[str], list[str]]:
    """Titles on the results page, and in the header's live box."""
    page = BeautifulSoup(client.get("/search/", {"q": query}).text, "html.parser")
    titles = [hit.get_text(strip=True) for hit in page.select(".search-hit__title")]
    live = [hit["title"] for hit in client.get("/search/live/", {"q": query}).json()["results"]]
    return titles, live


def sitemap_locations(client: Client) -> set[str]:
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {loc.text for loc in root.findall(".//s:loc", SITEMAP_NS)}


def test_a_private_playlist_is_seen_by_its_owner_only(reader, other_reader, private, public):
    clients = viewers(reader, other_reader)
    address = private.get_absolute_url()
    for who, client in clients.items():
        sees = who == "owner"
        page = client.get(address)
        assert page.status_code == (200 if sees else 404), who
        listing = client.get("/playlists/").text
        assert ("Zephyrine private picks" in listing) is sees, who
        assert "Zephyrine shared picks" in listing, who

        # Search, the API and the sitemap are the same for everyone: public playlists only.
        shared_only = ["Zephyrine shared picks"]
        assert found_in_search(client, "Zephyrine") == (shared_only, shared_only), who
        api = client.get("/api/playlists").json()
        assert [entry["title"] for entry in api["results"]] == ["Zephyrine shared picks"], who
        assert client.get(f"/api/playlists/{private.pk}").status_code == 404, who
        shared = client.get(f"/api/playlists/{public.pk}").json()
        assert [item["title"] for item in shared["items"]] == [public.items.get().page.title]
        locations = sitemap_locations(client)
        assert f"http://testserver{public.get_absolute_url()}" in locations, who
        assert f"http://testserver{address}" not in locations, who


def test_the_sitemap_follows_a_playlist_made_public_then_private(
    reader, other_reader, private, committed
):
    anonymous = Client()
    location = f"http://testserver{private.get_absolute_url()}"
    assert location not in sitemap_locations(anonymous)
    assert anonymous.get("/sitemap.xml")["X-Page-Cache"] in ("hit", "miss")  # it is cached

    with committed():
        private.is_public = True
        private.save()
    assert location in sitemap_locations(anonymous)

    with committed():
        private.is_public = False
        private.save()
    assert location not in sitemap_locations(anonymous)
    assert Client().get(private.get_absolute_url()).status_code == 404


def test_items_readers_may_not_open_are_left_out(reader, articles):
    playlist = PlaylistFactory(owner=reader, is_public=True, pages=articles)
    articles[1].unpublish()
    client = Client()
    page = client.get(playlist.get_absolute_url()).text
    assert articles[0].title in page and articles[1].title not in page
    api = client.get(f"/api/playlists/{playlist.pk}").json()
    assert [item["position"] for item in api["items"]] == [1, 2]
    assert [item["title"] for item in api["items"]] == [articles[0].title, articles[2].title]
