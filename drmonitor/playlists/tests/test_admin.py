"""Editors curate the newsroom's playlists and feature public ones; readers' private
playlists are not theirs to see."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from drmonitor.accounts.roles import EDITORS, REPORTERS
from drmonitor.playlists.factories import PlaylistFactory
from drmonitor.playlists.models import Playlist

ADMIN = "wagtailsnippets_playlists_playlist"


def member_of(group: str) -> Client:
    user = get_user_model().objects.create_user(f"{group.lower()}-1", password="x-long-pass-1")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def test_an_editor_curates_a_featured_playlist(articles):
    editor = member_of(EDITORS)
    add = reverse(f"{ADMIN}:add")
    data = {
        "title": "The X ban in five stories",
        "description": "Our pick.",
        "is_featured": "on",
        "items": inline_formset([{"page": articles[2].pk}, {"page": articles[0].pk}]),
    }
    refused = editor.post(add, nested_form_data(data))
    assert refused.status_code == 200
    assert "Make the playlist public to feature it." in refused.text
    assert not Playlist.objects.exists()

    saved = editor.post(add, nested_form_data({**data, "is_public": "on"}))
    assert saved.status_code == 302
    playlist = Playlist.objects.get()
    assert playlist.owner is None and playlist.is_featured
    index = Client().get("/playlists/").text
    assert "The X ban in five stories" in index and "Curated by Digital Rights Monitor" in index
    shown = Client().get(playlist.get_absolute_url()).text
    assert shown.index(articles[2].title) < shown.index(articles[0].title)


def test_editors_see_no_private_reader_playlist(reader, other_reader):
    private = PlaylistFactory(owner=reader, title="Private to Amna")
    public = PlaylistFactory(owner=other_reader, title="Public from Bilal", is_public=True)
    editor = member_of(EDITORS)
    listing = editor.get(reverse(f"{ADMIN}:list"))
    assert "Public from Bilal" in listing.text and "Private to Amna" not in listing.text
    assert editor.get(reverse(f"{ADMIN}:edit", args=[public.pk])).status_code == 200
    opened = editor.get(reverse(f"{ADMIN}:edit", args=[private.pk]))
    assert opened.status_code == 404 and "Private to Amna" not in opened.text
    assert editor.post(reverse(f"{ADMIN}:delete", args=[private.pk])).status_code == 404
    for view in ("history", "usage", "copy"):
        assert editor.get(reverse(f"{ADMIN}:{view}", args=[private.pk])).status_code == 404
    assert Playlist.objects.filter(pk=private.pk).exists()


@pytest.mark.django_db
def test_reporters_do_not_curate_playlists():
    reporter = member_of(REPORTERS)
    assert reporter.get(reverse(f"{ADMIN}:add")).status_code in (302, 403)
