"""The API's response shapes, each written once and read straight from the model instances.

Field names are part of the contract: add fields, never rename. Dates are ISO 8601
(YYYY-MM-DD); every record carries `url` (its page on the site) and `api_url` (its record
here), both absolute. Fields that are not a model attribute of the same name and type have a
`resolve_<field>` resolver; absolute links read the request from the context ninja validates
responses with (`context["request"]`).
"""

from __future__ import annotations

import datetime
from operator import attrgetter

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from drmonitor.playlists.models import Playlist
from drmonitor.tracker.models import Hearing, Incident, LegalCase, Service


def _absolute(context: dict, path: str) -> str:
    """`path` on the host and scheme the client asked for."""
    return context["request"].build_absolute_uri(path)


def _api_path(record) -> str:
    """Where `record` is in this API."""
    match record:
        case Hearing():
            return reverse("api:hearing", kwargs={"hearing_id": record.pk})
        case Playlist():
            return reverse("api:playlist", kwargs={"playlist_id": record.pk})
        case Incident():
            name = "api:incident"
        case LegalCase():
            name = "api:case"
        case Service():
            name = "api:service"
        case _:
            raise TypeError(f"The API has no {type(record).__name__} records.")
    return reverse(name, kwargs={"slug": record.slug})


def _bench_label(record) -> str | None:
    return record.bench.label if record.bench else None


def _sources_by_url(record) -> list:
    """Sorted here rather than in the query so any prefetch of `sources` serves it."""
    return sorted(record.sources.all(), key=attrgetter("url"))


def _actor_names(relation: str) -> staticmethod:
    """A resolver of the names of the actors a record links by `relation`, sorted; sorted
    here rather than in the query so any prefetch of the relation serves it."""

    def names(record) -> list[str]:
        return sorted(actor.name for actor in getattr(record, relation).all())

    return staticmethod(names)


def _parties(actors, printed: str) -> str:
    """A case's petitioners or respondents as the case page lists them: the actors we keep a
    record of, then the names printed without one."""
    return "; ".join([actor.name for actor in actors.all()] + ([printed] if printed else []))


class _Linked(Schema):
    """A record with its page on the site (`url`) and its record here (`api_url`)."""

    @staticmethod
    def resolve_url(record, context) -> str:
        return _absolute(context, record.get_absolute_url())

    @staticmethod
    def resolve_api_url(record, context) -> str:
        return _absolute(context, _api_path(record))


# --- records ---------------------------------------------------------------------------------


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict)


class CountryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2")
    name: str


class ServiceRef(_Linked):
    slug: str
    name: str
    url: str
    api_url: str


class ServiceOut(ServiceRef):
    domains: list[str]
    website: str
    incident_count: int

    @staticmethod
    def resolve_domains(service) -> list[str]:
        return service.domain_list()


class NetworkOut(Schema):
    name: str
    asn: int | None


class SourceOut(Schema):
    url: str
    kind: str
    title: str
    publisher: str
    author: str
    date: datetime.date | None = Field(description="Date published")
    accessed_on: datetime.date | None = Field(description="When we last read it at its URL")
    language: str = Field(description="ISO 639 code: en, ur (Urdu), ...")
    archived_copy: str | None = Field(description="A copy we keep or an archive's, absolute")

    @staticmethod
    def resolve_archived_copy(source, context) -> str | None:
        link = source.archive_link
        return _absolute(context, link) if link else None


class IncidentRef(_Linked):
    slug: str
    title: str
    url: str
    api_url: str


class CaseRef(_Linked):
    slug: str
    title: str
    court: str = Field(alias="court.name")
    url: str
    api_url: str


