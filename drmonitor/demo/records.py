"""The demo's evidence records: reference lists, incidents, cases with their hearings and orders,
statements and campaigns, and the links from the demo's articles to them.

Each record is found by its natural key (a slug, a name, a URL, a case and a date) and created
only when missing, through the model's own validation; a record that exists is left as editors
left it. Dated status changes, hearings and orders missing from an existing record are added.
"""

from __future__ import annotations

from django.db import models
from modelcluster.models import ClusterableModel

from drmonitor.demo.reading import DemoContent, Located
from drmonitor.demo.saving import reported, save_checked
from drmonitor.demo.schema import ArticleRecords, CaseSpec, IncidentSpec, OrderSpec, RecordSpec
from drmonitor.newsroom.models import ArticlePage
from drmonitor.tracker import models as tracker

# How files name the records a link points at: the model, and the field that holds the name.
NAMED_BY = {
    "actor": (tracker.Actor, "name"),
    "service": (tracker.Service, "name"),
    "network": (tracker.Network, "name"),
    "law": (tracker.Law, "title"),
    "incident": (tracker.Incident, "slug"),
    "source": (tracker.Source, "url"),
}


def ensure(
    entry: Located, spec: RecordSpec, key: dict, at: str = "", **fields
) -> models.Model | None:
    """Create the record `key` finds if it is missing; return it only when it was made."""
    model = spec.record_model
    if model.objects.filter(**key).exists():
        return None
    record = model(**spec.own_fields(), **fields, **key)
    with reported(entry, at):
        save_checked(record)
    return record


def link(record: models.Model | None, spec: RecordSpec) -> None:
    """Point a record just made at the records its file names (nothing when none was made)."""
    if record is None:
        return
    for field_name, what, values in spec.links():
        model, key = NAMED_BY[what]
        getattr(record, field_name).set(model.objects.filter(**{f"{key}__in": values}))
    if isinstance(record, ClusterableModel):
        record.save()  # a cluster's links (a hearing's sources) are written when it is saved


def country(code: str) -> tracker.Country:
    return tracker.Country.objects.get(code=code)


def load_records(content: DemoContent) -> None:
    """Everything but the reference lists, which `load_reference` makes first."""
    for entry in content.incidents:
        load_incident(entry)
    for entry in content.cases:
        load_case(entry)
    for entry in content.cases:
        load_consolidations(entry)
    for entry in content.statements:
        spec = entry.spec
        link(ensure(entry, spec, {"title": spec.title, "date": spec.date}), spec)
    for entry in content.campaigns:
        spec = entry.spec
        link(ensure(entry, spec, {"name": spec.name}), spec)


def load_reference(content: DemoContent) -> None:
    for entry in content.countries:
        ensure(entry, entry.spec, {"code": entry.spec.code})
    for entry in content.services:
        spec = entry.spec
        ensure(entry, spec, {"name": spec.name})
    for entry in content.networks:
        spec = entry.spec
        named = {"name": spec.name} if spec.asn else {}
        ensure(entry, spec, spec.lookup(), country=country(spec.country), **named)
    for entry in content.actors:
        spec = entry.spec
        ensure(entry, spec, {"name": spec.name}, country=country(spec.country))
    for entry in content.laws:
        spec = entry.spec
        ensure(entry, spec, {"title": spec.title}, jurisdiction=country(spec.jurisdiction))
    for entry in content.courts:
        spec = entry.spec
        place = {"short_name": spec.short_name, "jurisdiction": country(spec.jurisdiction)}
        ensure(entry, spec, {"name": spec.name}, **place)
        court = tracker.Court.objects.get(name=spec.name)
        for n, bench in enumerate(spec.benches, 1):
            key = {"court": court, "label": bench.label}
            ensure(entry, bench, key, f"benches[{n}]")
    for entry in content.sources:
        ensure(entry, entry.spec, {"url": entry.spec.url})


def load_incident(entry: Located[IncidentSpec]) -> None:
    spec = entry.spec
    maker = tracker.Actor.objects.filter(name=spec.decision_maker).first()
    place = {"country": country(spec.country), "decision_maker": maker}
    link(ensure(entry, spec, {"slug": entry.slug}, **place), spec)
    load_dated(entry, incident=tracker.Incident.objects.get(slug=entry.slug))


def load_case(entry: Located[CaseSpec]) -> None:
    spec = entry.spec
    with reported(entry):
        court = tracker.Court.resolve(spec.court)
    link(ensure(entry, spec, {"slug": entry.slug}, court=court), spec)
    case = tracker.LegalCase.objects.get(slug=entry.slug)
    for n, hearing in enumerate(spec.hearings, 1):
        bench = tracker.Bench.objects.filter(court=court, label=hearing.bench).first()
        key = {"case": case, "date": hearing.date}
        link(ensure(entry, hearing, key, f"hearings[{n}]", bench=bench), hearing)
    load_dated(entry, case=case)


def load_dated(entry: Located, **owner: models.Model) -> None:
    """The orders and status changes in an incident's or a case's file."""
    for n, order in enumerate(entry.spec.orders, 1):
        load_order(entry, f"orders[{n}]", order, **owner)
    for n, change in enumerate(entry.spec.status_changes, 1):
        source = tracker.Source.objects.filter(url=change.source).first()
        key = {"date": change.date, "to_status": change.to_status, **owner}
        ensure(entry, change, key, f"status_changes[{n}]", source=source)


def load_order(entry: Located, at: str, spec: OrderSpec, **owner: models.Model) -> None:
    """A government order of an incident or a court order of a case (with its hearing)."""
    hearing = tracker.Hearing.objects.filter(case=owner.get("case"), date=spec.hearing).first()
    made_by = {
        "hearing": hearing,
        "issued_by": tracker.Actor.objects.filter(name=spec.issued_by).first(),
    }
    key = {"title": spec.title, "date": spec.date}
    link(ensure(entry, spec, key, at, **made_by, **owner), spec)


def load_consolidations(entry: Located[CaseSpec]) -> None:
    case = tracker.LegalCase.objects.get(slug=entry.slug)
    for n, spec in enumerate(entry.spec.heard_together, 1):
        with_case = tracker.LegalCase.objects.get(slug=spec.with_case)
        key = {
            "case": case,
            "with_case": with_case,
            "heard_together_from": spec.heard_together_from,
        }
        link(ensure(entry, spec, key, f"heard_together[{n}]"), spec)


def link_article(article: ArticlePage, records: ArticleRecords) -> None:
    """Show a new article beside the records it is about, and as the report of its hearings."""
    records_about = [
        *tracker.Incident.objects.filter(slug__in=records.incidents),
        *tracker.LegalCase.objects.filter(slug__in=records.cases),
    ]
    for record in records_about:
        record.articles.add(article)
        record.save()  # a record writes its links when saved (they wait in drafts otherwise)
    for ref in records.reports_hearings:
        hearing = tracker.Hearing.objects.get(case__slug=ref.case, date=ref.date)
        if hearing.article_id is None:
            hearing.article = article
            hearing.save(update_fields=["article"])
