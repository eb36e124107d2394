"""The tracker's Atom feeds and calendars are valid by their RFCs (checked strictly by
drmonitor.testing.feed_rules, not only read by a tolerant parser), and its pages are in the
sitemap."""

from __future__ import annotations

import datetime

from django.utils import timezone

from drmonitor.testing.feed_rules import atom_problems, icalendar_problems
from drmonitor.tracker.models import Hearing, Source


def test_timeline_feeds_are_valid_atom_with_updated_and_author(client, x_ban_records):
    for record in (x_ban_records.incident, x_ban_records.shc):
        response = client.get(f"{record.get_absolute_url()}feed/")
        assert response.status_code == 200
        assert atom_problems(response.content) == []
        assert b"<updated>" in response.content and b"<author>" in response.content


def test_calendars_are_valid_with_or_without_hearings_to_come(client, x_ban_records):
    quiet = x_ban_records.ihc.get_absolute_url()
    nothing_upcoming = client.get(f"{quiet}hearings.ics")
    assert b"BEGIN:VEVENT" not in nothing_upcoming.content
    assert icalendar_problems(nothing_upcoming.content) == []

    case = x_ban_records.shc
    hearing = Hearing.objects.create(
        case=case,
        date=timezone.localdate() + datetime.timedelta(days=10),
        what_happened="Fixed for arguments on the bench's jurisdiction; " * 4,
    )
    hearing.sources.add(Source.objects.first())
    upcoming = client.get(f"{case.get_absolute_url()}hearings.ics")
    assert upcoming.content.count(b"BEGIN:VEVENT") == 1
    assert icalendar_problems(upcoming.content) == []
    assert icalendar_problems(client.get("/hearings/upcoming.ics").content) == []


def test_empty_vcalendar_is_caught_by_the_rules():
    empty = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n"
    assert icalendar_problems(empty) == ["no component: an empty VCALENDAR"]


def test_incident_and_case_pages_are_in_the_sitemap(client, x_ban_records):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert x_ban_records.incident.get_absolute_url() in sitemap
    assert x_ban_records.shc.get_absolute_url() in sitemap
    assert "/hearings/upcoming/" in sitemap


def test_a_record_is_cited_in_bibtex_and_csl_json(client, x_ban_records):
    case = x_ban_records.shc
    page = client.get(case.get_absolute_url()).text
    assert f'href="{case.get_absolute_url()}cite.bib"' in page
    bib = client.get(f"{case.get_absolute_url()}cite.bib")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    text = bib.content.decode()
    assert text.startswith(f"@misc{{drm-{case.slug},")
    assert f"url = {{http://testserver{case.get_absolute_url()}}}," in text
    assert text.count("{") == text.count("}")
    (item,) = client.get(f"{case.get_absolute_url()}cite.json").json()
    assert item["type"] == "dataset" and item["title"] == case.title
    assert item["URL"] == f"http://testserver{case.get_absolute_url()}"
    version = timezone.localdate(case.updated_at)
    assert item["issued"]["date-parts"] == [[version.year, version.month, version.day]]
    assert client.get(f"{x_ban_records.incident.get_absolute_url()}cite.json").status_code == 200
