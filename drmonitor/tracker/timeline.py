"""One chronological list of everything dated about an incident or a case.

One builder per record: it reads the record and its related rows (a few queries) and returns
events in order. Pages, feeds and tests all use them, so the list a reader sees, the Atom feed
and the tests can never disagree.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail import hooks

from drmonitor.tracker.hooks import RECORD_PAGE
from drmonitor.tracker.models import (
    Campaign,
    Hearing,
    Incident,
    LegalCase,
    Order,
    Statement,
    StatusChange,
)
from drmonitor.tracker.vocab import HearingResult

# Kinds in the order they are shown when several fall on one day: the block itself first,
# then what the courts did, then what was said about it.
KINDS = {
    "start": "Began",
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
    source: str = ""
    detail: str = ""
    anchor: str = ""
    uid: str = field(default="", compare=False)

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def is_upcoming(self) -> bool:
        return self.date > timezone.localdate()


def _first_source(obj) -> str:
    source = next(iter(obj.sources.all()), None)
    return source.url if source else ""


def _court(case: LegalCase) -> str:
    return case.court.short_name or case.court.name


def _hearing_event(hearing: Hearing, with_case: bool) -> Event:
    result = HearingResult(hearing.result).label if hearing.result else "Hearing"
    title = f"{_court(hearing.case)}: {result}"
    if with_case:
        title += f" ({hearing.case.title})"
    source = _first_source(hearing)
    if not source and hearing.article_id and hearing.article.live:
        source = hearing.article.url or ""
    return Event(
        date=hearing.date,
        kind="hearing",
        title=title,
        link=hearing.get_absolute_url(),
        source=source,
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
        source=order.source_url or _first_source(order),
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
        source=change.source.url if change.source_id else "",
        detail=change.note,
        uid=f"status-{change.pk}",
    )


def _advocacy_event(
    record: Statement | Campaign, kind: str, date: datetime.date, title: str
) -> Event:
    """A statement or a campaign: it links to its page on this site when it has one (see
    tracker/hooks.py), else to its own page elsewhere, which is also the source when no other is
    given."""
    return Event(
        date=date,
        kind=kind,
        title=title,
        link=_own_page(record) or record.url,
        source=_first_source(record) or record.url,
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
                source=_first_source(case),
                detail=case.subject,
                uid=f"case-{case.pk}-filed",
            )
        )
    hearings = case.hearings.select_related("case__court", "article").prefetch_related("sources")
    events += [_hearing_event(h, with_case) for h in hearings]
    orders = case.orders.select_related("case", "incident", "document").prefetch_related("sources")
    events += [_order_event(o) for o in orders]
    for joined in case.consolidations.select_related("with_case"):
        heard_together = Event(
            date=joined.heard_together_from,
            kind="consolidation",
            title=f"{_court(case)}: heard together with {joined.with_case.title}{suffix}",
            link=joined.with_case.get_absolute_url(),
            detail=joined.note,
            uid=f"consolidation-{joined.pk}",
        )
        separated = f"{_court(case)}: separated from {joined.with_case.title}{suffix}"
        events += _span(
            heard_together, joined.separated_on, "separation", separated, f"separation-{joined.pk}"
        )
    events += [_status_event(c) for c in case.status_changes.select_related("source")]
    return events


def _sorted(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date, _RANK[e.kind], e.title))


def _span(start: Event, end: datetime.date | None, kind: str, title: str, uid: str) -> list[Event]:
    """Something that lasts: the event that began it and, once it is over, its end, which links
    where the start does."""
    if end is None:
        return [start]
    return [start, Event(date=end, kind=kind, title=title, link=start.link, uid=uid)]


def _bounds(incident: Incident, source: str = "", detail: str = "") -> list[Event]:
    """The incident's start and, once it has one, its end."""
    label = incident.get_kind_display()
    start = Event(
        date=incident.start_date,
        kind="start",
        title=f"{label} begins: {incident.title}",
        link=incident.get_absolute_url(),
        source=source,
        detail=detail,
        uid=f"incident-{incident.pk}-start",
    )
    ends = f"{label} ends: {incident.title}"
    return _span(start, incident.end_date, "end", ends, f"incident-{incident.pk}-end")


def incident_timeline(incident: Incident) -> list[Event]:
    """The block from start to end with its orders, court cases, statements, campaigns and
    reporting, in date order."""
    events = _bounds(incident, source=_first_source(incident), detail=incident.areas)
    orders = incident.orders.filter(case__isnull=True).select_related("incident", "document")
    events += [_order_event(o) for o in orders.prefetch_related("sources")]
    cases = incident.cases.select_related("court").prefetch_related("articles")
    articles = list(incident.articles.all())
    for case in cases:
        events += _case_events(case, with_case=True)
        articles += list(case.articles.all())
        articles += [h.article for h in case.hearings.select_related("article") if h.article_id]
    for statement in incident.statements.prefetch_related("sources"):
        events.append(_advocacy_event(statement, "statement", statement.date, statement.title))
    for campaign in incident.campaigns.exclude(start_date=None).prefetch_related("sources"):
        launched = f"{campaign.name} launched {' '.join(campaign.hashtag_list())}".strip()
        events.append(_advocacy_event(campaign, "campaign", campaign.start_date, launched))
    events += [_status_event(c) for c in incident.status_changes.select_related("source")]
    events += _article_events(articles)
    return _sorted(events)


def case_timeline(case: LegalCase) -> list[Event]:
    """The case from filing to decision, with the incidents it challenges for context."""
    events = _case_events(case, with_case=False)
    for incident in case.incidents.all():
        events += _bounds(incident)
    articles = list(case.articles.all())
    articles += [h.article for h in case.hearings.select_related("article") if h.article_id]
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
