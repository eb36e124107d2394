"""The download links the incident list shows lead to the selected incidents."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_links_carry_the_list_filters_and_work(client, demo):
    html = render_to_string("tracker/includes/downloads.html", {"query": "service=x&status=Ended"})
    links = [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', html)]
    assert links[0] == "/api/incidents.csv?service=x&status=Ended"
    rows = list(csv.DictReader(io.StringIO(client.get(links[0]).content.decode())))
    assert rows and all(r["twitter_affected"] == "Yes" for r in rows)
    data = client.get(links[1]).json()
    assert {r["slug"] for r in data["results"]} == {r["drm_slug"] for r in rows}
    assert client.get(links[2]).status_code == 200
    plain = render_to_string("tracker/includes/downloads.html", {"query": ""})
    assert 'href="/api/incidents.csv"' in plain and "all incidents" in plain
