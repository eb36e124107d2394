"""The cache as readers and editors meet it: pages and parts kept until what they show changes.

The suite runs with the page cache on, as production does; these tests say what it must and
must not keep.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction

from drmonitor.core.caching import depends_on, keep_many, snapshot
from drmonitor.core.caching.invalidation import invalidate
from drmonitor.core.caching.middleware import CacheMiddleware
from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import ArticlePageFactory, AuthorFactory, ImageFactory
from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.testing.requirements import require
from drmonitor.tracker.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home) -> SectionPage:
    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    return SectionPage.objects.child_of(exclusive).get(slug="news")


@pytest.fixture
def editorial(home) -> SectionPage:
    return SectionPage.objects.child_of(home).get(slug="editorial")


@pytest.fixture
def article(news):
    author = AuthorFactory(name="Sana Iqbal", slug="sana-iqbal")
    story = ArticlePageFactory(parent=news, title="Original headline", authors=[author])
    story.save_revision().publish()
    SiteSettings.load()  # created on first use; a fresh site's first page view would do it
    return story


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-1234567")


def title_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


def teaser_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("main .teaser__title a")]


def recent_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.get_text(strip=True) for item in soup.select("aside .recent__title")]


def related_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.get_text(strip=True) for item in soup.select(".related .teaser__title")]


# --- the page cache ---------------------------------------------------------------------------


def test_anonymous_readers_get_the_cached_page(client, article):
    first = client.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    # A change that bypasses Wagtail (no publish) is not seen: the page really comes from cache.
    ArticlePage.objects.filter(pk=article.pk).update(title="Changed behind the cache's back")
    second = client.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert title_of(second) == "Original headline"
    assert second.content == first.content


def test_readers_who_ask_get_the_page_compressed_and_the_cache_keeps_it_plain(client, article):
    packed = client.get(article.url, headers={"Accept-Encoding": "gzip"})
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    plain = client.get(article.url)  # from the cache now, for a reader who asked for no gzip
    assert plain["X-Page-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert gzip.decompress(packed.content) == plain.content


def test_a_publish_refreshes_the_pages_that_show_the_article_and_no_other(
    client, news, editorial, committed
):
    """The new article's sections, tag, author, the front page, the feed and the article just
    before it go stale; an unrelated article's cached page stays."""
    now = timezone.now()
    author = AuthorFactory(name="Hamza Khan", slug="hamza-khan")
    unrelated = ArticlePageFactory(
        parent=editorial, title="An old editorial", date_published=now - timedelta(days=300)
    )
    before = ArticlePageFactory(
        parent=news, title="Yesterday's story", date_published=now - timedelta(days=1)
    )
    ArticlePageFactory(
        parent=editorial,
        title="Older PTA story",
        tag_names=["PTA"],
        date_published=now - timedelta(days=200),
    )
    places = [
        "/",
        news.url,
        "/drm-exclusive/",
        "/tag/pta/",
        "/author/hamza-khan/",
        "/feed/",
        before.url,
        unrelated.url,
    ]
    for url in places:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    with committed():
        ArticlePageFactory(
            parent=news,
            title="Breaking story",
            date_published=now,
            authors=[author],
            tag_names=["PTA"],
        )
    for url in places[:-1]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Breaking story" in response.text, url
    assert client.get(unrelated.url)["X-Page-Cache"] == "hit"


def test_an_edit_reaches_every_place_the_teaser_is_shown(client, home, news, committed):
    neighbour = ArticlePageFactory(parent=news, title="Neighbour", tag_names=["PTA"])
    story = ArticlePageFactory(
        parent=news,
        title="Draft headline",
        tag_names=["PTA"],
        date_published=timezone.now() - timedelta(hours=1),
    )
    places = ("/", news.url, "/tag/pta/", neighbour.url)
    for url in places:
        assert "Draft headline" in teaser_titles(client.get(url)), url
    with committed():
        story.title = "Final headline"
        story.save_revision().publish()
    for url in places:
        found = teaser_titles(client.get(url))
        assert "Final headline" in found and "Draft headline" not in found, url


