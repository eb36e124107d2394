"""One chronological list of everything dated about an incident or a case.

One builder per record: it reads the record and its related rows (a few queries) and returns
events in order. Pages, feeds and tests all use them, so the list a reader sees, the Atom feed
and the tests can never disagree. An incident's timeline also holds what was measured about its
services, which apps above the tracker add (tracker/hooks.py, MEASURED_EVIDENCE).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from wagtail import hooks

from drmonitor.tracker.hooks import MEASURED_EVIDENCE, RECORD_PAGE
from drmonitor.tracker.models import (
    Campaign,
    Hearing,
    Incident,
    LegalCase,
    Order,
    Source,
    Statement,
    StatusChange,
)
from drmonitor.tracker.vocab import HearingResult

# Kinds in the order they are shown when several fall on one day: the block itself first,
# then what the courts did, then what was said about it.
KINDS = {
    "start": "Began",
    "measured": "Measured",
    "filing": "Petition filed",
    "order": "Order",
    "hearing": "Hearing",
    "consolidation": "Heard together",
    "separation": "Separated",
    "status": "Status change",
    "statement": "Statement",
    "campaign": "Campaign",
    "article": "Our reporting",
    "end": "Ended",
}
_RANK = {kind: n for n, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Event:
    date: datetime.date
    kind: str
    title: str
    link: str = ""
    sources: tuple[Source, ...] = ()
    detail: str = ""
    anchor: str = ""
    uid: str = field(default="", compare=False)
    # (label, URL) of what proves a measured event: the measurements at its edges.
    evidence: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def is_upcoming(self) -> bool:
        return self.date > timezone.localdate()


def _sources(obj) -> tuple[Source, ...]:
    """What backs a fact: every source it cites, in the order an editor would read them."""
    return tuple(sorted(obj.sources.all(), key=lambda source: (source.date is None, source.date)))


def _court(case: LegalCase) -> str:
    return case.court.short_name or case.court.name


def _hearing_event(hearing: Hearing, with_case: bool) -> Event:
    result = HearingResult(hearing.result).label if hearing.result else "Hearing"
    title = f"{_court(hearing.case)}: {result}"
    if with_case:
        title += f" ({hearing.case.title})"
    return Event(
        date=hearing.date,
        kind="hearing",
        title=title,
        link=hearing.get_absolute_url(),
        sources=_sources(hearing),
        detail=hearing.what_happened,
        anchor=f"hearing-{hearing.pk}",
        uid=f"hearing-{hearing.pk}",
    )


def _order_event(order: Order) -> Event:
    link = order.document.url if order.document_id else order.get_absolute_url()
    return Event(
        date=order.date,
        kind="order",
        title=order.title,
        link=link,
        sources=_sources(order),
        detail=order.summary,
        anchor=f"order-{order.pk}",
        uid=f"order-{order.pk}",
    )


def _status_event(change: StatusChange) -> Event:
    owner = change.record
    before = f" (was {change.from_status_label})" if change.from_status else ""
    return Event(
        date=change.date,
        kind="status",
        title=f"{owner}: now {change.to_status_label}{before}",
        link=owner.get_absolute_url(),
        sources=(change.source,) if change.source_id else (),
        detail=change.note,
        uid=f"status-{change.pk}",
    )


def _advocacy_event(
    record: Statement | Campaign, kind: str, date: datetime.date, title: str
) -> Event:
    """A statement or a campaign: it links to its page on this site when it has one (see
    tracker/hooks.py), else to its own page elsewhere."""
    return Event(
        date=date,
        kind=kind,
        title=title,
        link=_own_page(record) or record.url,
        sources=_sources(record),
        detail=record.summary,
        uid=f"{kind}-{record.pk}",
    )


def _own_page(record: Statement | Campaign) -> str:
    """The record's public page on this site, as an app above the tracker knows it."""
    for find in hooks.get_hooks(RECORD_PAGE):
        if url := find(record):
            return url
    return ""


def _article_events(articles: Iterable) -> list[Event]:
    seen: set[int] = set()
    events = []
    for article in articles:
        if article.pk in seen or not article.live:
            continue
        seen.add(article.pk)
        events.append(
            Event(
                date=timezone.localdate(article.date_published),
                kind="article",
                title=article.title,
                link=article.url or "",
                detail=article.standfirst,
                uid=f"article-{article.pk}",
            )
        )
    return events


def _rulings(case: LegalCase, with_case: bool) -> list[Event]:
    """The case's hearings and orders."""
    hearings = (
        case.hearings.published()
        .select_related("case__court", "article")
        .prefetch_related("sources")
    )
    events = [_hearing_event(h, with_case) for h in hearings]
    orders = case.orders.published().select_related("case", "incident", "document")
    return events + [_order_event(o) for o in orders.prefetch_related("sources")]


def _incident_orders(incident: Incident) -> list[Event]:
    """The orders of the incident that no case of it issued."""
    orders = incident.orders.published().filter(case__isnull=True)
    orders = orders.select_related("incident", "document").prefetch_related("sources")
    return [_order_event(o) for o in orders]


def _case_events(case: LegalCase, with_case: bool) -> list[Event]:
    """What happened in one case, as seen from its own page or from an incident's."""
    events: list[Event] = []
    suffix = f" ({case.title})" if with_case else ""
    if case.filed_on:
        events.append(
            Event(
                date=case.filed_on,
                kind="filing",
                title=f"{_court(case)}: petition filed{suffix}",
                link=case.get_absolute_url(),
                sources=_sources(case),
                detail=case.subject,
                uid=f"case-{case.pk}-filed",
            )
        )
    events += _rulings(case, with_case)
    for joined in case.consolidations.select_related("with_case").prefetch_related("sources"):
        heard_together = Event(
            date=joined.heard_together_from,
            kind="consolidation",
            title=f"{_court(case)}: heard together with {joined.with_case.title}{suffix}",
            link=joined.with_case.get_absolute_url(),
            sources=_sources(joined),
            detail=joined.note,
            uid=f"consolidation-{joined.pk}",
        )
        separated = f"{_court(case)}: separated from {joined.with_case.title}{suffix}"
        events += _span(
            heard_together, joined.separated_on, "separation", separated, f"separation-{joined.pk}"
        )
    events += [_status_event(c) for c in case.status_changes.all()]
    return events


