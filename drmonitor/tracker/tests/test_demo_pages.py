"""Pages over the demo: the X-ban incident, its cases, feeds, services and actors."""

from __future__ import annotations

import re

import feedparser


def titles(response) -> list[str]:
    return re.findall(r'record-list__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_case_filters(client, x_ban):
    everything = client.get("/cases/")
    assert "Ehtisham Abbasi v. Federation of Pakistan (X ban)" in titles(everything)
    ihc = x_ban.cases.get(slug="ihc-ehtisham-abbasi-x-ban").court
    only_ihc = titles(client.get(f"/cases/?court={ihc.pk}"))
    assert only_ihc == ["Ehtisham Abbasi v. Federation of Pakistan (X ban)"]
    disposed = titles(client.get("/cases/?status=disposed_of"))
    assert disposed == [
        "Hafiz Shakir Mahmood, Judicial Activism Panel and others v. Federation of Pakistan (X ban)"
    ]


def test_incident_page_shows_how_long_an_ended_block_lasted(client, x_ban):
    response = client.get(x_ban.get_absolute_url())
    assert response.status_code == 200
    assert "Lasted <strong data-days>445 days</strong>" in response.text
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
    assert feed.entries[0].title.startswith("24 Nov 2025")
    assert feed.entries[-1].title.startswith("17 Feb 2024")
    assert any(e.title.startswith("07 May 2025 · Ended: ") for e in feed.entries)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_court_update_story_and_its_hearing_link_each_other(client, x_ban):
    import datetime

    from django.template.loader import render_to_string
    from django.utils import timezone

    from drmonitor.tracker import demo
    from drmonitor.tracker.models import Hearing
    from drmonitor.tracker.tests.helpers import publish_article

    source = "https://www.brecorder.com/news/40297136/closure-of-x-ihc-summons-interior-secy"
    story = publish_article(
        "IHC summons the Interior Secretary",
        cites=source,
        date_published=timezone.make_aware(datetime.datetime(2024, 4, 3, 17, 0)),
    )
    demo.link_articles()
    hearing = Hearing.objects.get(case__slug="ihc-ehtisham-abbasi-x-ban", date="2024-04-03")
    assert hearing.article == story

    case_page = client.get(hearing.case.get_absolute_url()).text
    assert f'<a href="{story.url}">Our report</a>' in case_page
    aside = render_to_string("tracker/includes/article_records.html", {"article": story})
    assert "IHC hearing of 3 April 2024" in aside
    assert "X blocked in Pakistan" in aside
