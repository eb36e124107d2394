"""The X-ban timeline: every dated event, in date order, from the block to the restoration."""

from __future__ import annotations

import datetime

from django.utils import timezone

from drmonitor.tracker.factories import BLOCKING_LETTER
from drmonitor.tracker.models import Hearing
from drmonitor.tracker.tests.helpers import publish_article
from drmonitor.tracker.timeline import axis, case_timeline, incident_timeline


def test_x_ban_timeline_is_in_date_order_with_every_kind(x_ban):
    reported = timezone.make_aware(datetime.datetime(2024, 3, 20, 18, 0))
    article = publish_article("SHC hears X ban petitions", date_published=reported)
    hearing = Hearing.objects.get(case__slug="shc-jibran-nasir-x-ban", date="2024-03-20")
    hearing.article = article
    hearing.save()

    events = incident_timeline(x_ban)
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    kinds = {e.kind for e in events}
    for kind in ("start", "end", "order", "hearing", "statement", "campaign", "status", "article"):
        assert kind in kinds, kind
    assert events[0].kind == "start" and events[0].date == datetime.date(2024, 2, 17)
    restoration = [e for e in events if e.kind == "end"]
    assert restoration[0].date == datetime.date(2025, 5, 7)
    # Hearings of all four high courts appear on the incident's timeline.
    titles = " ".join(e.title for e in events if e.kind == "hearing")
    for court in ("SHC", "IHC", "LHC", "PHC"):
        assert f"{court}:" in titles
    # The ministry's letter is there on the first day, with its source.
    letter = next(e for e in events if e.kind == "order" and "letter" in e.title)
    assert letter.date == datetime.date(2024, 2, 17)
    assert [s.url for s in letter.sources] == [BLOCKING_LETTER]
    # The story that reports a hearing is on the timeline as our reporting.
    assert any(e.kind == "article" and e.title == article.title for e in events)


def test_case_timeline_has_filing_consolidation_and_separation(x_ban):
    shc = x_ban.cases.get(slug="shc-jibran-nasir-x-ban")
    kinds = [e.kind for e in case_timeline(shc)]
    assert {"hearing", "order", "consolidation", "separation", "status"} <= set(kinds)
    ihc = x_ban.cases.get(slug="ihc-ehtisham-abbasi-x-ban")
    events = case_timeline(ihc)
    assert events[1].kind == "filing" and events[1].date == datetime.date(2024, 3, 4)


def test_axis_places_first_and_last_at_the_ends(x_ban):
    ax = axis(incident_timeline(x_ban))
    assert ax.marks[0].percent == 0 and ax.marks[-1].percent == 100
    assert [year for year, _ in ax.years] == [2025]
