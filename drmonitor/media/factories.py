"""Factories for vodcast and infographic tests: real files made on the spot (a beeping WAV,
a WebVTT, a CSV), saved as an editor's upload would be."""

from __future__ import annotations

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtailmedia.models import get_media_model

from drmonitor.media import sound
from drmonitor.media.models import (
    EpisodeCaptions,
    EpisodePage,
    InfographicPage,
    InfographicsPage,
    Season,
    SeriesPage,
)
from drmonitor.newsroom.factories import ArticlePageFactory, ImageFactory

CAPTIONS = """WEBVTT

00:00.000 --> 00:05.000
Welcome to the programme.

00:05.000 --> 00:10.000
Today: the courts and the X ban.
"""


class RecordingFactory(factory.django.DjangoModelFactory):
    """An uploaded audio file: `seconds` long, its pitch changing at `chapter_starts`."""

    title = factory.Sequence(lambda n: f"Recording {n}")
    type = "audio"
    duration = 30

    class Meta:
        model = get_media_model()

    class Params:
        chapter_starts = ()

    file = factory.LazyAttribute(
        lambda o: ContentFile(
            sound.beeping_wav(int(o.duration), o.chapter_starts), name="episode.wav"
        )
    )


class TextDocumentFactory(wagtail_factories.DocumentFactory):
    """A document with the given `text` as its file named `filename`."""

    title = factory.Sequence(lambda n: f"File {n}")

    class Meta:
        model = get_document_model()

    class Params:
        text = CAPTIONS
        filename = "captions.vtt"

    file = factory.LazyAttribute(lambda o: ContentFile(o.text.encode(), name=o.filename))


class SeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Series {n}")
    show_in_menus = True

    class Meta:
        model = SeriesPage


class SeasonFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: n + 1)
    title = ""

    class Meta:
        model = Season


class EpisodePageFactory(ArticlePageFactory):
    title = factory.Sequence(lambda n: f"Episode {n}")
    standfirst = "Our reporters talk about the week's cases."

    class Meta:
        model = EpisodePage


def add_captions(episode: EpisodePage, text: str = CAPTIONS) -> EpisodeCaptions:
    captions = EpisodeCaptions.objects.create(
        episode=episode, document=TextDocumentFactory(text=text), language="en", label="English"
    )
    episode.save_revision().publish()
    return captions


class InfographicsPageFactory(wagtail_factories.PageFactory):
    title = "Infographics"
    show_in_menus = True

    class Meta:
        model = InfographicsPage


class InfographicPageFactory(ArticlePageFactory):
    title = factory.Sequence(lambda n: f"Infographic {n}")
    standfirst = "What the numbers say."
    graphic = factory.SubFactory(
        ImageFactory,
        file__width=1600,
        file__height=900,
        file__format="PNG",
        file__filename="graphic.png",
    )
    long_description = "A bar chart of seven cables; one is marked as faulty."

    class Meta:
        model = InfographicPage
