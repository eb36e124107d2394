"""A vodcast series with one full episode: an uploaded recording with chapters, guests,
captions and a transcript; the Infographics section. Built with factories on the install's
section tree."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.core.wsgi import get_wsgi_application
from django.utils import timezone

from drmonitor.media.factories import (
    EpisodePageFactory,
    RecordingFactory,
    SeasonFactory,
    add_captions,
)
from drmonitor.media.models import InfographicsPage, SeriesPage
from drmonitor.newsroom.factories import AuthorFactory, ImageFactory
from drmonitor.newsroom.models import ArticleAuthor, Author

CHAPTERS = [("00:00", "Why 17 February"), ("00:10", "The letter"), ("00:20", "What could end it")]


@pytest.fixture
def series(home) -> SeriesPage:
    """The install's DRM Exclusive › Vodcasts, a series with its first season."""
    vodcasts = SeriesPage.objects.get(slug="vodcasts")
    vodcasts.owner_email = "podcast@example.org"
    vodcasts.artwork = ImageFactory(title="Vodcast artwork")
    vodcasts.save_revision().publish()
    SeasonFactory(series=vodcasts, number=1, title="The X ban")
    return vodcasts


@pytest.fixture
def infographics(home) -> InfographicsPage:
    return InfographicsPage.objects.get(slug="infographics")


def make_episode(series: SeriesPage, **overrides):
    """A live episode with a 30-second recording, three chapters, a guest, a transcript and
    captions, hosted by one author."""
    starts = [10, 20]
    fields = {
        "title": "A year without X",
        "slug": "a-year-without-x",
        "standfirst": "Our court reporter on what the high courts have heard.",
        "date_published": timezone.now() - datetime.timedelta(days=1),
        "recording": RecordingFactory(duration=30, chapter_starts=starts),
        "season": series.seasons.get(number=1),
        "episode_number": 1,
        "featured_image": ImageFactory(title="Episode artwork"),
        "chapters": [("chapter", {"start": start, "title": title}) for start, title in CHAPTERS],
        "guests": [
            ("guest", {"name": "Nighat Dad", "role": "Lawyer", "url": "https://example.org/nd"})
        ],
        "transcript": [
            ("line", {"start": "00:00", "speaker": "Host", "text": "Welcome to the programme."}),
            (
                "line",
                {
                    "start": "00:12",
                    "speaker": "Guest",
                    "text": "The ministry's letter said immediately till further orders.",
                },
            ),
        ],
    }
    fields.update(overrides)
    episode = EpisodePageFactory(parent=series, **fields)
    host = Author.objects.filter(slug="sana-mirza").first() or AuthorFactory(
        name="Sana Mirza", slug="sana-mirza"
    )
    ArticleAuthor.objects.create(article=episode, author=host, sort_order=0)
    add_captions(episode)
    return episode


@pytest.fixture
def episode(series):
    return make_episode(series)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def site_server(transactional_db) -> Iterator[str]:
    """The site's WSGI application (what gunicorn runs in `make run`, uploads and all) on a
    real socket; yields its address. pytest-django's live server answers /media/ itself,
    without byte ranges, so it cannot show how the site serves recordings."""
    # Django's threaded server closes each request thread's database connection.
    application = StaticFilesHandler(get_wsgi_application())
    server = make_server(
        "127.0.0.1", 0, application, server_class=ThreadedWSGIServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
