"""Pages over a whole story: the X-ban incident, its cases, feeds, services and actors."""

from __future__ import annotations

import datetime
import re

import feedparser
from django.template.loader import render_to_string
from django.utils import timezone

from drmonitor.tracker.models import Hearing
from drmonitor.tracker.tests.helpers import publish_article


def titles(response) -> list[str]:
    return re.findall(r'record-list__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_case_filters(client, x_ban_records):
    everything = client.get("/cases/")
    assert "Ehtisham Abbasi v. Federation of Pakistan (X ban)" in titles(everything)
    only_ihc = titles(client.get(f"/cases/?court={x_ban_records.ihc.court_id}"))
    assert only_ihc == ["Ehtisham Abbasi v. Federation of Pakistan (X ban)"]
    disposed = titles(client.get("/cases/?status=disposed_of"))
    assert disposed == [
        "Hafiz Shakir Mahmood, Judicial Activism Panel and others v. Federation of Pakistan (X ban)"
    ]


def test_incident_page_shows_how_long_an_ended_block_lasted(client, x_ban):
    response = client.get(x_ban.get_absolute_url())
    assert response.status_code == 200
    days = (datetime.date(2025, 5, 7) - datetime.date(2024, 2, 17)).days
    assert f"Lasted <strong data-days>{days} days</strong>" in response.text
    assert "data-day-counter" not in response.text
    assert response["X-Page-Cache"] == "miss"  # kept for the next reader (tracker/views.py)
    assert "Sign in</a> to follow" in response.text


def test_service_and_actor_pages(client, x_ban):
    assert "X blocked in Pakistan" in client.get("/services/x/").text
    page = client.get("/actors/ministry-of-interior/").text
    assert "X blocked in Pakistan" in page
    assert "Nauman Muhib Kakakhel v. Ministry of Interior" in page


def test_atom_feed_of_the_x_ban_parses(client, x_ban):
    response = client.get(f"{x_ban.get_absolute_url()}feed/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith("X blocked in Pakistan")
    # Newest first: the LHC disposing of the petitions, back to the first day of the block.
    assert feed.entries[0].title.startswith("24 November 2025")
    assert feed.entries[-1].title.startswith("17 February 2024")
    assert any(e.title.startswith("7 May 2025 · Ended: ") for e in feed.entries)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_court_update_story_and_its_hearing_link_each_other(client, x_ban_records):
    story = publish_article(
        "SHC hears the X ban petitions",
        date_published=timezone.make_aware(datetime.datetime(2024, 3, 20, 17, 0)),
    )
    hearing = Hearing.objects.get(case=x_ban_records.shc, date="2024-03-20")
    hearing.article = story
    hearing.save()
    x_ban_records.incident.articles.add(story)
    x_ban_records.incident.save()

    case_page = client.get(hearing.case.get_absolute_url()).text
    assert f'<a href="{story.url}">Our report</a>' in case_page
    aside = render_to_string("tracker/includes/article_records.html", {"article": story})
    assert "SHC hearing of 20 March 2024" in aside
    assert "X blocked in Pakistan" in aside