def test_unpublish_move_and_delete_reach_readers_at_once(client, article, editorial, committed):
    url = article.url
    client.get(url)
    with committed():
        article.unpublish()
    assert client.get(url).status_code == 404
    with committed():
        article.save_revision().publish()
    assert client.get(url).status_code == 200
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
    assert "Sana Iqbal" in client.get(article.url).text
    assert "Sana Iqbal" in client.get("/drm-exclusive/news/").text
    author = article.authors()[0]
    author.name = "Sana Iqbal Malik"
    with committed():
        author.save()
    assert "Sana Iqbal Malik" in client.get(article.url).text
    assert "Sana Iqbal Malik" in client.get("/drm-exclusive/news/").text  # the teaser's byline
    settings = SiteSettings.load()
    settings.about = "A newly written About block."
    with committed():
        settings.save()
    assert "A newly written About block." in client.get(article.url).text


def test_a_model_nobody_registered_changes_nothing_kept(client, article, committed):
    """A model added later (here: Django's groups, which no page shows) empties no cache;
    a tracker record makes the tracker's pages stale, not the articles'."""
    client.get(article.url)
    client.get("/incidents/")
    with committed():
        Group.objects.create(name="A new kind of thing")
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    assert client.get("/incidents/")["X-Page-Cache"] == "hit"
    with committed():
        Country.objects.create(code="XK", name="Kosovo")
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    assert client.get("/incidents/")["X-Page-Cache"] == "miss"


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


def test_browsers_revalidate_with_an_etag_and_nginx_keeps_the_page(client, article, settings):
    first = client.get(article.url)
    assert "public" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    assert first["X-Accel-Expires"] == str(settings.DRM_FRONT_CACHE_SECONDS)
    again = client.get(article.url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    head = client.head(article.url)
    assert head.status_code == 200 and head.content == b""


def test_pages_with_a_csrf_token_a_cookie_or_no_key_are_not_stored(db):
    def with_form(request):
        depends_on("page:1")
        return HttpResponse(f"<form><input value='{get_token(request)}'></form>")

    def with_cookie(request):
        depends_on("page:1")
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    def naming_nothing(request):
        return HttpResponse("hello")

    def naming_a_key(request):
        depends_on("page:1")
        return HttpResponse("hello")

    for view in (with_form, with_cookie, naming_nothing):
        middleware = CacheMiddleware(view)
        assert "X-Page-Cache" not in middleware(RequestFactory().get("/a-page/"))
        assert "X-Page-Cache" not in middleware(RequestFactory().get("/a-page/"))
    middleware = CacheMiddleware(naming_a_key)
    assert middleware(RequestFactory().get("/a-page/"))["X-Page-Cache"] == "miss"
    assert middleware(RequestFactory().get("/a-page/"))["X-Page-Cache"] == "hit"


def test_editors_get_every_part_fresh(client, news, editor):
    """A signed-in editor neither gets a cached page nor any kept part of one."""
    story = ArticlePageFactory(parent=news, title="Kept headline")
    client.get(news.url)  # an anonymous reader keeps the page and the teaser
    ArticlePage.objects.filter(pk=story.pk).update(title="Edited behind the cache")
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "pw-1234567")
    client.force_login(reader)
    response = client.get(news.url)
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
    assert teaser_titles(response) == ["Kept headline"]  # a reader's page uses kept teasers
    client.force_login(editor)
    assert teaser_titles(client.get(news.url)) == ["Edited behind the cache"]
    client.logout()
    assert teaser_titles(client.get(news.url)) == ["Kept headline"]


def test_midnight_makes_day_counts_stale(client, home, monkeypatch):
    """Tracker pages count days: they are kept for the day they were made on only."""
    assert client.get("/incidents/")["X-Page-Cache"] == "miss"
    assert client.get("/incidents/")["X-Page-Cache"] == "hit"
    assert client.get(home.url)["X-Page-Cache"] == "miss"
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(snapshot, "today_key", lambda: snapshot.DAY_PREFIX + tomorrow.isoformat())
    assert client.get("/incidents/")["X-Page-Cache"] == "miss"
    assert client.get(home.url)["X-Page-Cache"] == "miss"  # its evidence desk counts days too


