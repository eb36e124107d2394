"""Shared parts of pages are kept per content generation: never older than the content."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from drmonitor.newsroom.factories import ArticlePageFactory
from drmonitor.newsroom.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home) -> SectionPage:
    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    return SectionPage.objects.child_of(exclusive).get(slug="news")


def recent_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.text.strip() for item in soup.select("aside .recent__title")]


def related_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.text.strip() for item in soup.select(".related .teaser__title")]


def test_a_new_article_reaches_every_sidebar_once_committed(client, news, committed):
    now = timezone.now()
    old = ArticlePageFactory(parent=news, title="Older story", date_published=now - timedelta(1))
    assert recent_titles(client.get(news.url)) == ["Older story"]
    with committed():
        ArticlePageFactory(parent=news, title="Fresh story", date_published=now)
    assert recent_titles(client.get(news.url)) == ["Fresh story", "Older story"]
    # The article's own sidebar leaves the article itself out.
    assert recent_titles(client.get(old.url)) == ["Fresh story"]


def test_related_articles_follow_a_retagging(client, news, committed):
    story = ArticlePageFactory(parent=news, title="Story", tag_names=["Courts"])
    ArticlePageFactory(parent=news, title="Court ruling", tag_names=["Courts"])
    ArticlePageFactory(parent=news, title="Shutdown", tag_names=["Shutdowns"])
    assert related_titles(client.get(story.url)) == ["Court ruling"]
    with committed():
        story.tags.set(["Shutdowns"])
        story.save_revision().publish()
    assert related_titles(client.get(story.url)) == ["Shutdown"]


def test_with_fragments_off_every_request_renders_them(client, news, settings):
    settings.DRM_FRAGMENT_CACHE_SECONDS = 0
    ArticlePageFactory(parent=news, title="First")
    assert recent_titles(client.get(news.url)) == ["First"]
    ArticlePageFactory(parent=news, title="Second")  # no commit, no new generation
    assert recent_titles(client.get(news.url)) == ["Second", "First"]


def test_making_a_page_private_takes_effect_at_once(client, news, committed):
    story = ArticlePageFactory(parent=news, title="Embargoed", slug="embargoed")
    assert client.get(story.url).status_code == 200
    with committed():
        PageViewRestriction.objects.create(
            page=news, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-word"
        )
    response = client.get(story.url)
    assert b"Embargoed</h1>" not in response.content
    assert b"password" in response.content.lower()


def test_the_kept_menu_marks_where_each_page_is(client, news):
    """One menu fragment per place: a section, an article in it and the home page differ."""
    story = ArticlePageFactory(parent=news, title="Story")

    def marks(url: str) -> tuple[list[str], list[str]]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        current = [a.get_text(strip=True) for a in soup.select("#main-menu [aria-current=page]")]
        above = [li.a.get_text(strip=True) for li in soup.select("#main-menu .is-ancestor")]
        return current, above

    assert marks(news.url) == (["News"], ["DRM Exclusive"])
    assert marks(story.url) == ([], ["DRM Exclusive", "News"])
    assert marks("/") == ([], [])
    assert marks(news.url) == (["News"], ["DRM Exclusive"])


def test_a_section_listing_follows_publishing(client, news, committed):
    """Which articles a listing page holds, and how many pages there are, are kept too."""
    news.per_page = 2
    news.save_revision().publish()
    now = timezone.now()
    for days, title in ((3, "Third newest"), (2, "Second newest")):
        ArticlePageFactory(parent=news, title=title, date_published=now - timedelta(days))

    def listed(page: int) -> list[str]:
        response = client.get(f"{news.url}?page={page}")
        if response.status_code == 404:
            return []
        soup = BeautifulSoup(response.content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select("main .teaser__title a")]

    assert listed(1) == ["Second newest", "Third newest"]
    assert listed(2) == []
    with committed():
        ArticlePageFactory(parent=news, title="Newest", date_published=now)
    assert listed(1) == ["Newest", "Second newest"]
    assert listed(2) == ["Third newest"]


def test_a_teaser_follows_an_edit_everywhere_it_is_shown(client, home, news, committed):
    """A teaser is kept once for the front page, its section, its tag and related articles."""
    neighbour = ArticlePageFactory(parent=news, title="Neighbour", tag_names=["PTA"])
    story = ArticlePageFactory(
        parent=news,
        title="Draft headline",
        tag_names=["PTA"],
        date_published=timezone.now() - timedelta(hours=1),
    )
    places = ("/", news.url, "/tag/pta/", neighbour.url)

    def titles(url: str) -> list[str]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select("main .teaser__title a")]

    for url in places:
        assert "Draft headline" in titles(url), url
    with committed():
        story.title = "Final headline"
        story.save_revision().publish()
    for url in places:
        found = titles(url)
        assert "Final headline" in found and "Draft headline" not in found, url


def test_kept_fragments_come_back_in_the_order_asked(settings):
    """Items are rendered once, the ones not kept together; an item gone is left out."""
    from drmonitor.core.fragments import cached_fragments

    calls: list[list[int]] = []

    def render(ids: list[int]) -> dict[int, str]:
        calls.append(ids)
        return {pk: f"<p>{pk}</p>" for pk in ids if pk != 4}

    assert cached_fragments("test", "v", [3, 1], render) == ["<p>3</p>", "<p>1</p>"]
    assert cached_fragments("test", "v", [1, 2, 3, 4], render) == [
        "<p>1</p>",
        "<p>2</p>",
        "<p>3</p>",
    ]
    assert calls == [[3, 1], [2, 4]]
    settings.DRM_FRAGMENT_CACHE_SECONDS = 0
    assert cached_fragments("test", "v", [1], render) == ["<p>1</p>"]
    assert calls[-1] == [1]


def test_a_preview_leaves_the_live_pages_kept_parts_alone(client, home, news):
    """A preview renders an unsaved revision: its new tags, date and sections are shown in the
    preview and kept nowhere, so readers go on seeing the published article's."""
    now = timezone.now()
    ArticlePageFactory(
        parent=news, title="Court story", tag_names=["Courts"], date_published=now - timedelta(2)
    )
    ArticlePageFactory(
        parent=news, title="Shutdown story", tag_names=["Shutdowns"], date_published=now
    )
    story = ArticlePageFactory(
        parent=news, title="Story", tag_names=["Courts"], date_published=now - timedelta(1)
    )
    editorial = SectionPage.objects.child_of(home).get(slug="editorial")

    def parts(html: bytes) -> tuple[list[str], list[str], str]:
        soup = BeautifulSoup(html, "html.parser")
        related = [a.get_text(strip=True) for a in soup.select(".related .teaser__title a")]
        neighbours = [
            a["rel"][0] + ":" + a.contents[-1].strip() for a in soup.select(".prev-next a")
        ]
        return related, neighbours, soup.select_one(".category-line").get_text(" ", strip=True)

    live = (["Court story"], ["prev:Court story", "next:Shutdown story"], "in News")
    assert parts(client.get(story.url).content) == live
    draft = ArticlePage.objects.get(pk=story.pk)
    draft.tags.set(["Shutdowns"])
    draft.date_published = now - timedelta(3)
    draft.extra_sections.set([editorial])
    preview = draft.make_preview_request()
    assert parts(preview.rendered_content.encode()) == (
        ["Shutdown story"],
        ["next:Court story"],
        "in News , Editorial",
    )
    assert parts(client.get(story.url).content) == live
