"""Demo content for the tracker: the X ban in Pakistan and its court cases, and other 2024-2025
incidents, from ../shared/reference/pakistan-timeline.md. Idempotent: records are found by their
natural keys (slug, URL, case and date) and only what is missing is created.

Texts are our own words; each fact carries the public source the timeline gives for it.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable

from django.utils import timezone

from drmonitor.tracker import demo_data as data
from drmonitor.tracker.models import (
    Actor,
    Bench,
    Campaign,
    CaseConsolidation,
    Country,
    Court,
    Hearing,
    Incident,
    Law,
    LegalCase,
    Network,
    Order,
    Service,
    Source,
    Statement,
    StatusChange,
)


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def source(url: str, kind: str = "news", title: str = "", publisher: str = "") -> Source:
    obj, _ = Source.objects.get_or_create(
        url=url, defaults={"kind": kind, "title": title, "publisher": publisher}
    )
    return obj


def _sources(urls: Iterable[str]) -> list[Source]:
    return [source(url, kind=data.source_kind(url)) for url in urls]


def _actors(names: Iterable[str]) -> list[Actor]:
    return [Actor.objects.get(name=name) for name in names]


def load_reference() -> Country:
    pakistan, _ = Country.objects.get_or_create(code="PK", defaults={"name": "Pakistan"})
    for name, domains in data.SERVICES:
        Service.objects.get_or_create(name=name, defaults={"domains": "\n".join(domains)})
    for name, asn, kind in data.NETWORKS:
        lookup = {"asn": asn} if asn else {"name": name}
        Network.objects.get_or_create(
            **lookup, defaults={"name": name, "kind": kind, "country": pakistan}
        )
    for name, short, kind in data.ACTORS:
        Actor.objects.get_or_create(
            name=name, defaults={"short_name": short, "kind": kind, "country": pakistan}
        )
    for title, short, year in data.LAWS:
        Law.objects.get_or_create(
            title=title, defaults={"short_title": short, "year": year, "jurisdiction": pakistan}
        )
    for name, short, level, province, seat in data.COURTS:
        Court.objects.get_or_create(
            name=name,
            defaults={
                "short_name": short,
                "level": level,
                "jurisdiction": pakistan,
                "province": province,
                "seat": seat,
            },
        )
    return pakistan


def load_incident(spec: dict, country: Country) -> Incident:
    incident = Incident.objects.filter(slug=spec["slug"]).first()
    if incident is None:
        incident = Incident(slug=spec["slug"], country=country)
        for key, value in spec.items():
            if key in {"slug", "networks", "services", "ordered_by", "decision_maker", "laws"}:
                continue
            if key in {"sources", "status_changes"}:
                continue
            if key in {"start_date", "end_date"} and value:
                value = _date(value)
            setattr(incident, key, value)
        if spec.get("decision_maker"):
            incident.decision_maker = Actor.objects.get(name=spec["decision_maker"])
        incident.log_status_change = False
        incident.full_clean()
        incident.save()
        incident.services.set(Service.objects.filter(name__in=spec.get("services", ())))
        incident.networks.set(Network.objects.filter(name__in=spec.get("networks", ())))
        incident.ordered_by.set(_actors(spec.get("ordered_by", ())))
        incident.legal_basis.set(Law.objects.filter(title__in=spec.get("laws", ())))
        incident.sources.set(_sources(spec.get("sources", ())))
    for day, before, after, note, url in spec.get("status_changes", ()):
        StatusChange.objects.get_or_create(
            incident=incident,
            date=_date(day),
            to_status=after,
            defaults={"from_status": before, "note": note, "source": source(url)},
        )
    return incident


def load_case(spec: dict, incidents: dict[str, Incident]) -> LegalCase:
    court = Court.resolve(spec["court"])
    case = LegalCase.objects.filter(slug=spec["slug"]).first()
    if case is None:
        case = LegalCase(
            slug=spec["slug"],
            court=court,
            title=spec["title"],
            subject=spec.get("subject", ""),
            relief_sought=spec.get("relief_sought", ""),
            status=spec.get("status", "filed"),
            outcome=spec.get("outcome", ""),
            filed_on=_date(spec["filed_on"]) if spec.get("filed_on") else None,
            decided_on=_date(spec["decided_on"]) if spec.get("decided_on") else None,
            petitioners_text=spec.get("petitioners_text", ""),
            respondents_text=spec.get("respondents_text", ""),
            counsel=spec.get("counsel", ""),
        )
        case.log_status_change = False
        case.full_clean()
        case.save()
        case.petitioners.set(_actors(spec.get("petitioners", ())))
        case.respondents.set(_actors(spec.get("respondents", ())))
        case.incidents.set([incidents[slug] for slug in spec.get("incidents", ())])
        case.laws.set(Law.objects.filter(title__in=spec.get("laws", ())))
        case.sources.set(_sources(spec.get("sources", ())))
    for h in spec.get("hearings", ()):
        load_hearing(case, h)
    for o in spec.get("orders", ()):
        load_order(o, case=case)
    for day, before, after, note, url in spec.get("status_changes", ()):
        StatusChange.objects.get_or_create(
            case=case,
            date=_date(day),
            to_status=after,
            defaults={"from_status": before, "note": note, "source": source(url)},
        )
    return case


def _bench(court: Court, label: str, judges: Iterable[str], bench_type: str) -> Bench | None:
    if not label:
        return None
    bench, _ = Bench.objects.get_or_create(
        court=court,
        label=label,
        defaults={"judges": "\n".join(judges), "bench_type": bench_type},
    )
    return bench


def load_hearing(case: LegalCase, spec: dict) -> Hearing:
    day = _date(spec["date"])
    hearing = Hearing.objects.filter(case=case, date=day).first()
    if hearing is not None:
        return hearing
    bench = spec.get("bench")
    hearing = Hearing(
        case=case,
        date=day,
        date_precision=spec.get("precision", "exact"),
        bench=_bench(case.court, *bench) if bench else None,
        result=spec.get("result", ""),
        what_happened=spec.get("what", ""),
        directions=spec.get("directions", ""),
        appeared=spec.get("appeared", ""),
        summoned=spec.get("summoned", ""),
        next_date=_date(spec["next"]) if spec.get("next") else None,
        next_date_note=spec.get("next_note", ""),
    )
    hearing.full_clean()
    hearing.save()
    hearing.sources.set(_sources(spec.get("sources", ())))
    return hearing


def load_order(spec: dict, case: LegalCase | None = None, incident: Incident | None = None):
    day = _date(spec["date"])
    order = Order.objects.filter(title=spec["title"], date=day).first()
    if order is not None:
        return order
    hearing = None
    if case and spec.get("hearing"):
        hearing = Hearing.objects.get(case=case, date=_date(spec["hearing"]))
    order = Order(
        title=spec["title"],
        kind=spec["kind"],
        date=day,
        case=case,
        hearing=hearing,
        incident=incident,
        issued_by=Actor.objects.get(name=spec["issued_by"]) if spec.get("issued_by") else None,
        summary=spec.get("summary", ""),
        source_url=spec.get("sources", [""])[0],
    )
    order.full_clean()
    order.save()
    order.sources.set(_sources(spec.get("sources", ())))
    return order


def load_statement(spec: dict, incidents: dict[str, Incident]) -> Statement:
    statement, created = Statement.objects.get_or_create(
        title=spec["title"],
        date=_date(spec["date"]),
        defaults={
            "url": spec.get("url", ""),
            "signatory_count": spec.get("signatory_count"),
            "summary": spec.get("summary", ""),
        },
    )
    if created:
        statement.actors.set(_actors(spec.get("actors", ())))
        statement.incidents.set([incidents[s] for s in spec.get("incidents", ())])
        statement.sources.set(_sources(spec.get("sources", ())))
    return statement


def load_campaign(spec: dict, incidents: dict[str, Incident]) -> Campaign:
    campaign, created = Campaign.objects.get_or_create(
        name=spec["name"],
        defaults={
            "hashtags": spec["hashtags"],
            "start_date": _date(spec["start_date"]),
            "end_date": _date(spec["end_date"]) if spec.get("end_date") else None,
            "url": spec.get("url", ""),
            "summary": spec.get("summary", ""),
        },
    )
    if created:
        campaign.organisers.set(_actors(spec.get("organisers", ())))
        campaign.incidents.set([incidents[s] for s in spec.get("incidents", ())])
        campaign.sources.set(_sources(spec.get("sources", ())))
    return campaign


def load_consolidation(spec: dict) -> None:
    case = LegalCase.objects.get(slug=spec["case"])
    with_case = LegalCase.objects.get(slug=spec["with_case"])
    joined, created = CaseConsolidation.objects.get_or_create(
        case=case,
        with_case=with_case,
        heard_together_from=_date(spec["from"]),
        defaults={
            "separated_on": _date(spec["separated_on"]) if spec.get("separated_on") else None,
            "note": spec.get("note", ""),
        },
    )
    if created:
        joined.full_clean()
        joined.sources.set(_sources(spec.get("sources", ())))


REPORT_LAG_DAYS = 3
_URL = re.compile(r"https?://[^\s\"'<>)\]\\]+")


def _cited_urls(article) -> set[str]:
    text = json.dumps(list(article.body.raw_data), default=str) + " " + article.standfirst
    return {url.rstrip(".,;") for url in _URL.findall(text)}


def link_articles() -> int:
    """Link each live article to the records whose sources it cites.

    The newsroom demo cites the same public sources as the tracker, so matching URLs is how the
    two demos meet without knowing each other's slugs. A Court Updates story that cites a
    hearing's source becomes the report of that hearing.
    """
    from drmonitor.newsroom.models import ArticlePage

    known = set(Source.objects.values_list("url", flat=True))
    linked = 0
    for article in ArticlePage.objects.live().iterator(chunk_size=200):
        urls = _cited_urls(article) & known
        if not urls:
            continue
        in_court_updates = "court-updates" in article.url_path
        published = timezone.localdate(article.date_published)
        for hearing in Hearing.objects.filter(sources__url__in=urls).distinct():
            # A report of the hearing itself appears the same day or within a few days.
            reports_it = 0 <= (published - hearing.date).days <= REPORT_LAG_DAYS
            if in_court_updates and reports_it and hearing.article_id is None:
                hearing.article = article
                hearing.save(update_fields=["article"])
            hearing.case.articles.add(article)
            for incident in hearing.case.incidents.all():
                incident.articles.add(article)
            linked += 1
        for case in LegalCase.objects.filter(sources__url__in=urls).distinct():
            case.articles.add(article)
            linked += 1
        owners = Incident.objects.filter(sources__url__in=urls)
        owners = owners | Incident.objects.filter(statements__sources__url__in=urls)
        owners = owners | Incident.objects.filter(campaigns__sources__url__in=urls)
        owners = owners | Incident.objects.filter(orders__sources__url__in=urls)
        for incident in owners.distinct():
            incident.articles.add(article)
            linked += 1
    return linked


def load(home=None) -> None:
    """Create what is missing of the tracker demo content."""
    country = load_reference()
    incidents = {spec["slug"]: load_incident(spec, country) for spec in data.INCIDENTS}
    for spec in data.INCIDENT_ORDERS:
        load_order(spec, incident=incidents[spec["incident"]])
    for spec in data.CASES:
        load_case(spec, incidents)
    for spec in data.CONSOLIDATIONS:
        load_consolidation(spec)
    for spec in data.STATEMENTS:
        load_statement(spec, incidents)
    for spec in data.CAMPAIGNS:
        load_campaign(spec, incidents)
    link_articles()
