"""Finding a page by its URL in one query answers exactly as Wagtail's walk down the tree."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from drmonitor.newsroom.factories import ArticlePageFactory, SectionPageFactory
from drmonitor.newsroom.models import SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home) -> SectionPage:
    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    return SectionPage.objects.child_of(exclusive).get(slug="news")


def test_article_three_levels_deep_is_found(client, news):
    ArticlePageFactory(parent=news, title="Mobile data suspended", slug="mobile-data-suspended")
    response = client.get("/drm-exclusive/news/mobile-data-suspended/")
    assert response.status_code == 200
    assert b"Mobile data suspended" in response.content


def test_routing_an_article_costs_a_fixed_number_of_queries(client, news):
    """The walk costs two queries per level; the shortcut costs two in all."""
    shallow = SectionPageFactory(parent=news, title="Deep", slug="deep")
    deeper = SectionPageFactory(parent=shallow, title="Deeper", slug="deeper")
    ArticlePageFactory(parent=news, slug="near")
    ArticlePageFactory(parent=deeper, slug="far")
    for url in ("/drm-exclusive/news/near/", "/drm-exclusive/news/deep/deeper/far/"):
        client.get(url)  # warm the cache: fragments and renditions

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries("/drm-exclusive/news/deep/deeper/far/") == queries("/drm-exclusive/news/near/")


def test_missing_and_unpublished_pages_are_not_found(client, news):
    draft = ArticlePageFactory(parent=news, slug="draft-story")
    draft.unpublish()
    assert client.get("/drm-exclusive/news/draft-story/").status_code == 404
    assert client.get("/drm-exclusive/news/no-such-story/").status_code == 404
    assert client.get("/drm-exclusive/no-such-section/story/").status_code == 404


def test_a_sections_own_routes_still_answer(client, news):
    ArticlePageFactory(parent=news, title="Feed item")
    response = client.get("/drm-exclusive/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")


def test_a_section_route_shadows_an_article_of_the_same_slug_as_in_wagtail(client, news):
    """Wagtail asks a routable section first; an article slugged "feed" stays unreachable."""
    ArticlePageFactory(parent=news, title="An article called feed", slug="feed")
    response = client.get("/drm-exclusive/news/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")


def test_a_page_under_an_unpublished_section_is_served_as_wagtail_does(client, home):
    hidden = SectionPageFactory(parent=home, title="Hidden", slug="hidden")
    ArticlePageFactory(parent=hidden, title="Still public", slug="still-public")
    hidden.unpublish()
    response = client.get("/hidden/still-public/")
    assert response.status_code == 200
    assert b"Still public" in response.content


def test_a_new_site_answers_for_its_host_once_committed(client, home, news, committed):
    from wagtail.models import Site

    def heading(host: str) -> str:
        response = client.get("/", HTTP_HOST=host)
        return response.content.decode().split("<h1", 1)[-1][:200]

    assert "News" not in heading("archive.example.org")  # the default site answers
    with committed():
        Site.objects.create(hostname="archive.example.org", port=80, root_page=news)
    assert "News" in heading("archive.example.org")
    assert "News" not in heading("testserver")


def test_a_made_up_host_is_refused_and_takes_no_cache_entry(client, home, settings):
    from django.core.cache import cache

    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get("/", HTTP_HOST="made-up.example").status_code == 400
    assert client.get("/").status_code == 200
    assert not [key for key in cache._cache if "made-up" in key]


def test_a_pages_url_is_the_one_wagtail_gives_on_its_own_site_and_on_another(rf, home, news):
    """Links in menus and teasers: the page's path on the reader's site, a full URL to a page
    of another site, none for a page under no site (the tree's root)."""
    from wagtail.models import Page, Site

    from drmonitor.core.routing import page_url

    ArticlePageFactory(parent=news, title="Ünïcode in the slug", slug="ünïcode-slug")
    Site.objects.create(hostname="archive.example.org", port=80, root_page=news)
    requests = [rf.get("/"), rf.get("/", HTTP_HOST="archive.example.org")]
    for request in requests:
        for page in Page.objects.all():
            assert page_url(page.url_path, request) == page.get_url(request), page.url_path