def test_another_process_publishing_makes_this_ones_pages_stale(client, article, settings):
    """The worker publishes scheduled articles in its own process: web workers must notice."""
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "drmonitor.settings.test"}
    env["DRM_VAR_DIR"] = str(settings.VAR_DIR)
    code = (
        "import django; django.setup()\n"
        "from drmonitor.core.caching.invalidation import invalidate\n"
        f"invalidate('page:{article.pk}')\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert client.get(article.url)["X-Page-Cache"] == "miss"


def redis_url() -> str:
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        reachable = bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        reachable = False
    require(reachable, f"Redis at {url}")
    return url


def test_with_redis_a_publish_still_shows_at_once(client, article, settings, committed):
    """Production's shared cache holds the ledger itself, for every process and host."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url(),
            "KEY_PREFIX": f"drm-test-{uuid.uuid4().hex}",
        }
    }
    editorial = SectionPage.objects.get(slug="editorial")
    now = timezone.now()
    other = ArticlePageFactory(
        parent=editorial, title="Unrelated", date_published=now - timedelta(days=999)
    )
    # Between the two by date, so that the unrelated article is not the edited one's neighbour.
    ArticlePageFactory(parent=editorial, title="Between", date_published=now - timedelta(days=9))
    # A Redis without a ledger yet: its first entry makes everything kept before it distrusted
    # (as after a restart, see CacheLedger), so one comes first.
    with committed():
        invalidate("settings")
    for url in (article.url, other.url):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    article.title = "Headline after the Redis publish"
    with committed():
        article.save_revision().publish()
    assert title_of(client.get(article.url)) == "Headline after the Redis publish"
    assert client.get(other.url)["X-Page-Cache"] == "hit"
    cache.clear()


def production_redis(location: str) -> dict:
    """The cache production settings configure, at `location`, under a prefix of its own."""
    return {
        "default": {
            "BACKEND": "drmonitor.core.caching.resilient.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"drm-test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def test_after_redis_restarts_empty_a_publish_still_shows_at_once(
    client, article, settings, committed
):
    """A restart loses the ledger's counter too: counting again from 0 would hand out positions
    every process had read past, and the page kept after the restart would stay as it was."""
    settings.CACHES = production_redis(redis_url())
    article.title = "Headline before the restart"
    with committed():
        article.save_revision().publish()
    assert title_of(client.get(article.url)) == "Headline before the restart"
    cache.clear()  # Redis restarted without its data
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    article.title = "Headline after the restart"
    with committed():
        article.save_revision().publish()
    assert title_of(client.get(article.url)) == "Headline after the restart"
    cache.clear()


def test_while_redis_is_down_readers_get_pages_and_editors_publish(
    client, article, settings, committed, caplog
):
    """No 500s for a cache that is only a cache: pages are rendered without it, and a publish
    commits (its ledger entry cannot be recorded, which is logged)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the socket is closed
    settings.CACHES = production_redis(f"redis://127.0.0.1:{port}/0")
    response = client.get(article.url)
    assert response.status_code == 200
    assert title_of(response) == "Original headline"
    article.title = "Published while Redis was down"
    with committed():
        article.save_revision().publish()
    assert title_of(client.get(article.url)) == "Published while Redis was down"
    assert "could not record changed keys" in caplog.text


# --- kept parts -----------------------------------------------------------------------------


def test_a_new_article_reaches_the_sidebar_of_pages_rendered_after_it(client, news, committed):
    """Every page shows the newest articles, and every publish changes them: cached pages that
    do not show the new article keep their sidebar until they expire; pages rendered after
    the publish show it."""
    now = timezone.now()
    old = ArticlePageFactory(parent=news, title="Older story", date_published=now - timedelta(1))
    far = ArticlePageFactory(parent=news, title="Far story", date_published=now - timedelta(99))
    assert recent_titles(client.get(news.url)) == ["Older story", "Far story"]
    assert recent_titles(client.get(far.url)) == ["Older story"]
    with committed():
        ArticlePageFactory(parent=news, title="Fresh story", date_published=now)
    assert recent_titles(client.get(news.url)) == ["Fresh story", "Older story", "Far story"]
    # The article's own sidebar leaves the article itself out.
    assert recent_titles(client.get(old.url)) == ["Fresh story", "Far story"]
    kept = client.get(far.url)
    assert kept["X-Page-Cache"] == "hit" and recent_titles(kept) == ["Older story"]
    cache.clear()  # as if the page had expired
    assert recent_titles(client.get(far.url)) == ["Fresh story", "Older story"]


def test_related_articles_follow_a_retagging(client, news, committed):
    story = ArticlePageFactory(parent=news, title="Story", tag_names=["Courts"])
    ArticlePageFactory(parent=news, title="Court ruling", tag_names=["Courts"])
    ArticlePageFactory(parent=news, title="Shutdown", tag_names=["Shutdowns"])
    assert related_titles(client.get(story.url)) == ["Court ruling"]
    with committed():
        story.tags.set(["Shutdowns"])
        story.save_revision().publish()
    assert related_titles(client.get(story.url)) == ["Shutdown"]


def test_with_kept_parts_off_every_request_renders_them(client, news, settings):
    settings.DRM_FRAGMENT_CACHE_SECONDS = 0
    settings.DRM_PAGE_CACHE_SECONDS = 0
    ArticlePageFactory(parent=news, title="First")
    assert recent_titles(client.get(news.url)) == ["First"]
    ArticlePageFactory(parent=news, title="Second")  # no commit: nothing goes stale
    assert recent_titles(client.get(news.url)) == ["Second", "First"]


def test_making_a_page_private_takes_effect_at_once_however_it_is_written(client, news):
    """The privacy check keeps nothing: even a restriction written without any signal (a bulk
    insert, a restore) applies to the next request."""
    story = ArticlePageFactory(parent=news, title="Embargoed", slug="embargoed")
    client.cookies["sessionid"] = "a-reader"  # past the page cache, to the privacy check
    assert client.get(story.url).status_code == 200
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=news, restriction_type="password", password="s3cret-word")]
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
    with committed():
        news.save_revision().publish()
    now = timezone.now()
    for days, title in ((3, "Third newest"), (2, "Second newest")):
        ArticlePageFactory(parent=news, title=title, date_published=now - timedelta(days))

    def listed(page: int) -> list[str]:
        response = client.get(f"{news.url}?page={page}")
        return [] if response.status_code == 404 else teaser_titles(response)

    assert listed(1) == ["Second newest", "Third newest"]
    assert listed(2) == []
    with committed():
        ArticlePageFactory(parent=news, title="Newest", date_published=now)
    assert listed(1) == ["Newest", "Second newest"]
    assert listed(2) == ["Third newest"]