def _reported_in(case: LegalCase) -> list:
    """The articles that report the case's published hearings."""
    hearings = case.hearings.published().exclude(article=None).select_related("article")
    return [hearing.article for hearing in hearings]


def _sorted(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date, _RANK[e.kind], e.title))


def _span(
    start: Event,
    end: datetime.date | None,
    kind: str,
    title: str,
    uid: str,
    sources: tuple[Source, ...] | None = None,
) -> list[Event]:
    """Something that lasts: the event that began it and, once it is over, its end, which links
    where the start does and cites `sources` (by default the start's: one report often gives
    both dates)."""
    if end is None:
        return [start]
    cited = start.sources if sources is None else sources
    return [start, Event(date=end, kind=kind, title=title, link=start.link, sources=cited, uid=uid)]


def _dated_sources(incident: Incident, day: datetime.date | None) -> tuple[Source, ...]:
    """The sources of the status changes logged on `day`, which say the incident began or
    ended then; the incident's own sources when none was logged."""
    if day is None:
        return ()
    changes = [c for c in incident.status_changes.all() if c.date == day and c.source_id]
    return tuple(c.source for c in changes) or _sources(incident)


# A record's status changes with their sources, read once however often a timeline asks.
_WITH_CHANGES = (
    Prefetch("status_changes", queryset=StatusChange.objects.select_related("source")),
    "sources",
)


def _bounds(incident: Incident, detail: str = "") -> list[Event]:
    """The incident's start and, once it has one, its end, each with what dates it."""
    label = incident.get_kind_display()
    start = Event(
        date=incident.start_date,
        kind="start",
        title=f"{label} begins: {incident.title}",
        link=incident.get_absolute_url(),
        sources=_dated_sources(incident, incident.start_date),
        detail=detail,
        uid=f"incident-{incident.pk}-start",
    )
    ends = f"{label} ends: {incident.title}"
    uid = f"incident-{incident.pk}-end"
    ended = _dated_sources(incident, incident.end_date)
    return _span(start, incident.end_date, "end", ends, uid, sources=ended)


def incident_timeline(incident: Incident) -> list[Event]:
    """The block from start to end with its orders, court cases, statements, campaigns,
    reporting and what was measured, in date order."""
    prefetch_related_objects([incident], *_WITH_CHANGES)
    events = _bounds(incident, detail=incident.areas)
    events += _incident_orders(incident)
    cases = (
        incident.cases.published()
        .select_related("court")
        .prefetch_related("articles", *_WITH_CHANGES)
    )
    articles = list(incident.articles.all())
    for case in cases:
        events += _case_events(case, with_case=True)
        articles += list(case.articles.all())
        articles += _reported_in(case)
    for statement in incident.statements.prefetch_related("sources"):
        events.append(_advocacy_event(statement, "statement", statement.date, statement.title))
    for campaign in incident.campaigns.exclude(start_date=None).prefetch_related("sources"):
        launched = f"{campaign.name} launched {' '.join(campaign.hashtag_list())}".strip()
        events.append(_advocacy_event(campaign, "campaign", campaign.start_date, launched))
    events += [_status_event(c) for c in incident.status_changes.all()]
    events += _article_events(articles)
    for measured in hooks.get_hooks(MEASURED_EVIDENCE):
        events += measured(incident)
    return _sorted(events)


def incident_rulings(incident: Incident) -> list[Event]:
    """Only the incident's orders and its cases' hearings and orders, in date order, as its
    timeline gives them: what a chart of its measurements marks on its time axis, without
    reading the rest (the measured entries would read the measurement store again)."""
    events = _incident_orders(incident)
    for case in incident.cases.published().select_related("court"):
        events += _rulings(case, with_case=True)
    return _sorted(events)


def case_timeline(case: LegalCase) -> list[Event]:
    """The case from filing to decision, with the incidents it challenges for context."""
    prefetch_related_objects([case], *_WITH_CHANGES)
    events = _case_events(case, with_case=False)
    for incident in case.incidents.published().prefetch_related(*_WITH_CHANGES):
        events += _bounds(incident)
    articles = list(case.articles.all())
    articles += _reported_in(case)
    events += _article_events(articles)
    return _sorted(events)


@dataclass(frozen=True)
class Mark:
    """An event placed on the visual timeline, `percent` of the way from first to last date."""

    event: Event
    percent: float
    number: int


@dataclass(frozen=True)
class Axis:
    marks: list[Mark]
    years: list[tuple[int, float]]
    first: datetime.date | None
    last: datetime.date | None


def axis(events: list[Event]) -> Axis:
    """Positions for the drawn timeline; the list beside it stays the accessible version."""
    if not events:
        return Axis([], [], None, None)
    first, last = events[0].date, events[-1].date
    span = max((last - first).days, 1)

    def at(day: datetime.date) -> float:
        return round(100 * (day - first).days / span, 2)

    marks = [Mark(e, at(e.date), n) for n, e in enumerate(events, start=1)]
    years = [(year, at(datetime.date(year, 1, 1))) for year in range(first.year + 1, last.year + 1)]
    return Axis(marks, years, first, last)
