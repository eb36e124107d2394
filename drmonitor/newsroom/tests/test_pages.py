"""Every page type renders, and the article page shows every element readers expect."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import (
    ArticlePageFactory,
    AuthorFactory,
    ImageFactory,
    SectionPageFactory,
    full_story,
)
from drmonitor.newsroom.models import SectionPage


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def section(home, *slugs: str) -> SectionPage:
    page = home
    for slug in slugs:
        page = SectionPage.objects.child_of(page).get(slug=slug)
    return page


@pytest.fixture
def story(home):
    return full_story(home)


@pytest.fixture
def newsroom(home, story):
    """The full story among others: older and newer, sharing tags or not."""
    news = section(home, "drm-exclusive", "news")
    editorial = section(home, "editorial")
    now = story.date_published
    older = ArticlePageFactory(
        parent=news,
        title="Older: petition filed",
        date_published=now - timedelta(days=3),
        featured_image=ImageFactory(),
        tag_names=["x ban", "Courts"],
    )
    newer = ArticlePageFactory(
        parent=editorial,
        title="Newer: an editorial on access",
        date_published=now + timedelta(hours=5),
        tag_names=["X Ban"],
    )
    unrelated = ArticlePageFactory(
        parent=editorial, title="Unrelated: budget talk", date_published=now - timedelta(days=9)
    )
    settings = SiteSettings.load()
    settings.about = "We watch the wires so readers can keep them free."
    settings.x_url = "https://x.com/digitalrightspk"
    settings.facebook_url = "https://facebook.com/digitalrightsmonitor"
    settings.save()
    return {"story": story, "older": older, "newer": newer, "unrelated": unrelated}


def test_article_page_shows_every_element(client, newsroom):
    story = newsroom["story"]
    page = soup_of(client.get(story.url))
    article = page.select_one("article.article")

    category = article.select_one(".category-line")
    assert category.get_text(" ", strip=True) == "in DRM Exclusive , News"
    assert [a["href"] for a in category.select("a")] == ["/drm-exclusive/", "/drm-exclusive/news/"]

    assert article.h1.get_text(strip=True) == "Court hears petition against the X ban"
    assert "explain the suspension" in article.select_one(".article__standfirst").text

    authors = article.select(".byline__author")
    assert [a.a.get_text(strip=True) for a in authors] == ["Ayesha Khan", "DRM"]
    assert [a.a["href"] for a in authors] == ["/author/ayesha-khan/", "/author/drm/"]
    assert authors[0].img is not None and authors[0].img["width"] == "48"
    date = article.select_one(".byline__date")
    local = timezone.localtime(story.date_published)
    assert date.text == local.strftime("%-d %B %Y")
    assert date["href"] == f"/archive/{local.year}/{local.month}/"

    figure = article.select_one(".article__figure")
    img = figure.select_one("img")
    assert img["alt"] == "Protesters hold phones aloft"
    assert img["width"] and img["height"] and "800w" in img["srcset"]
    assert figure.select_one("source[type='image/webp']") is not None
    assert "Readers protest the suspension" in figure.figcaption.text
    assert figure.select_one(".caption__credit").text == "Illustration: DRM"

    body = article.select_one(".article__body")
    assert "petitioner's counsel" in body.text
    assert body.select_one("h2").text == "What the ministry said"
    inline = body.select_one(".body-figure")
    assert inline.img["alt"] == "A screenshot of the notice"
    assert "The notice as served" in inline.text and "Screenshot: DRM" in inline.text
    assert "Access is a right" in body.select_one("blockquote").text
    assert body.select_one(".pullquote__by").text == "Counsel"
    embeds = body.select(".embed")
    assert "A post about the X ban, stored" in embeds[0].text  # the stored oEmbed answer
    fallback = embeds[1].select_one(".embed__link a")  # no provider: a plain link instead
    assert fallback["href"] == "https://video.example.org/watch/42"
    document = body.select_one(".document-link a")
    assert document.select_one(".document-link__title").text == "Court order of 20 March"
    assert document["href"].startswith("/documents/")

    tags = {a.text: a["href"] for a in article.select(".tags a")}
    assert tags == {"X ban": "/tag/x-ban/", "Courts": "/tag/courts/"}

    share = {a.text.strip(): a["href"] for a in article.select(".share a")}
    assert set(share) == {"Facebook", "X", "WhatsApp", "LinkedIn", "E-mail"}
    encoded = "http%3A%2F%2Ftestserver%2Fdrm-exclusive%2Fcourt-hears-petition-against-x-ban%2F"
    assert share["Facebook"] == f"https://www.facebook.com/sharer/sharer.php?u={encoded}"
    assert share["X"].startswith(f"https://x.com/intent/post?url={encoded}")
    assert share["WhatsApp"].startswith("https://wa.me/?text=")
    assert share["LinkedIn"].endswith(f"?url={encoded}")
    assert share["E-mail"].startswith("mailto:?subject=Court%20hears")
    copy = article.select_one("button[data-copy-url]")
    assert copy["data-copy-url"].endswith("/drm-exclusive/court-hears-petition-against-x-ban/")
    assert not page.select("script[src^='http']"), "no third-party scripts"

    bio = article.select_one(".author-box")
    assert "covers courts and connectivity" in bio.text

    prev_next = article.select_one(".prev-next")
    assert "Older: petition filed" in prev_next.select_one("[rel=prev]").text
    assert "Newer: an editorial on access" in prev_next.select_one("[rel=next]").text

    related = [a.text for a in article.select(".related .teaser__title a")]
    assert related == ["Older: petition filed", "Newer: an editorial on access"]

    sidebar = page.select_one("aside.sidebar")
    recent = sidebar.select(".recent__item")
    assert [item.select_one(".recent__title").text for item in recent] == [
        "Newer: an editorial on access",
        "Older: petition filed",
        "Unrelated: budget talk",
    ]
    assert recent[1].img is not None and recent[1].time is not None
    assert "We watch the wires" in sidebar.select_one(".about-block").text
    follow = [a["href"] for a in sidebar.select(".follow-links a")]
    assert follow == ["https://facebook.com/digitalrightsmonitor", "https://x.com/digitalrightspk"]
    assert "We watch the wires" in page.select_one("footer.site-footer").text

    # The header's date is written by the reader's browser (test_browser_front), so a cached
    # page never carries yesterday's; the page itself prints no date of today.
    assert page.select_one("header .dateline time[data-today]").text == ""
    today = timezone.localdate()
    assert f"{today:%B} {today.year}" not in page.select_one("header").text


def test_landmarks_and_skip_link(client, story):
    page = soup_of(client.get(story.url))
    assert page.select_one("a.skip-link")["href"] == "#main"
    assert page.select_one("main#main") and page.select_one("header") and page.select_one("footer")
    assert page.select_one("nav[aria-label=Main]")
    assert all(img.has_attr("alt") for img in page.select("img"))


def test_home_page_has_lead_latest_and_section_blocks(client, newsroom):
    page = soup_of(client.get("/"))
    assert page.select_one(".teaser--lead .teaser__title").text == "Newer: an editorial on access"
    package = [a.text for a in page.select(".package-grid .teaser__title a")]
    assert package[0] == "Court hears petition against the X ban"
    blocks = {b.h2.text.strip(): b for b in page.select(".section-block")}
    assert set(blocks) == {"DRM Exclusive", "Editorial"}
    assert "Older: petition filed" in blocks["DRM Exclusive"].text


def test_section_lists_its_own_child_and_extra_articles(client, newsroom, home):
    exclusive = soup_of(client.get("/drm-exclusive/"))
    titles = [a.text for a in exclusive.select(".teaser__title a")]
    assert titles == ["Court hears petition against the X ban", "Older: petition filed"]
    news = soup_of(client.get("/drm-exclusive/news/"))  # the story is listed there as extra
    listed = [a.text for a in news.select(".listing .teaser__title a")]
    assert listed == ["Court hears petition against the X ban", "Older: petition filed"]
    assert news.select(".chips a") == []
    assert "Unrelated: budget talk" in news.select_one("aside .recent").text


def test_teasers_name_every_author_in_byline_order(client, home):
    news = section(home, "drm-exclusive", "news")
    zara, bilal, drm = (AuthorFactory(name=name) for name in ("Zara Ahmed", "Bilal Shah", "DRM"))
    now = timezone.now()
    ArticlePageFactory(
        parent=news, title="Three bylines", authors=[zara, bilal, drm], tag_names=["PTA"]
    )
    ArticlePageFactory(
        parent=news,
        title="Two bylines",
        authors=[drm, zara],
        tag_names=["PTA"],
        date_published=now - timedelta(days=1),
    )
    ArticlePageFactory(parent=news, title="No byline", date_published=now - timedelta(days=2))
    expected = {
        "Three bylines": "By Zara Ahmed, Bilal Shah and DRM",
        "Two bylines": "By DRM and Zara Ahmed",
        "No byline": None,
    }
    for url in ("/", "/drm-exclusive/news/", "/tag/pta/"):
        for teaser in soup_of(client.get(url)).select("main .teaser"):
            byline = teaser.select_one(".teaser__by")
            title = teaser.select_one(".teaser__title").text
            assert (byline.text if byline else None) == expected[title], (url, title)


def test_section_chips_are_the_subsections_menus_show(client, home):
    exclusive = section(home, "drm-exclusive")
    SectionPageFactory(parent=exclusive, title="Hidden desk", show_in_menus=False)
    staff = SectionPageFactory(parent=exclusive, title="Staff desk")
    PageViewRestriction.objects.create(page=staff, restriction_type=PageViewRestriction.LOGIN)
    page = soup_of(client.get("/drm-exclusive/"))
    chips = [(a.text, a["href"]) for a in page.select(".chips a")]
    in_menu = page.select(".menu__item.is-current > .submenu > li > .submenu__link")
    assert chips == [(a.text, a["href"]) for a in in_menu]
    assert [text for text, _ in chips] == [
        "News",
        "Court Updates",
        "Features",
        "Comment",
        "Campaigns",
        "Vodcasts",
    ]
    assert ("News", "/drm-exclusive/news/") in chips
    # Below the menu's last level, a section still lists the sections under it.
    campaign = SectionPage.objects.get(title="#PrivacyHumSabKe")
    SectionPageFactory(parent=campaign, title="Events of 2024", slug="events-2024")
    deep = soup_of(client.get(campaign.url))
    assert [(a.text, a["href"]) for a in deep.select(".chips a")] == [
        ("Events of 2024", f"{campaign.url}events-2024/")
    ]
    assert soup_of(client.get("/drm-exclusive/news/")).select(".chips a") == []


def test_tag_page_is_case_insensitive(client, newsroom):
    for slug in ("x-ban", "X-Ban"):
        page = soup_of(client.get(f"/tag/{slug}/"))
        titles = [a.text for a in page.select(".teaser__title a")]
        assert titles == [
            "Newer: an editorial on access",
            "Court hears petition against the X ban",
            "Older: petition filed",
        ]
    assert client.get("/tag/no-such-tag/").status_code == 404


def test_author_page_shows_profile_and_articles(client, newsroom):
    page = soup_of(client.get("/author/ayesha-khan/"))
    assert page.h1.text == "Ayesha Khan"
    assert page.select_one(".author-profile__photo")["alt"] == "Ayesha Khan"
    assert "covers courts and connectivity" in page.select_one(".author-profile").text
    assert [a.text for a in page.select(".teaser__title a")] == [
        "Court hears petition against the X ban"
    ]
    assert client.get("/author/nobody/").status_code == 404


def test_date_archives(client, newsroom):
    story = newsroom["story"]
    when = timezone.localtime(story.date_published)
    year = soup_of(client.get(f"/archive/{when.year}/"))
    assert "Court hears petition against the X ban" in year.text
    assert when.strftime("%B") in [a.text for a in year.select(".chips a")]
    month = soup_of(client.get(f"/archive/{when.year}/{when.month}/"))
    assert month.h1.text == when.strftime("%B %Y")
    assert "Court hears petition against the X ban" in month.text
    empty = soup_of(client.get("/archive/1999/"))
    assert "Nothing was published in 1999" in empty.text
    assert client.get(f"/archive/{when.year}/13/").status_code == 404


def test_unknown_address_gets_the_sites_404_page(client, home):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b'aria-label="Main"' in response.content


def test_section_pagination(client, home):
    features = section(home, "drm-exclusive", "features")
    features.per_page = 2
    features.save_revision().publish()
    author = AuthorFactory()
    start = timezone.now()
    for n in range(7):
        ArticlePageFactory(
            parent=features,
            title=f"Feature {n}",
            date_published=start - timedelta(days=n),
            authors=[author],
        )
    first = soup_of(client.get("/drm-exclusive/features/"))
    assert [a.text for a in first.select(".teaser__title a")] == ["Feature 0", "Feature 1"]
    links = [li.get_text(" ", strip=True) for li in first.select(".pagination li")]
    assert links == ["Page 1", "Page 2", "Page 3", "Page 4", "Older →"]
    last = soup_of(client.get("/drm-exclusive/features/?page=4"))
    assert [a.text for a in last.select(".teaser__title a")] == ["Feature 6"]
    assert last.select_one(".pagination [aria-current=page]").get_text(" ", strip=True) == "Page 4"
    assert client.get("/drm-exclusive/features/?page=5").status_code == 404
    assert client.get("/drm-exclusive/features/?page=abc").status_code == 404
    author_page = soup_of(client.get(f"/author/{author.slug}/?page=1"))
    assert len(author_page.select(".teaser")) == 7


def test_long_lists_elide_page_links(client, home):
    editorial = section(home, "editorial")
    editorial.per_page = 1
    editorial.save_revision().publish()
    for n in range(12):
        ArticlePageFactory(parent=editorial, title=f"Editorial {n}")
    page = soup_of(client.get("/editorial/?page=6"))
    links = [li.get_text(" ", strip=True) for li in page.select(".pagination li")]
    assert links == [
        "← Newer",
        "Page 1",
        "…",
        "Page 4",
        "Page 5",
        "Page 6",
        "Page 7",
        "Page 8",
        "…",
        "Page 12",
        "Older →",
    ]


def test_a_bare_article_renders_without_empty_parts(client, newsroom):
    """No image, byline, tags or body: the page leaves those parts out instead of showing holes."""
    page = soup_of(client.get(newsroom["unrelated"].url))
    article = page.select_one("article.article")
    assert article.h1.text == "Unrelated: budget talk"
    assert article.select_one(".category-line").get_text(" ", strip=True) == "in Editorial"
    for absent in (".article__figure", ".byline__authors", ".tags", ".author-box", ".related"):
        assert article.select_one(absent) is None, absent
    assert "Older: petition filed" in article.select_one(".prev-next").text
