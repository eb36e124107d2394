"""Every old address of the WordPress site answers 301 with the page that holds it now."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from drmonitor.wordpress.models import ImportedItem


def page_url(wp_id: int) -> str:
    return ImportedItem.objects.get(wp_id=wp_id).page.url


def moved(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


URDU_PATH = (
    "/%d8%a8%d9%84%d9%88%da%86%d8%b3%d8%aa%d8%a7%d9%86-%d9%85%db%8c%da%ba-%d8%a8%d9%86%d8%af%d8%b4/"
)


@pytest.mark.django_db
def test_post_addresses_in_every_common_form(imported):
    story = page_url(10)
    assert story == "/drm-exclusive/news/pta-blocks-x-nationwide/"
    for old in (
        "/pta-blocks-x-nationwide/",
        "/pta-blocks-x-nationwide",
        "/?p=10",
        "/2024/02/17/pta-blocks-x-nationwide/",
        "/2024/02/pta-blocks-x-nationwide/",
        "/archives/10/",
        "/drm-exclusive/pta-blocks-x-nationwide/",
        "/pta-blocks-x-nationwide/feed/",
        "/pta-blocks-x-nationwide/notice/",  # an attachment page: the story it is in
    ):
        assert moved(old) == story, old
    assert moved(URDU_PATH) == page_url(12)
    assert moved("/?p=12") == page_url(12)
    assert Client().get(moved(URDU_PATH)).status_code == 200


@pytest.mark.django_db
def test_archives_feeds_and_the_sitemap(imported):
    assert moved("/category/drm-exclusive/news/") == "/drm-exclusive/news/"
    assert moved("/category/in-media/news-in-media/") == "/in-media/news/"
    assert moved("/category/in-media/news-in-media/feed/") == "/in-media/news/feed/"
    assert moved("/category/drm-exclusive/news/page/2/") == "/drm-exclusive/news/?page=2"
    assert moved("/category/local-desk/karachi/") == "/local-desk/karachi/"
    assert moved("/?cat=3") == "/drm-exclusive/news/"
    assert Client().get("/author/ayesha-malik/").status_code == 200
    assert Client().get("/tag/pta/").status_code == 200
    assert moved("/?tag=pta") == "/tag/pta/"
    assert moved("/?author=4") == "/author/ayesha-malik/"
    assert moved("/wp-sitemap.xml") == "/sitemap.xml"
    assert moved("/feed/rss2/") == "/feed/"
    assert moved("/?feed=rss2") == "/feed/"
    assert moved("/?s=firewall") == "/search/?q=firewall"
    assert moved("/2024/02/") == "/archive/2024/2/"
    # The post-format archive: the section its posts are filed in.
    assert moved("/type/video/") == "/drm-exclusive/vodcasts/"
    assert moved("/?post_format=video") == "/drm-exclusive/vodcasts/"


@pytest.mark.django_db
def test_a_page_keeps_its_address_and_its_number_redirects(imported):
    assert Client().get("/about/").status_code == 200
    assert moved("/?page_id=20") == "/about/"


@pytest.mark.django_db
def test_drafts_have_no_old_address_and_unknown_ones_stay_404(imported):
    assert Client().get("/?p=13").status_code == 200  # the home page, as WordPress shows it
    assert Client().get("/no-such-story/").status_code == 404
    assert Client().get("/some/where/no-such-story/").status_code == 404


@pytest.mark.django_db
def test_an_old_address_costs_one_lookup(imported):
    client = Client()
    client.get("/")  # the site lookup is kept from the first request on
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/?p=10").status_code == 301
    redirect_queries = [q for q in queries if "wagtailredirects_redirect" in q["sql"]]
    assert len(redirect_queries) == 1
