"""The anonymous page cache: readers get cached pages, editors and fresh content never wait."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from drmonitor.core.cache import PageCacheMiddleware, generation
from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import ArticlePageFactory, AuthorFactory
from drmonitor.newsroom.models import ArticlePage, SectionPage


@pytest.fixture
def page_cache(settings, tmp_path):
    """The cache switched on, empty, with its generation stamp in a folder of this test's own."""
    settings.DRM_PAGE_CACHE_SECONDS = 300
    settings.VAR_DIR = tmp_path
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(home, page_cache):
    news = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    author = AuthorFactory(name="Sana Iqbal", slug="sana-iqbal")
    story = ArticlePageFactory(parent=news, title="Original headline", authors=[author])
    story.save_revision().publish()
    SiteSettings.load()  # created on first use; a fresh site's first page view would do it
    return story


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-1234567")


def title_of(response) -> str:
    return response.content.decode().split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0]


def test_anonymous_readers_get_the_cached_page(client, article):
    first = client.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    # A change that bypasses Wagtail (no publish) is not seen: the page really comes from cache.
    ArticlePage.objects.filter(pk=article.pk).update(title="Changed behind the cache's back")
    second = client.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert title_of(second) == "Original headline"
    assert second.content == first.content


def test_publishing_shows_on_the_next_anonymous_request(client, article, committed):
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    article.title = "Corrected headline"
    with committed():
        article.save_revision().publish()
    response = client.get(article.url)
    assert title_of(response) == "Corrected headline"
    assert "Corrected headline" in client.get("/drm-exclusive/news/").content.decode()


def test_logged_in_editor_never_gets_a_cached_page(client, article, editor):
    client.get(article.url)  # an anonymous reader fills the cache
    ArticlePage.objects.filter(pk=article.pk).update(title="Edited title")
    client.force_login(editor)
    response = client.get(article.url)
    assert "X-Page-Cache" not in response
    assert title_of(response) == "Edited title"
    assert "private" in response["Cache-Control"]
    # ...and what the editor saw is not served to readers afterwards either.
    client.logout()
    client.cookies.clear()
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_unpublish_move_and_delete_reach_readers_at_once(client, article, home, committed):
    url = article.url
    client.get(url)
    with committed():
        article.unpublish()
    assert client.get(url).status_code == 404
    with committed():
        article.save_revision().publish()
    assert client.get(url).status_code == 200
    editorial = SectionPage.objects.get(slug="editorial")
    with committed():
        article.move(editorial, pos="last-child")
    moved = ArticlePage.objects.get(pk=article.pk)
    old = client.get(url)  # Wagtail leaves a redirect behind a moved page
    assert (old.status_code, old["Location"]) == (301, moved.url)
    assert client.get(moved.url).status_code == 200
    with committed():
        moved.delete()
    assert client.get(moved.url).status_code == 404


def test_author_and_site_settings_changes_reach_readers(client, article, committed):
    assert "Sana Iqbal" in client.get(article.url).content.decode()
    author = article.authors()[0]
    author.name = "Sana Iqbal Malik"
    with committed():
        author.save()
    assert "Sana Iqbal Malik" in client.get(article.url).content.decode()
    settings = SiteSettings.load()
    settings.about = "A newly written About block."
    with committed():
        settings.save()
    assert "A newly written About block." in client.get(article.url).content.decode()


def test_only_page_numbers_share_the_cache(client, article):
    assert client.get("/drm-exclusive/news/?page=1")["X-Page-Cache"] == "miss"
    assert client.get("/drm-exclusive/news/?page=1")["X-Page-Cache"] == "hit"
    assert client.get("/drm-exclusive/news/")["X-Page-Cache"] == "miss"
    for query in ("?utm_source=x", "?page=1&q=ban", "?page=01x"):
        response = client.get("/drm-exclusive/news/" + query)
        assert "X-Page-Cache" not in response, query


def test_readers_with_messages_or_sessions_bypass(client, article):
    client.get(article.url)
    client.cookies["messages"] = "pending"
    assert "X-Page-Cache" not in client.get(article.url)
    del client.cookies["messages"]
    client.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in client.get(article.url)


def test_browsers_revalidate_with_an_etag(client, article):
    first = client.get(article.url)
    assert "public" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    again = client.get(article.url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    head = client.head(article.url)
    assert head.status_code == 200 and head.content == b""


def test_pages_with_a_csrf_token_or_a_cookie_are_not_stored(page_cache, db):
    def with_form(request):
        return HttpResponse(f"<form><input value='{get_token(request)}'></form>")

    def with_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    for view in (with_form, with_cookie):
        middleware = PageCacheMiddleware(view)
        assert "X-Page-Cache" not in middleware(RequestFactory().get("/a-form/"))
        assert "X-Page-Cache" not in middleware(RequestFactory().get("/a-form/"))


def test_another_process_publishing_invalidates_this_ones_cache(page_cache, settings, db):
    """The worker publishes scheduled articles in its own process: web workers must notice."""
    before = generation()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "drmonitor.settings.test"}
    env["DRM_VAR_DIR"] = str(settings.VAR_DIR)
    code = (
        "import django; django.setup(); from drmonitor.core.cache import bump_generation as b; b()"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert generation() != before


def redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def test_with_redis_publishing_still_shows_at_once(client, article, settings, committed):
    """Production's shared cache holds the generation itself, for every process and host."""
    import uuid

    from drmonitor.testing.requirements import require

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    require(redis_reachable(url), f"Redis at {url}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"drm-test-{uuid.uuid4().hex}",
        }
    }
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    article.title = "Headline after the Redis publish"
    with committed():
        article.save_revision().publish()
    assert title_of(client.get(article.url)) == "Headline after the Redis publish"
    cache.clear()
