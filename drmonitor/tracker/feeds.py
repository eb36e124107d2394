"""Atom feeds of a record's timeline, and iCalendar feeds of hearings still to come."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks

from drmonitor.tracker.models import Hearing, Incident, LegalCase
from drmonitor.tracker.timeline import Event, case_timeline, incident_timeline
from drmonitor.tracker.views import records_page


class _TimelineFeed(Feed):
    feed_type = Atom1Feed
    record_model: type
    timeline = staticmethod(incident_timeline)

    def get_object(self, request, slug):
        return get_object_or_404(self.record_model.objects.published(), slug=slug)

    def title(self, obj) -> str:
        return f"{obj.title}: timeline | Digital Rights Monitor"

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj) -> str:
        return f"Every dated event about {obj.title}, newest first."

    def items(self, obj) -> list[Event]:
        # Newest first, and nothing from the future: a feed announces what has happened.
        today = timezone.localdate()
        return [e for e in reversed(self.timeline(obj)) if e.date <= today]

    def item_title(self, item: Event) -> str:
        return f"{item.date.day} {item.date:%B %Y} · {item.kind_label}: {item.title}"

    def item_description(self, item: Event) -> str:
        parts = [item.detail]
        parts += [f"Source: {source.title or source.url} {source.url}" for source in item.sources]
        # Feed readers take a description as HTML; the record's text is plain.
        return linebreaks("\n\n".join(p for p in parts if p), autoescape=True)

    def item_link(self, item: Event) -> str:
        return item.link or self._obj_url

    def item_guid(self, item: Event) -> str:
        return f"{self._obj_url}#{item.uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Event) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    # RFC 4287: every entry has <updated> and an <author> (its own or the feed's).
    item_updateddate = item_pubdate
    author_name = item_author_name = "Digital Rights Monitor"

    def get_feed(self, obj, request):
        self._obj_url = request.build_absolute_uri(obj.get_absolute_url())
        return super().get_feed(obj, request)

    def __call__(self, request, *args, **kwargs):
        return records_page(super().__call__)(request, *args, **kwargs)


class IncidentTimelineFeed(_TimelineFeed):
    record_model = Incident
    timeline = staticmethod(incident_timeline)


class CaseTimelineFeed(_TimelineFeed):
    record_model = LegalCase
    timeline = staticmethod(case_timeline)


def _calendar(request, name: str, hearings) -> HttpResponse:
    """The hearings as iCalendar. RFC 5545 wants at least one component in a VCALENDAR: the
    courts' time zone is always there, so a calendar with nothing upcoming is still valid."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Digital Rights Monitor//Hearings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add_component(icalendar.Timezone.from_tzinfo(ZoneInfo(settings.TIME_ZONE)))
    stamp = timezone.now()
    host = request.get_host().split(":")[0] or "drmonitor"
    for hearing in hearings:
        event = icalendar.Event()
        event.add("uid", f"hearing-{hearing.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", hearing.date)
        event.add("dtend", hearing.date + datetime.timedelta(days=1))
        court = hearing.case.court
        event.add("summary", f"{court.short_name or court.name}: {hearing.case.title}")
        details = [
            hearing.what_happened,
            f"Summoned: {hearing.summoned}" if hearing.summoned else "",
        ]
        event.add("description", "\n".join(d for d in details if d))
        event.add("location", court.name + (f", {court.seat}" if court.seat else ""))
        event.add("url", request.build_absolute_uri(hearing.get_absolute_url()))
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hearings.ics"'
    return response


@records_page
def upcoming_calendar(request):
    return _calendar(request, "Upcoming hearings | DRM", Hearing.objects.upcoming())


@records_page
def case_calendar(request, slug):
    case = get_object_or_404(LegalCase.objects.published(), slug=slug)
    hearings = Hearing.objects.upcoming().filter(case=case)
    return _calendar(request, f"{case.title}: hearings", hearings)


@records_page
def incident_calendar(request, slug):
    incident = get_object_or_404(Incident.objects.published(), slug=slug)
    hearings = Hearing.objects.upcoming().filter(case__incidents=incident).distinct()
    return _calendar(request, f"{incident.title}: hearings", hearings)


__all__ = [
    "CaseTimelineFeed",
    "IncidentTimelineFeed",
    "case_calendar",
    "incident_calendar",
    "upcoming_calendar",
]
