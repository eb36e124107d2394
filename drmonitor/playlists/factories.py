"""Factories for playlist tests: readers and their playlists."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from drmonitor.playlists.models import Playlist

PASSWORD = "s3cret-pass!"  # noqa: S105 - test readers only


class ReaderFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"reader{n}")
    email = factory.LazyAttribute(lambda reader: f"{reader.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = False


class PlaylistFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Playlist {n}")
    owner = factory.SubFactory(ReaderFactory)

    class Meta:
        model = Playlist
        skip_postgeneration_save = True  # add() saves what it changes

    @factory.post_generation
    def pages(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's convention
        """`pages=[article, ...]` puts them in, in order."""
        for page in extracted or []:
            obj.add(page)