class IncidentOut(_Linked):
    id: int
    slug: str
    title: str
    url: str
    api_url: str
    kind: str
    status: str = Field(description="STOP's shutdown_status: Ongoing, Ended or Unknown")
    summary: str
    country: CountryOut
    areas: str
    geo_scope: str
    affected_network: str
    extent: str
    start_date: datetime.date
    start_date_type: str
    end_date: datetime.date | None
    end_date_type: str
    days: int = Field(description="Whole days from start to end, or to today while ongoing")
    ordered_by_level: str
    ordered_by: list[str]
    decision_maker: str | None
    stated_justification: str
    stated_justification_details: str
    actual_cause: str
    actual_cause_details: str
    legal_method: str
    government_acknowledged: str
    services: list[ServiceRef]
    networks: list[NetworkOut]
    sources: list[SourceOut]
    cases: list[CaseRef]
    updated_at: datetime.datetime

    resolve_sources = staticmethod(_sources_by_url)

    @staticmethod
    def resolve_days(incident) -> int:
        return incident.duration_days()

    resolve_ordered_by = _actor_names("ordered_by")

    @staticmethod
    def resolve_decision_maker(incident) -> str | None:
        return incident.decision_maker.name if incident.decision_maker else None


class CourtOut(Schema):
    id: int
    name: str
    short_name: str


class HearingOut(_Linked):
    id: int
    case: CaseRef
    date: datetime.date
    date_precision: str
    bench: str | None
    result: str
    what_happened: str
    directions: str
    appeared: str
    summoned: str
    next_date: datetime.date | None
    next_date_note: str
    url: str
    api_url: str
    sources: list[SourceOut]

    resolve_bench = staticmethod(_bench_label)
    resolve_sources = staticmethod(_sources_by_url)


class HearingInCase(_Linked):
    id: int
    date: datetime.date
    result: str
    what_happened: str
    next_date: datetime.date | None
    url: str
    api_url: str


class CaseOut(_Linked):
    id: int
    slug: str
    title: str
    url: str
    api_url: str
    court: CourtOut
    bench: str | None
    numbers: list[str]
    status: str
    outcome: str
    subject: str
    filed_on: datetime.date | None
    decided_on: datetime.date | None
    petitioners: str
    respondents: str
    incidents: list[IncidentRef]
    hearing_count: int
    hearings_url: str = Field(description="This case's hearings in the hearings list")
    updated_at: datetime.datetime

    resolve_bench = staticmethod(_bench_label)

    @staticmethod
    def resolve_petitioners(case) -> str:
        return _parties(case.petitioners, case.petitioners_text)

    @staticmethod
    def resolve_respondents(case) -> str:
        return _parties(case.respondents, case.respondents_text)

    @staticmethod
    def resolve_numbers(case) -> list[str]:
        return [entry.number for entry in case.numbers.all()]

    @staticmethod
    def resolve_hearings_url(case, context) -> str:
        return _absolute(context, reverse("api:hearings") + f"?case={case.slug}")


class CaseDetailOut(CaseOut):
    hearings: list[HearingInCase]
    sources: list[SourceOut]

    resolve_sources = staticmethod(_sources_by_url)


class EvidenceLinkOut(Schema):
    """A measurement that proves one edge of a measured episode, as the timeline links it."""

    label: str = Field(description="Which edge: last accessible before, first blocked, ...")
    url: str = Field(description="The measurement's page on the site (absolute)")


class TimelineEventOut(Schema):
    """One dated event of a record's timeline, as its page lists it."""

    date: datetime.date
    kind: str = Field(description="start, filing, order, hearing, status, statement, ...")
    kind_label: str
    title: str
    link: str = Field(description="Where the event is on the site (absolute), or elsewhere")
    detail: str
    sources: list[SourceOut]
    evidence: list[EvidenceLinkOut] = Field(
        description="A measured event's proof: the measurements at the episode's edges (its "
        "`link` is the service's status page); empty for every other kind"
    )

    @staticmethod
    def resolve_link(event, context) -> str:
        return _absolute(context, event.link) if event.link.startswith("/") else event.link

    @staticmethod
    def resolve_evidence(event, context) -> list[dict]:
        return [{"label": label, "url": _absolute(context, url)} for label, url in event.evidence]


