"""The tracker's Atom feeds and calendars are valid by their RFCs (checked strictly by
drmonitor.testing.feed_rules, not only read by a tolerant parser), and its pages are in the
sitemap."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

from drmonitor.testing.feed_rules import atom_problems, icalendar_problems
from drmonitor.testing.validators import icalendar_rule_errors, jing_atom_errors
from drmonitor.tracker.models import Hearing, Source


def test_timeline_feeds_are_valid_atom_with_updated_and_author(client, x_ban_records):
    for record in (x_ban_records.incident, x_ban_records.shc):
        response = client.get(f"{record.get_absolute_url()}feed/")
        assert response.status_code == 200
        assert atom_problems(response.content) == []
        assert jing_atom_errors(response.content) == []
        assert b"<updated>" in response.content and b"<author>" in response.content


def test_calendars_are_valid_with_or_without_hearings_to_come(client, x_ban_records):
    quiet = x_ban_records.ihc.get_absolute_url()
    nothing_upcoming = client.get(f"{quiet}hearings.ics")
    assert b"BEGIN:VEVENT" not in nothing_upcoming.content
    assert icalendar_problems(nothing_upcoming.content) == []
    assert icalendar_rule_errors(nothing_upcoming.content) == []

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
    assert icalendar_rule_errors(upcoming.content) == []
    every = client.get("/hearings/upcoming.ics").content
    assert icalendar_problems(every) == [] and icalendar_rule_errors(every) == []


def test_the_strict_validators_refuse_a_broken_feed_and_a_broken_calendar(client, x_ban_records):
    feed = client.get(f"{x_ban_records.incident.get_absolute_url()}feed/").content
    assert atom_problems(feed) == [] and jing_atom_errors(feed) == []
    # A second title in the first entry, a date without its time zone, an unknown element.
    head, _, entries = feed.partition(b"<entry>")
    broken = head + b"<entry><title>Again</title><rank>1</rank>" + entries
    broken = re.sub(rb"(Z|[+-]\d\d:\d\d)</updated>", b"</updated>", broken)
    errors = jing_atom_errors(broken)
    assert any('element "title" not allowed here' in e for e in errors), errors
    assert any('element "rank" not allowed here' in e for e in errors), errors
    assert any('"updated" invalid' in e for e in errors), errors

    calendar = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//DRM//Hearings//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:hearing-1@drm\r\nDTSTART;VALUE=DATE:20250301\r\nDTSTART;VALUE=DATE:20250302\r\n"
        b"DTEND;VALUE=DATE:20250303\r\nDURATION:P1D\r\nSUMMARY:Hearing\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    assert icalendar_rule_errors(calendar) == [
        "VEVENT: no DTSTAMP",
        "VEVENT: DTSTART more than once",
        "VEVENT: DTEND and DURATION together",
    ]
    empty = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n"
    assert icalendar_rule_errors(empty) == [
        "VCALENDAR: Calendar must contain at least one component (event, todo, etc.)"
    ]


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
