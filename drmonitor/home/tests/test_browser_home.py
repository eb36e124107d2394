"""The front page and the pages it leads to, in a real browser at desktop and phone sizes:
no story twice above the fold, no empty column, content high on a phone, and screenshots."""

from __future__ import annotations

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone

from drmonitor.newsroom.factories import ArticlePageFactory, ImageFactory, full_story
from drmonitor.newsroom.models import SectionPage
from drmonitor.readership.counting import reads_of, record_read
from drmonitor.testing.browser import DESKTOP, PHONE, screenshot_dir
from drmonitor.tracker.models import Country, Incident

pytest_plugins = ["drmonitor.testing.browser"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE_CONTENT_TOP = 260  # px from the top of a 390 x 844 screen


@pytest.fixture
def newsroom(home):
    """A story in every top-level section and a dozen more in News, some of them read."""
    story = full_story(home)
    now = timezone.now()
    sections = list(SectionPage.objects.child_of(home).live().in_menu())
    news = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    stories = []
    for number in range(22):
        parent = sections[number % len(sections)] if number < 2 * len(sections) else news
        stories.append(
            ArticlePageFactory(
                parent=parent,
                title=f"Story {number} on the state of the internet in Pakistan",
                date_published=now - timedelta(hours=3 + number),
                featured_image=ImageFactory(),
            )
        )
    for story_read in stories[:2] * 3 + stories[14:]:
        record_read(story_read.pk)
    pakistan = Country.objects.create(code="PK", name="Pakistan")
    incident = Incident.objects.create(
        title="X blocked in Pakistan",
        kind="platform_block",
        country=pakistan,
        start_date=datetime.date(2024, 2, 17),
        summary="X was blocked nationwide from 17 February 2024.",
    )
    return {"story": story, "news": news, "incident": incident}


def _scroll_through(page) -> None:
    """Scroll to the end and back so lazy pictures load before a full-page screenshot."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")


STORIES_ABOVE_THE_FOLD = """() => {
  const seen = [];
  for (const link of document.querySelectorAll("main .teaser__title a, main .rank__title")) {
    const box = link.getBoundingClientRect();
    if (box.height > 0 && box.top < window.innerHeight) seen.push(link.getAttribute("href"));
  }
  return seen;
}"""

EMPTY_COLUMNS = """() => {
  const empty = [];
  const grids = document.querySelectorAll("main .front-top, main .teaser-grid, main .package-grid");
  for (const grid of grids) {
    const columns = getComputedStyle(grid).gridTemplateColumns.split(" ").length;
    const filled = [...grid.children].filter((child) => child.getBoundingClientRect().height > 0);
    if (filled.length < columns) empty.push(`${grid.className}: ${filled.length}/${columns}`);
  }
  return empty;
}"""


def test_home_shows_no_story_twice_above_the_fold_and_no_empty_column(
    site_url, newsroom, browser_page
):
    page = browser_page(site_url + "/", viewport=DESKTOP)
    above = page.evaluate(STORIES_ABOVE_THE_FOLD)
    assert len(above) >= 10  # the lead package, Latest and Most read, side by side
    assert len(above) == len(set(above)), above
    assert page.evaluate(EMPTY_COLUMNS) == []
    assert page.locator(".front-top__package img").first.evaluate("img => img.naturalWidth") > 0
    _scroll_through(page)
    page.screenshot(path=str(screenshot_dir() / "home.png"), full_page=True)

    phone = browser_page(site_url + "/", viewport=PHONE)
    assert phone.evaluate(EMPTY_COLUMNS) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _scroll_through(phone)
    phone.screenshot(path=str(screenshot_dir() / "home-phone.png"), full_page=True)


def test_pictures_keep_their_place_while_they_load(site_url, newsroom, browser_page):
    page = browser_page(site_url + "/", viewport=DESKTOP)
    sizes = page.evaluate(
        """() => [...document.querySelectorAll("main img")].map(
            (img) => [img.getAttribute("width"), img.getAttribute("height")])"""
    )
    assert sizes and all(width and height for width, height in sizes)
    assert page.locator("main picture source[type='image/webp']").count() == len(sizes)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("home", lambda content: "/"),
        ("section", lambda content: content["news"].url),
        ("article", lambda content: content["story"].url),
        ("incident", lambda content: content["incident"].get_absolute_url()),
    ],
)
def test_on_a_phone_content_starts_within_the_top_260_px(
    site_url, newsroom, browser_page, name, where
):
    phone = browser_page(site_url + where(newsroom), viewport=PHONE)
    top = phone.evaluate(
        """() => {
          const first = document.querySelector(`main .teaser, main .record__kicker,
            main .category-line, main h1:not(.visually-hidden)`);
          return first.getBoundingClientRect().top;
        }"""
    )
    assert top < PHONE_CONTENT_TOP, f"{name}: content starts at {top} px"
    if name in ("section", "incident"):
        _scroll_through(phone)
        phone.screenshot(path=str(screenshot_dir() / f"{name}-phone.png"), full_page=True)
        desktop = browser_page(site_url + where(newsroom), viewport=DESKTOP)
        _scroll_through(desktop)
        desktop.screenshot(path=str(screenshot_dir() / f"{name}.png"), full_page=True)


def test_opening_an_article_counts_one_read_without_a_cookie(site_url, newsroom, browser_page):
    story = newsroom["story"]
    page = browser_page(site_url + story.url)
    page.wait_for_load_state("networkidle")
    for _ in range(50):  # the beacon is sent after the page loads, on its own time
        if reads_of([story.pk]):
            break
        page.wait_for_timeout(100)
    assert reads_of([story.pk]) == {story.pk: 1}
    assert page.context.cookies() == []