class OrderOut(Schema):
    id: int
    title: str
    kind: str
    date: datetime.date
    case: CaseRef | None
    incident: IncidentRef | None
    issued_by: str | None
    reference_no: str
    summary: str
    document: str | None = Field(description="The order itself (PDF), absolute")
    url: str
    sources: list[SourceOut]

    resolve_sources = staticmethod(_sources_by_url)

    @staticmethod
    def resolve_issued_by(order) -> str | None:
        return order.issued_by.name if order.issued_by else None

    @staticmethod
    def resolve_document(order, context) -> str | None:
        return _absolute(context, order.document.url) if order.document else None

    @staticmethod
    def resolve_url(order, context) -> str:
        return _absolute(context, order.get_absolute_url())


class StatementOut(Schema):
    id: int
    date: datetime.date
    title: str
    url: str = Field(description="The statement's own page elsewhere, if any")
    signatory_count: int | None
    summary: str
    issued_by: list[str]
    incidents: list[IncidentRef]
    sources: list[SourceOut]

    resolve_sources = staticmethod(_sources_by_url)

    resolve_issued_by = _actor_names("actors")


class CampaignOut(Schema):
    id: int
    name: str
    hashtags: list[str]
    start_date: datetime.date | None
    end_date: datetime.date | None
    url: str
    summary: str
    organisers: list[str]
    incidents: list[IncidentRef]
    sources: list[SourceOut]

    resolve_sources = staticmethod(_sources_by_url)

    @staticmethod
    def resolve_hashtags(campaign) -> list[str]:
        return campaign.hashtag_list()

    resolve_organisers = _actor_names("organisers")


class ActorOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    country: str | None = Field(description="ISO 3166-1 alpha-2")
    website: str
    description: str
    url: str

    @staticmethod
    def resolve_country(actor) -> str | None:
        return actor.country.code if actor.country else None

    @staticmethod
    def resolve_url(actor, context) -> str:
        return _absolute(context, actor.get_absolute_url())


class CourtDetailOut(CourtOut):
    level: str
    jurisdiction: str = Field(alias="jurisdiction.code", description="ISO 3166-1 alpha-2")
    province: str
    seat: str
    website: str


class LawOut(Schema):
    id: int
    title: str
    short_title: str
    jurisdiction: str | None = Field(description="ISO 3166-1 alpha-2")
    year: int | None
    url: str

    @staticmethod
    def resolve_jurisdiction(law) -> str | None:
        return law.jurisdiction.code if law.jurisdiction else None


class PlaylistItemOut(Schema):
    position: int = Field(description="Its place in the playlist, from 1")
    title: str
    kind: str = Field(description="What the page is: article, episode...")
    url: str


class PlaylistOut(_Linked):
    """A public playlist: pages (articles, episodes) in the order its curator chose."""

    id: int
    title: str
    description: str
    featured: bool = Field(description="Chosen by the editors")
    curator: str = Field(description="'Digital Rights Monitor' or 'a reader'")
    updated_at: datetime.datetime
    items: list[PlaylistItemOut]

    @staticmethod
    def resolve_featured(playlist) -> bool:
        return playlist.is_featured

    @staticmethod
    def resolve_items(playlist, context) -> list[dict]:
        return [
            {
                "position": position,
                "title": item.page.title,
                "kind": str(item.page.specific_class._meta.verbose_name),
                "url": _absolute(context, item.page.url),
            }
            for position, item in enumerate(playlist.shown_items(), 1)
        ]


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """A page of `item`s: the total count and absolute links to the neighbouring pages
    (filled by `pagination.LinkedPages`)."""
    return type(
        name,
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "next": str | None,
                "previous": str | None,
                "results": list[item],
            }
        },
    )


IncidentPage = page_schema(IncidentOut, "IncidentPage")
CasePage = page_schema(CaseOut, "CasePage")
HearingPage = page_schema(HearingOut, "HearingPage")
ServicePage = page_schema(ServiceOut, "ServicePage")
PlaylistPage = page_schema(PlaylistOut, "PlaylistPage")
OrderPage = page_schema(OrderOut, "OrderPage")
StatementPage = page_schema(StatementOut, "StatementPage")
CampaignPage = page_schema(CampaignOut, "CampaignPage")
ActorPage = page_schema(ActorOut, "ActorPage")
CourtPage = page_schema(CourtDetailOut, "CourtPage")
LawPage = page_schema(LawOut, "LawPage")
