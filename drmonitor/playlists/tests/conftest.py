"""Fixtures for playlist tests: three published articles and two readers."""

from __future__ import annotations

import pytest

from drmonitor.newsroom.factories import ArticlePageFactory
from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.playlists.factories import ReaderFactory


@pytest.fixture
def news(home) -> SectionPage:
    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    return SectionPage.objects.child_of(exclusive).get(slug="news")


@pytest.fixture
def articles(news) -> list[ArticlePage]:
    titles = ["X is blocked again", "Court hears the X petition", "Mobile data restored"]
    return [ArticlePageFactory(parent=news, title=title) for title in titles]


@pytest.fixture
def reader(db):
    return ReaderFactory(username="amna")


@pytest.fixture
def other_reader(db):
    return ReaderFactory(username="bilal")
