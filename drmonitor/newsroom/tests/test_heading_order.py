"""Screen-reader users move through a page by its headings: listings never skip a level."""

import pytest
from bs4 import BeautifulSoup

from drmonitor.newsroom.tests.discovery_support import publish, section

pytestmark = pytest.mark.django_db


def skipped_levels(html: str) -> list[str]:
    """Each heading that comes more than one level below the heading before it."""
    skips, previous = [], 0
    for heading in BeautifulSoup(html, "html.parser").select("main h1, main h2, main h3, main h4"):
        level = int(heading.name[1])
        if level > previous + 1:
            skips.append(f"h{previous} then {heading.name}: {heading.get_text(strip=True)}")
        previous = level
    return skips


def test_a_section_and_a_tag_listing_go_from_h1_to_h2_to_h3(client, home):
    news = section(home, "drm-exclusive", "news")
    article = publish(news, "PTA restores X after fifteen months", tags=["x"])
    for url in (news.url, "/tag/x/"):
        response = client.get(url)
        assert article.title in response.content.decode()
        assert skipped_levels(response.content.decode()) == [], url
