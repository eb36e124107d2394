"""Strict checks of Atom (RFC 4287) and iCalendar (RFC 5545) documents for the tests.

feedparser and icalendar read almost anything; these list what the RFCs require and a tolerant
reader forgives: each returns the problems found, so a test asserts the list is empty and a
failure says what is wrong.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

import icalendar
from defusedxml.ElementTree import fromstring

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as RFC 4287 section 3.3 requires (a time zone, "T", seconds).
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _date_problems(element: ET.Element | None, where: str) -> list[str]:
    if element is None:
        return [f"{where}: no <updated>"]
    if not RFC3339.match((element.text or "").strip()):
        return [f"{where}: <{element.tag[len(ATOM) :]}> {element.text!r} is not RFC 3339"]
    return []


def _has_author(element: ET.Element) -> bool:
    author = element.find(f"{ATOM}author")
    return author is not None and bool((author.findtext(f"{ATOM}name") or "").strip())


def atom_problems(document: bytes) -> list[str]:
    """RFC 4287 section 4.1: the feed's and every entry's required elements."""
    try:
        feed = fromstring(document)
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if feed.tag != f"{ATOM}feed":
        return [f"the root is {feed.tag}, not an Atom feed"]
    problems = []
    for name in ("id", "title"):
        if not (feed.findtext(f"{ATOM}{name}") or "").strip():
            problems.append(f"feed: no <{name}>")
    problems += _date_problems(feed.find(f"{ATOM}updated"), "feed")
    feed_author = _has_author(feed)
    ids = set()
    for n, entry in enumerate(feed.findall(f"{ATOM}entry"), 1):
        where = f"entry {n}"
        for name in ("id", "title"):
            if not (entry.findtext(f"{ATOM}{name}") or "").strip():
                problems.append(f"{where}: no <{name}>")
        entry_id = entry.findtext(f"{ATOM}id")
        if entry_id in ids:
            problems.append(f"{where}: <id> {entry_id} repeats")
        ids.add(entry_id)
        problems += _date_problems(entry.find(f"{ATOM}updated"), where)
        published = entry.find(f"{ATOM}published")
        if published is not None:
            problems += _date_problems(published, where)
        if not feed_author and not _has_author(entry):
            problems.append(f"{where}: no <author> and the feed has none")
        alternate = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if entry.find(f"{ATOM}content") is None and not alternate:
            problems.append(f"{where}: neither <content> nor an alternate <link>")
    return problems


def icalendar_problems(document: bytes) -> list[str]:
    """RFC 5545 section 3.6 and 3.6.1: a VCALENDAR with PRODID, VERSION 2.0 and at least one
    component; every VEVENT with UID, DTSTAMP and DTSTART, ending after it starts; lines of at
    most 75 octets, CRLF-terminated."""
    problems = []
    lines = document.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the last line does not end with CRLF")
    problems += [
        f"line {n} is {len(line)} octets" for n, line in enumerate(lines, 1) if len(line) > 75
    ]
    if any(b"\n" in line for line in lines):
        problems.append("a line ends with LF alone")
    try:
        calendar = icalendar.Calendar.from_ical(document)
    except ValueError as error:
        return [*problems, f"unreadable: {error}"]
    if calendar.name != "VCALENDAR":
        return [*problems, f"the object is {calendar.name}, not VCALENDAR"]
    if not str(calendar.get("prodid", "")).strip():
        problems.append("no PRODID")
    if str(calendar.get("version", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not calendar.subcomponents:
        problems.append("no component: an empty VCALENDAR")
    for n, event in enumerate(calendar.walk("VEVENT"), 1):
        for name in ("uid", "dtstamp", "dtstart"):
            if name not in event:
                problems.append(f"event {n}: no {name.upper()}")
        start, end = event.get("dtstart"), event.get("dtend")
        if start is not None and end is not None and not end.dt > start.dt:
            problems.append(f"event {n}: DTEND is not after DTSTART")
        stamp = event.get("dtstamp")
        if stamp is not None and not (
            isinstance(stamp.dt, datetime.datetime)
            and stamp.dt.utcoffset() == datetime.timedelta(0)
        ):
            problems.append(f"event {n}: DTSTAMP is not a UTC date-time")
    return problems
