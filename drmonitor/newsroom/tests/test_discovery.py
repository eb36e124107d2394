"""What search engines and social networks read: sitemap.xml, robots.txt and page meta."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import AuthorFactory, ImageFactory
from drmonitor.newsroom.tests.discovery_support import publish, section

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def newsroom(home):
    court_updates = section(home, "drm-exclusive", "court-updates")
    writer = AuthorFactory(name="Hira Baig", slug="hira-baig", x_handle="@hirabaig")
    hidden = AuthorFactory(name="Only Drafts", slug="only-drafts")
    return {
        "live": publish(
            court_updates,
            "Court orders the ministry to explain the X ban",
            standfirst="A written reply is due in two weeks.",
            tags=["X ban"],
            authors=[writer],
            image=ImageFactory(),
        ),
        "draft": publish(
            court_updates, "Draft hearing notes", tags=["Secret tag"], authors=[hidden], live=False
        ),
        "withdrawn": _withdrawn(court_updates),
    }


def _withdrawn(parent):
    article = publish(parent, "Withdrawn correction")
    article.unpublish()
    return article


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_sitemap_lists_published_pages_tags_and_authors_only(client, home, newsroom):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    base = "http://testserver"
    assert base + newsroom["live"].url in locations
    assert base + section(home, "drm-exclusive", "court-updates").url in locations
    assert base + "/" in locations
    assert base + "/tag/x-ban/" in locations
    assert base + "/author/hira-baig/" in locations
    everything = "\n".join(sorted(locations))
    assert "draft-hearing-notes" not in everything
    assert "withdrawn-correction" not in everything
    assert "/tag/secret-tag/" not in everything
    assert "/author/only-drafts/" not in everything


def test_robots_txt_keeps_crawlers_out_of_admin_and_accounts(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_article_page_has_canonical_open_graph_x_card_and_news_article_json_ld(client, newsroom):
    article = newsroom["live"]
    soup = soup_of(client.get(article.url))
    url = "http://testserver" + article.url

    def meta(attr, name):
        tag = soup.find("meta", attrs={attr: name})
        return tag["content"] if tag else None

    assert soup.find("link", rel="canonical")["href"] == url
    assert meta("property", "og:type") == "article"
    assert meta("property", "og:title") == article.title
    assert meta("property", "og:description") == article.standfirst
    assert meta("property", "og:url") == url
    assert meta("property", "og:image").startswith("http://testserver/media/")
    assert meta("property", "og:image:width") == "1200"
    assert meta("property", "article:section") == "Court Updates"
    assert meta("property", "article:tag") == "X ban"
    assert meta("name", "twitter:card") == "summary_large_image"
    assert meta("name", "twitter:creator") == "@hirabaig"
    assert meta("name", "description") == article.standfirst

    [script] = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["datePublished"].startswith(article.date_published.date().isoformat()[:4])
    assert data["dateModified"]
    assert [author["name"] for author in data["author"]] == ["Hira Baig"]
    assert data["author"][0]["url"] == "http://testserver/author/hira-baig/"
    assert data["image"] == [meta("property", "og:image")]
    assert data["publisher"]["name"] == "Digital Rights Monitor"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, home):
    title = 'Quote "</script><script>alert(1)</script>" & more'
    article = publish(section(home, "editorial"), title)
    soup = soup_of(client.get(article.url))
    assert not any(
        "alert(1)" in (s.string or "") and s.get("type") != "application/ld+json"
        for s in soup.find_all("script")
    )
    [script] = soup.find_all("script", type="application/ld+json")
    assert "</script" not in script.string
    assert json.loads(script.string)["headline"] == title


def test_pages_without_an_image_fall_back_to_the_site_social_image(client, home):
    settings = SiteSettings.load()
    settings.default_social_image = ImageFactory()
    settings.x_url = "https://x.com/DigitalRightsPK"
    settings.save()
    article = publish(section(home, "editorial"), "An editorial without a picture")
    soup = soup_of(client.get(article.url))
    image = soup.find("meta", property="og:image")["content"]
    assert image.startswith("http://testserver/media/")
    assert soup.find("meta", attrs={"name": "twitter:site"})["content"] == "@DigitalRightsPK"
    home_soup = soup_of(client.get("/"))
    assert home_soup.find("meta", property="og:type")["content"] == "website"
    assert home_soup.find("meta", property="og:image")["content"] == image
    assert not home_soup.find_all("script", type="application/ld+json")


def test_feeds_are_announced_for_the_site_and_for_the_section_tag_and_author(
    client, home, newsroom
):
    def feeds(path):
        soup = soup_of(client.get(path))
        return {link["href"] for link in soup.find_all("link", rel="alternate")}

    site = {"/feed/", "/feed/atom/"}
    court_updates = section(home, "drm-exclusive", "court-updates")
    assert feeds("/") == site
    assert feeds(court_updates.url) == site | {
        court_updates.url + "feed/",
        court_updates.url + "feed/atom/",
    }
    assert feeds("/tag/x-ban/") == site | {"/tag/x-ban/feed/", "/tag/x-ban/feed/atom/"}
    assert feeds("/author/hira-baig/") == site | {
        "/author/hira-baig/feed/",
        "/author/hira-baig/feed/atom/",
    }
    for href in feeds("/author/hira-baig/") | feeds(court_updates.url):
        assert client.get(href).status_code == 200


def test_listing_canonical_keeps_the_page_number_only(client, home, newsroom):
    soup = soup_of(client.get("/tag/x-ban/?utm_source=x"))
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/tag/x-ban/"
