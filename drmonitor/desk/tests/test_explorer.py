"""The Pages menu opens at the site's home page, where the sections are, not at "Root"."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def nodes(value):
    """Every object in a JSON document."""
    if isinstance(value, dict):
        yield value
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from nodes(item)


def pages_menu(client, user) -> tuple[dict, int]:
    """The Pages item of the admin's sidebar, as the sidebar script receives it: its
    attributes and the id of the page it opens at."""
    client.force_login(user)
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).text, "html.parser")
    props = json.loads(soup.select_one("#wagtail-sidebar-props").string)
    explorer = next(
        node for node in nodes(props) if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem"
    )
    attributes, start_page_id = explorer["_args"]
    return attributes, start_page_id


@pytest.mark.parametrize("role", ["reporter", "editor", "admin"])
def test_the_pages_menu_starts_at_home(client, home, role, request):
    user = request.getfixturevalue(role)
    attributes, start_page_id = pages_menu(client, user)
    assert start_page_id == home.pk  # not the tree's root, above it
    assert attributes["url"] == reverse("wagtailadmin_explore", args=(home.pk,))