def test_kept_items_come_back_in_the_order_asked(rf, settings):
    """Items are built once, the ones not kept together; an item gone is left out."""
    calls: list[list[int]] = []

    def build(ids: list[int]) -> dict[int, tuple[str, list[str]]]:
        calls.append(ids)
        return {pk: (f"<p>{pk}</p>", [f"page:{pk}"]) for pk in ids if pk != 4}

    with snapshot.bound(snapshot.take(rf.get("/"))):
        assert keep_many("test", [3, 1], build) == ["<p>3</p>", "<p>1</p>"]
        assert keep_many("test", [1, 2, 3, 4], build) == ["<p>1</p>", "<p>2</p>", "<p>3</p>"]
        assert calls == [[3, 1], [2, 4]]
    settings.DRM_FRAGMENT_CACHE_SECONDS = 0
    with snapshot.bound(snapshot.take(rf.get("/"))):
        assert keep_many("test", [1], build) == ["<p>1</p>"]
    assert calls[-1] == [1]


def test_a_preview_never_reads_or_writes_a_kept_value(client, home, news):
    """A preview renders an unsaved revision: its new tags, date and sections are shown in the
    preview (nothing kept is read) and kept nowhere (nothing is written), so readers go on
    seeing the published article's."""
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
    client.cookies["sessionid"] = "a-reader"  # past the page cache: rendered from kept parts
    assert parts(client.get(story.url).content) == live


def test_an_image_edit_reaches_the_pages_that_show_the_image(client, news, committed):
    """Pages are found through Wagtail's reference index: an editor's new caption shows."""
    picture = ImageFactory(caption="A first caption")
    story = ArticlePageFactory(parent=news, title="Pictured", featured_image=picture)
    assert "A first caption" in client.get(story.url).text
    picture.caption = "A corrected caption"
    with committed():
        picture.save()
    assert "A corrected caption" in client.get(story.url).text


def test_a_page_stands_behind_its_own_key_and_no_other_page_does(client, home, article, committed):
    """Every page type records its own key when served; re-publishing the front page (as
    editors do to rearrange it) leaves the articles' pages alone."""
    client.get("/"), client.get(article.url)
    home.seo_title = "Digital Rights Monitor: the front page"
    with committed():
        home.save_revision().publish()
    front = client.get("/")
    assert front["X-Page-Cache"] == "miss"
    assert "Digital Rights Monitor: the front page" in front.text
    assert client.get(article.url)["X-Page-Cache"] == "hit"
