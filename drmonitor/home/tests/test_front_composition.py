"""The front page as editors arrange it: the lead package they choose, then Latest, Most read,
their curated rows and a row per section, each story once at the top of the page."""

from __future__ import annotations

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from drmonitor.home.models import HomePage, LeadStory
from drmonitor.newsroom.factories import ArticlePageFactory, ImageFactory
from drmonitor.newsroom.models import SectionPage
from drmonitor.readership.counting import record_read


def _stories(home, count: int) -> list:
    news = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    now = timezone.now()
    return [
        ArticlePageFactory(
            parent=news,
            title=f"Story {number}",
            date_published=now - timedelta(hours=number),
            featured_image=ImageFactory(),
        )
        for number in range(count)
    ]


def _front(client) -> BeautifulSoup:
    return BeautifulSoup(client.get("/").content, "html.parser")


def _titles(soup, selector: str) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(selector)]


def _publish(home: HomePage) -> None:
    home.save_revision().publish()


def test_editors_choose_and_order_the_lead_package(client, home):
    stories = _stories(home, 14)
    home = HomePage.objects.get(pk=home.pk)
    home.lead_stories = [LeadStory(article=stories[9]), LeadStory(article=stories[4])]
    _publish(home)

    soup = _front(client)
    assert _titles(soup, ".teaser--lead .teaser__title a") == ["Story 9"]
    # The editors' second pick, then the newest stories fill the package's places.
    secondary = _titles(soup, ".package-grid .teaser__title a")
    assert secondary == ["Story 4", "Story 0", "Story 1", "Story 2"]
    assert _titles(soup, ".latest-list .teaser__title a")[:2] == ["Story 3", "Story 5"]


def test_without_a_choice_the_newest_story_leads(client, home):
    _stories(home, 3)
    soup = _front(client)
    assert _titles(soup, ".teaser--lead .teaser__title a") == ["Story 0"]


def test_no_story_is_shown_twice_in_the_top_of_the_page(client, home):
    stories = _stories(home, 20)
    for story in stories[:3] * 3 + stories[12:]:  # the three newest are also read most
        record_read(story.pk)
    soup = _front(client)
    top = _titles(soup, ".front-top .teaser__title a, .front-top .rank__title")
    assert len(top) == len(set(top)) == 5 + 6 + 5
    # Most read leaves out what the lead package shows and goes on down the ranking.
    most_read = _titles(soup, ".most-read__list .rank__title")
    assert most_read == ["Story 19", "Story 18", "Story 17", "Story 16", "Story 15"]


def test_most_read_lists_the_stories_read_most(client, home):
    stories = _stories(home, 16)
    for reads, story in [(5, stories[15]), (3, stories[14]), (1, stories[13])]:
        for _ in range(reads):
            record_read(story.pk)
    soup = _front(client)
    assert _titles(soup, ".most-read__list .rank__title") == ["Story 15", "Story 14", "Story 13"]


def test_a_curated_row_shows_the_editors_picks_under_their_heading(client, home):
    stories = _stories(home, 14)
    home = HomePage.objects.get(pk=home.pk)
    home.curated = [("row", {"heading": "Explainers", "articles": [stories[13], stories[12]]})]
    _publish(home)
    soup = _front(client)
    row = soup.select_one(".section-block--curated")
    assert row.h2.get_text(strip=True) == "Explainers"
    assert _titles(row, ".teaser__title a") == ["Story 13", "Story 12"]


def test_a_section_row_takes_back_stories_shown_above_rather_than_leave_a_hole(client, home):
    _stories(home, 3)  # all three are in the lead package
    soup = _front(client)
    exclusive = SectionPage.objects.get(slug="drm-exclusive")
    row = soup.select_one(f"#section-{exclusive.pk}").parent
    assert len(row.select(".teaser")) == 3
    assert "teaser-grid--n3" in row.select_one(".teaser-grid")["class"]
