"""The main menu is the section tree, as editors arrange it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from drmonitor.newsroom.models import SectionPage
from drmonitor.newsroom.sections import SECTION_TREE


def menu_tree(html: bytes) -> list:
    """(title, children) pairs read back from the rendered main menu."""
    nav = BeautifulSoup(html, "html.parser").select_one("nav[aria-label=Main] #main-menu")

    def branch(items) -> list:
        tree = []
        for item in items:
            link = item.find("a", recursive=False)
            sub = item.find("ul", recursive=False)
            children = branch(sub.find_all("li", recursive=False)) if sub else []
            tree.append((link.get_text(strip=True), children))
        return tree

    return branch(nav.find_all("li", recursive=False))


def test_menu_equals_the_section_tree(client, home):
    response = client.get("/")
    assert menu_tree(response.content) == SECTION_TREE


def test_menu_links_lead_to_the_sections(client, home):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in page.select("#main-menu a")}
    assert links["#PrivacyHumSabKe"] == "/drm-exclusive/campaigns/privacyhumsabke/"
    assert links["OP-EDs"] == "/in-media/op-eds/"
    for href in links.values():
        assert client.get(href).status_code == 200


def test_menu_marks_where_the_reader_is(client, home):
    page = BeautifulSoup(client.get("/in-media/news/").content, "html.parser")
    current = page.select_one("#main-menu [aria-current=page]")
    assert current["href"] == "/in-media/news/"
    assert page.select_one("#main-menu .is-ancestor > a").get_text(strip=True) == "In Media"


@pytest.mark.parametrize("change", ["hide", "unpublish", "move", "rename"])
def test_editors_changes_show_in_the_menu_at_once(client, home, change, committed):
    client.get("/")  # the menu is built and cached
    editorial = SectionPage.objects.get(slug="editorial")
    resources = SectionPage.objects.get(slug="resources")
    with committed():
        if change == "hide":
            editorial.show_in_menus = False
            editorial.save_revision().publish()
        elif change == "unpublish":
            editorial.unpublish()
        elif change == "move":
            editorial.move(resources, pos="last-child")
        else:
            editorial.title = "Charts"
            editorial.save_revision().publish()
    tree = dict(menu_tree(client.get("/").content))
    if change == "move":
        assert "Editorial" not in tree
        assert ("Editorial", []) in tree["Resources"]
    elif change == "rename":
        assert "Charts" in tree and "Editorial" not in tree
    else:
        assert "Editorial" not in tree


def test_menu_costs_the_same_few_queries_however_big_the_tree(home):
    from django.core.cache import cache
    from django.db import connection
    from django.template import Context, Template
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from drmonitor.newsroom.factories import SectionPageFactory

    template = Template("{% load navigation_tags %}{% main_menu as menu %}{{ menu|length }}")

    def queries_to_build(expected_length: str) -> int:
        cache.clear()  # measure building the menu, not reading it back
        with CaptureQueriesContext(connection) as queries:
            request = RequestFactory().get("/")
            assert template.render(Context({"request": request})) == expected_length
        return len(queries)

    before = queries_to_build("8")
    resources = SectionPage.objects.get(slug="resources")
    for n in range(6):
        SectionPageFactory(parent=resources, title=f"Extra {n}")
    SectionPageFactory(parent=home, title="Podcasts")
    assert queries_to_build("9") == before <= 4
