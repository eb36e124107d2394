"""The shape of every demo content file, checked before anything is saved.

Field names are the model fields an editor sees in the admin, so an error that names a field
points at the same thing in the file and on the form. Unknown keys are refused (a misspelt
field would otherwise be dropped without a word). A tracker record's own fields (an incident's
kind, a hearing's result) are left to the model's validation, which the loader runs on every
record; the schema describes what files add to the models: names in place of ids, nested
records.
docs/demo-content.md describes the files for editors.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from django.db import models
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    model_validator,
)

from drmonitor.media.models import EpisodeCaptions, Season
from drmonitor.tracker import models as tracker

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Key = Annotated[str, StringConstraints(pattern=SLUG)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


def _delay(value: object) -> object:
    """'20 minutes', '6 hours', '3 days' -> a timedelta; anything else is left to pydantic."""
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s+(minute|hour|day)s?\s*", value)
        if match:
            return datetime.timedelta(**{f"{match[2]}s": int(match[1])})
        raise ValueError("write a delay as a number and a unit, e.g. '20 minutes' or '3 days'")
    return value


Delay = Annotated[datetime.timedelta, BeforeValidator(_delay)]


@dataclass(frozen=True)
class Names:
    """Marks a field whose values name records of another file: Names("actor") on a list of
    actor names. The reader checks every such name; the loader sets links from them."""

    what: str


def names_of(what: str) -> object:
    """A list of names of one kind of record."""
    return Annotated[list[Text], Names(what)]


def name_of(what: str) -> object:
    """One optional name of a kind of record."""
    return Annotated[Text | None, Names(what)]


def _joined(*parts: str) -> str:
    return ".".join(part for part in parts if part)


def nested(spec: BaseModel, at: str = "") -> Iterator[tuple[str, BaseModel]]:
    """`spec` and every spec nested in it, each with its path ("hearings[2]"); positions in
    lists count from 1, as in error messages."""
    yield at, spec
    for field_name in type(spec).model_fields:
        value = getattr(spec, field_name)
        items = value if isinstance(value, list) else [value]
        for n, item in enumerate(items, 1):
            if isinstance(item, BaseModel):
                place = f"{field_name}[{n}]" if isinstance(value, list) else field_name
                yield from nested(item, _joined(at, place))


def references(spec: BaseModel) -> Iterator[tuple[str, str, list[str]]]:
    """(field path, kind of record, names) for every name `spec` and its nested specs give."""
    for at, part in nested(spec):
        for field_name, info in type(part).model_fields.items():
            for mark in info.metadata:
                if isinstance(mark, Names):
                    value = getattr(part, field_name)
                    values = value if isinstance(value, list) else [value]
                    named = [v for v in values if v is not None]
                    yield _joined(at, field_name), mark.what, named


NOT_A_FIELD = "not a field of this record (misspelt?)"
# Model fields no file sets: a slug comes from the file name (or the record's name).
SET_BY_LOADER = frozenset({"slug"})


def fields_like(model: type[models.Model], *names: str) -> dict[str, tuple[type, object]]:
    """Spec fields for these text and number fields of `model`, with the model's types and
    defaults (a blank text field's is ""): a file that leaves one out gets what an editor who
    leaves it blank gets, and the defaults are stated once, in the model."""
    fields: dict[str, tuple[type, object]] = {}
    for name in names:
        field = model._meta.get_field(name)
        if isinstance(field, models.IntegerField):
            kind: type = int
        elif isinstance(field, models.CharField | models.TextField):
            kind = str
        else:
            raise TypeError(f"{model.__name__}.{name} is neither a text nor a number field")
        if field.has_default():
            fields[name] = (kind, field.get_default())
        elif field.blank and kind is str:
            fields[name] = (kind, "")
        else:
            fields[name] = (kind, ...)
    return fields


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    # The fields that find an entry of a list file again, so no two entries may share them:
    # the first declared field unless a spec names others.
    keys: ClassVar[tuple[tuple[str, ...], ...]] = ()

    @classmethod
    def key_fields(cls) -> tuple[tuple[str, ...], ...]:
        return cls.keys or ((next(iter(cls.model_fields)),),)


# --- The publication: site settings, authors, pictures, documents, accounts ----------------


class FollowLinks(Spec):
    facebook: Url | None = None
    x: Url | None = None
    youtube: Url | None = None
    instagram: Url | None = None
    linkedin: Url | None = None


class SiteSpec(Spec):
    """site.yaml: what fills the site settings' blank fields."""

    tagline: Text
    about: Text
    about_mmfd: Text | None = None
    social_picture: name_of("picture")
    follow_links: FollowLinks = FollowLinks()


class AuthorSpec(Spec):
    slug: Key
    name: Text
    role: Text
    bio: Text
    x_handle: str = ""


class BarChart(Spec):
    """An infographic bar chart; the first bar is highlighted."""

    title: Text
    unit: Text
    note: str = ""
    bars: list[tuple[Text, float]] = Field(min_length=1)


class HubDiagram(Spec):
    """Links into one hub, some of them broken (drawn dashed in red)."""

    title: Text
    hub: Text
    spokes: list[Text] = Field(min_length=1)
    broken: list[Text] = []
    note: str = ""

    @model_validator(mode="after")
    def _broken_are_spokes(self) -> HubDiagram:
        unknown = [name for name in self.broken if name not in self.spokes]
        if unknown:
            raise ValueError(f"broken names links that are not spokes: {', '.join(unknown)}")
        return self


class PictureSpec(Spec):
    """A drawn picture; its title is its identity in the image library.

    Without a chart or diagram it is an abstract artwork drawn from its key; `label` says what
    it stands for (in its alt text) and is not written on it.
    """

    keys = (("key",), ("title",))

    key: Key
    title: Text
    label: Text
    caption: Text
    credit: Text
    chart: BarChart | None = None
    diagram: HubDiagram | None = None

    @model_validator(mode="after")
    def _one_figure(self) -> PictureSpec:
        if self.chart and self.diagram:
            raise ValueError("a picture is a chart or a diagram, not both")
        return self


class DocumentSpec(Spec):
    """A one-page PDF drawn from its paragraphs; its title is its identity."""

    keys = (("key",), ("title",))

    key: Key
    title: Text
    subtitle: str = ""
    paragraphs: list[Text] = Field(min_length=1)


class AccountSpec(Spec):
    username: Key
    role: Text
    superuser: bool = False
    group: Text | None = None
    byline: name_of("author") = None  # the author this account writes as


# --- Articles ----------------------------------------------------------------------------


class SourceLink(Spec):
    publisher: Text
    url: Url


class HearingRef(Spec):
    case: name_of("case")
    date: datetime.date


class ArticleRecords(Spec):
    """The evidence records a story is about; the tracker shows the story beside them."""

    incidents: names_of("incident") = []
    cases: names_of("case") = []
    reports_hearings: list[HearingRef] = []


# --- Vodcast episodes and infographics: articles with a medium of their own ------------------

Timecode = Annotated[str, StringConstraints(pattern=r"^(\d+:)?[0-5]?\d:[0-5]\d$")]


class GuestSpec(Spec):
    name: Text
    role: str = ""
    url: Url | None = None


class ChapterSpec(Spec):
    start: Timecode
    title: Text


class TranscriptLineSpec(Spec):
    start: Timecode | None = None
    speaker: str = ""
    text: Text


CaptionsSpec = create_model(
    "CaptionsSpec",
    __base__=Spec,
    __doc__="A WebVTT file in captions/, named by its key: captions/<key>.vtt.",
    file=Key,
    **fields_like(EpisodeCaptions, "language", "label"),
)


class EpisodeSpec(Spec):
    """What makes an article in a vodcast series an episode. The recording is made at load
    time (a WAV that beeps once a second, its pitch changing at each chapter): the demo ships
    and downloads no recordings."""

    season: int | None = None
    number: int | None = None
    recording_seconds: Annotated[int, Field(ge=1, le=3600)] | None = None
    external_video_url: Url | None = None
    poster: name_of("picture") = None
    guests: list[GuestSpec] = []
    chapters: list[ChapterSpec] = []
    transcript: list[TranscriptLineSpec] = []
    captions: list[CaptionsSpec] = []

    @model_validator(mode="after")
    def _one_medium(self) -> EpisodeSpec:
        if (self.recording_seconds is None) == (self.external_video_url is None):
            raise ValueError("an episode has recording_seconds or external_video_url (one)")
        return self


class InfographicSpec(Spec):
    """What makes an article in Infographics an infographic; `data` names data/<key>.csv."""

    graphic: Annotated[Text, Names("picture")]
    alt_text: str = ""
    long_description: Text
    data: Key | None = None


class AttachmentSpec(Spec):
    """A file an article attaches besides pictures and documents, named by its key:
    captions/<key>.vtt (an episode's WebVTT captions), data/<key>.csv (an infographic's data)."""

    folder: Literal["captions", "data"]
    key: Key
    data: bytes


SeasonSpec = create_model(
    "SeasonSpec",
    __base__=Spec,
    __doc__="A season of a vodcast series, found again by its number.",
    **fields_like(Season, "number", "title", "description"),
)


class SeriesSpec(Spec):
    """series.yaml: a vodcast series' podcast details and seasons, by its section's path."""

    section: Annotated[Text, Names("section")]
    introduction: str = ""
    artwork: name_of("picture") = None
    owner_email: str = ""
    seasons: list[SeasonSpec] = []


class ProvisionSpec(Spec):
    """A section of a law or an article of an instrument: `text` is our own words, with the
    `source` that states it; either may be left out when unknown."""

    number: Text
    heading: str = ""
    text: str = ""
    source: Url | None = None
    tracker_law: name_of("law") = None  # the tracker's record of this provision (laws.yaml)


class AttachedDocument(Spec):
    """A PDF of documents.yaml attached to a library entry, with what it is and its date."""

    document: name_of("document")
    kind: str = ""
    date: datetime.date | None = None


class LawFacts(Spec):
    """`law:` in an article of Resources › Laws and Policies: the law's structured record."""

    instrument_type: Text
    status: Text
    jurisdiction: name_of("country") = None
    year: int | None = None
    tabled_on: datetime.date | None = None
    passed_on: datetime.date | None = None
    amended_on: datetime.date | None = None
    provisions: list[ProvisionSpec] = []
    tracker_laws: names_of("law") = []


class FrameworkFacts(Spec):
    """`framework:` in an article of Resources › International Frameworks."""

    scope: Text
    framework_type: Text
    adopted_by: str = ""
    adopted_on: datetime.date | None = None
    provisions: list[ProvisionSpec] = []
    tracker_laws: names_of("law") = []


class ResearchFacts(Spec):
    """`research:` in an article of Resources › Research or DRM Advocacy › Publications."""

    research_type: Text
    creators: list[Text] = []
    publisher: str = ""
    issued: datetime.date | None = None
    issued_precision: Literal["day", "month", "year"] = "day"
    external_url: Url | None = None


# The library's kinds of entry, each with the section type that holds it.
LIBRARY_KINDS = {
    "law": "library.LawLibraryPage",
    "framework": "library.FrameworkLibraryPage",
    "research": "library.ResearchLibraryPage",
}


class SignatorySpec(Spec):
    name: Text
    kind: Literal["organisation", "individual"] = "organisation"


class StatementFront(Spec):
    """Makes an article a statement page: the tracker's statement (by its title in
    statements.yaml) gives its date, issuers and stated count; the page lists its signatories
    by name (leave them out when no source names them) and its files to download."""

    record: name_of("statement")
    signatories: list[SignatorySpec] = []
    downloads: names_of("document") = []


class DriverSpec(Spec):
    handle: Text
    posts: int | None = None
    note: str = ""


class TrendFront(Spec):
    """Makes an article a Trends Monitor trend. Figures no source gives are left out: the page
    shows them as not recorded."""

    hashtag: Text
    trended_from: datetime.date | None = None
    trended_until: datetime.date | None = None
    peak_volume: int | None = None
    new_account_share: Decimal | None = None
    suspicious_account_share: Decimal | None = None
    figures_source: str = ""
    narrative: str = ""
    drivers: list[DriverSpec] = []
    screenshots: names_of("picture") = []


class FrontMatter(Spec):
    """The YAML between the `---` lines at the top of an article file."""

    title: Text
    date: datetime.datetime | None = None  # local time (settings.TIME_ZONE)
    authors: Annotated[names_of("author"), Field(min_length=1)]
    standfirst: Text
    picture: name_of("picture") = None
    tags: list[Text] = []
    extra_sections: names_of("section") = []
    sources: list[SourceLink] = []
    status: Literal["live", "draft", "scheduled"] = "live"
    go_live_after: Delay | None = None
    records: ArticleRecords = ArticleRecords()
    episode: EpisodeSpec | None = None  # in a vodcast series, and only there
    infographic: InfographicSpec | None = None  # in Infographics, and only there

    # A library entry (one of these) and its documents.
    law: LawFacts | None = None
    framework: FrameworkFacts | None = None
    research: ResearchFacts | None = None
    documents: list[AttachedDocument] = []
    statement: StatementFront | None = None
    trend: TrendFront | None = None

    def library_kind(self) -> str | None:
        """'law', 'framework' or 'research' for a library entry; None for an article."""
        return next((kind for kind in LIBRARY_KINDS if getattr(self, kind)), None)

    @model_validator(mode="after")
    def _one_library_kind(self) -> FrontMatter:
        kinds = [kind for kind in LIBRARY_KINDS if getattr(self, kind)]
        if len(kinds) > 1:
            raise ValueError(f"an entry is one of law, framework or research, not {kinds}")
        if self.documents and not kinds:
            raise ValueError("documents belong to library entries (law, framework, research)")
        return self

    @model_validator(mode="after")
    def _one_type(self) -> FrontMatter:
        """One page type per file: an episode, an infographic, a library entry, a statement
        or a trend."""
        given = [
            name
            for name in ("episode", "infographic", "statement", "trend")
            if getattr(self, name) is not None
        ] + ([self.library_kind()] if self.library_kind() else [])
        if len(given) > 1:
            raise ValueError(f"an article is one kind of page, not {' and '.join(given)}")
        return self

    @model_validator(mode="after")
    def _dated_or_scheduled(self) -> FrontMatter:
        if self.status == "scheduled":
            if self.go_live_after is None:
                raise ValueError("a scheduled article needs go_live_after, e.g. '6 hours'")
            if self.date is not None:
                raise ValueError("a scheduled article is dated when it goes live; drop date")
        else:
            if self.date is None:
                raise ValueError(f"a {self.status} article needs a date (YYYY-MM-DD HH:MM)")
            if self.go_live_after is not None:
                raise ValueError("go_live_after is for scheduled articles only")
        return self


# --- Playlists ---------------------------------------------------------------------------


class PlaylistSpec(Spec):
    """playlists.yaml: the newsroom's own playlists (editors curate them in the admin), found
    again by title. `pages` are slugs of the demo's articles (any page type), in order."""

    title: Text
    description: str = ""
    is_public: bool = True
    is_featured: bool = False
    pages: Annotated[names_of("page"), Field(min_length=1)]


# --- Tracker records ---------------------------------------------------------------------


class RecordSpec(Spec):
    """A record of the evidence desk. The fields declared here are what a file adds to the
    model: links to other records by name, nested records, and the keys the loader finds a
    record by. Any other key must be one of the model's own fields, by the name the admin form
    gives it, with one value; the model validates it when the record is saved."""

    model_config = ConfigDict(extra="allow", frozen=True)
    record_model: ClassVar[type[models.Model]]

    def own_fields(self) -> dict[str, object]:
        """The model's own fields this file sets, beyond the declared ones."""
        return dict(self.model_extra or {})

    @classmethod
    def settable(cls) -> set[str]:
        """The model fields a file may set by name."""
        fields = cls.record_model._meta.concrete_fields
        own = {f.name for f in fields if f.editable and not f.is_relation and not f.primary_key}
        return own - set(cls.model_fields) - SET_BY_LOADER

    def own_field_problems(self) -> Iterator[tuple[str, str]]:
        """(field, what is wrong) for keys that are not the model's own fields, one value each."""
        settable = self.settable()
        for field_name, value in self.own_fields().items():
            if field_name not in settable:
                yield field_name, NOT_A_FIELD
            elif isinstance(value, list | dict):
                yield field_name, "one value is expected here, not a list or a mapping"

    def links(self) -> Iterator[tuple[str, str, list[str]]]:
        """(field, kind of record, names) of the record's own lists of names: the
        many-to-many links the loader sets."""
        for field_name, info in type(self).model_fields.items():
            value = getattr(self, field_name)
            for mark in info.metadata:
                if isinstance(mark, Names) and isinstance(value, list):
                    yield field_name, mark.what, value


def keyed_by(model: type[models.Model], key: str, kind: object, doc: str) -> type[RecordSpec]:
    """The spec of a record found by one field of its own (`key`, of type `kind`); its other
    fields are the model's, as for every record."""
    spec = create_model(f"{model.__name__}Spec", __base__=RecordSpec, __doc__=doc, **{key: kind})
    spec.record_model = model
    return spec


CountrySpec = keyed_by(
    tracker.Country,
    "code",
    Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")],
    "tracker/countries.yaml: a country by its ISO code; records name it by code.",
)
ServiceSpec = keyed_by(
    tracker.Service,
    "name",
    Text,
    "tracker/services.yaml: a platform or app; `domains`, one a line, match measurements to it.",
)
SourceSpec = keyed_by(
    tracker.Source,
    "url",
    Url,
    "tracker/sources.yaml: every public source a record cites, with its kind.",
)
BenchSpec = keyed_by(
    tracker.Bench,
    "label",
    Text,
    "A bench of a court (courts.yaml), `judges` one a line; hearings name it by its label.",
)


class NetworkSpec(RecordSpec):
    """tracker/networks.yaml: an operator's network, by its ASN where one is known."""

    record_model = tracker.Network
    name: Text
    asn: int | None = None
    country: name_of("country")

    def lookup(self) -> dict[str, object]:
        """How the loader finds the network again: by ASN when it has one, else by name."""
        return {"asn": self.asn} if self.asn else {"name": self.name}


class ActorSpec(RecordSpec):
    """tracker/actors.yaml: anyone who orders, decides, petitions or campaigns."""

    record_model = tracker.Actor
    name: Text
    country: name_of("country")


class LawSpec(RecordSpec):
    """tracker/laws.yaml: a law or one provision of it; records name it by title."""

    record_model = tracker.Law
    title: Text
    jurisdiction: name_of("country")


class CourtSpec(RecordSpec):
    """tracker/courts.yaml: a court, named by full or short name, with its benches."""

    record_model = tracker.Court
    name: Text
    short_name: str = ""
    jurisdiction: name_of("country")
    benches: list[BenchSpec] = []

    def names(self) -> set[str]:
        """What a case may call the court: its name or its short name."""
        return {self.name, self.short_name} - {""}


class StatusChangeSpec(RecordSpec):
    """A dated change of an incident's or a case's status."""

    record_model = tracker.StatusChange
    date: datetime.date
    to_status: Text
    source: name_of("source") = None


class OrderSpec(RecordSpec):
    """A government order (in an incident's file) or a court order (in a case's file)."""

    record_model = tracker.Order
    title: Text
    date: datetime.date
    hearing: datetime.date | None = None  # the date of the case's hearing that made it
    issued_by: name_of("actor") = None
    sources: names_of("source") = []


class IncidentSpec(RecordSpec):
    """tracker/incidents/<slug>.yaml: the file name is the incident's slug."""

    record_model = tracker.Incident
    country: name_of("country")
    services: names_of("service") = []
    networks: names_of("network") = []
    ordered_by: names_of("actor") = []
    decision_maker: name_of("actor") = None
    legal_basis: names_of("law") = []
    sources: names_of("source") = []
    status_changes: list[StatusChangeSpec] = []
    orders: list[OrderSpec] = []


class HearingSpec(RecordSpec):
    """A hearing in a case's file, found again by its date."""

    record_model = tracker.Hearing
    date: datetime.date
    bench: str | None = None  # a bench label of the case's court (courts.yaml)
    sources: names_of("source") = []


class ConsolidationSpec(RecordSpec):
    """Two petitions of one court heard together from a date."""

    record_model = tracker.CaseConsolidation
    with_case: name_of("case")
    heard_together_from: datetime.date
    sources: names_of("source") = []


class CaseSpec(RecordSpec):
    """tracker/cases/<slug>.yaml: the file name is the case's slug."""

    record_model = tracker.LegalCase
    court: Text  # full or short name
    petitioners: names_of("actor") = []
    respondents: names_of("actor") = []
    incidents: names_of("incident") = []
    laws: names_of("law") = []
    sources: names_of("source") = []
    hearings: list[HearingSpec] = []
    orders: list[OrderSpec] = []
    status_changes: list[StatusChangeSpec] = []
    heard_together: list[ConsolidationSpec] = []


class StatementSpec(RecordSpec):
    """tracker/statements.yaml: a statement, found again by its title and date."""

    keys = (("title", "date"),)
    record_model = tracker.Statement
    title: Text
    date: datetime.date
    actors: names_of("actor") = []
    incidents: names_of("incident") = []
    sources: names_of("source") = []


class CampaignSpec(RecordSpec):
    """tracker/campaigns.yaml: a campaign, found again by its name."""

    record_model = tracker.Campaign
    name: Text
    organisers: names_of("actor") = []
    incidents: names_of("incident") = []
    sources: names_of("source") = []


# --- Campaign pages ------------------------------------------------------------------------


class ActionSpec(Spec):
    text: Text
    link: Url | None = None


class QuoteSpec(Spec):
    """A supporter's words, only as a published source gives them."""

    quote: Text
    attribution: Text
    source: Url


class CampaignPageSpec(Spec):
    """campaigns/<slug>.yaml: a campaign's page, filed under `section` with the file name as
    its slug; articles in articles/<section>/<slug>/ are filed in it. A page the section tree
    already has (#PrivacyHumSabKe) gets the blank parts filled in."""

    title: Text
    section: name_of("section")
    campaign: name_of("campaign") = None
    introduction: str = ""
    aims: list[Text] = []
    calls_to_action: list[ActionSpec] = []
    quotes: list[QuoteSpec] = []
    statements: names_of("statement") = []


# --- The measurement history (synthetic) -----------------------------------------------------


class SpanSpec(Spec):
    """A stretch of time in UTC."""

    start: datetime.datetime
    end: datetime.datetime

    @model_validator(mode="after")
    def _in_order(self) -> SpanSpec:
        if self.end <= self.start:
            raise ValueError("end must come after start")
        return self


class ProbeNetworkSpec(Spec):
    """A network the history measures from, by ASN (named in tracker/networks.yaml)."""

    asn: int = Field(gt=0)
    per_day: int = Field(default=1, ge=1, le=24)
    silent: list[SpanSpec] = []  # when this network's probe measured nothing


class MeasuredDomainSpec(Spec):
    domain: Text
    service: name_of("service") = None
    every_days: int = Field(default=1, ge=1)


class RestorationSpec(SpanSpec):
    """A brief restoration inside a block, on the networks that saw it."""

    networks: list[int]
    source: Url


class BlockSpec(SpanSpec):
    domain: Text
    sources: list[Url] = Field(min_length=1)
    restorations: list[RestorationSpec] = []


class BlockPageSpec(Spec):
    """Blocked measurements answered by a block page with the real page's title."""

    asn: int
    domain: Text
    count: int = Field(ge=0, le=3)  # below an episode's minimum: they never make one


class MeasurementHistorySpec(Spec):
    """measurements.yaml: a SYNTHETIC measurement history the demo generates and ingests into
    the measurement store (demo/measurement_history.py); every page showing it says so."""

    country: name_of("country")
    seed: int
    start: datetime.date
    end: datetime.date
    networks: list[ProbeNetworkSpec] = Field(min_length=1)
    domains: list[MeasuredDomainSpec] = Field(min_length=1)
    blocks: list[BlockSpec] = []
    block_pages: BlockPageSpec | None = None

    @model_validator(mode="after")
    def _consistent(self) -> MeasurementHistorySpec:
        if self.end <= self.start:
            raise ValueError("end must come after start")
        asns = {n.asn for n in self.networks}
        domains = {d.domain for d in self.domains}
        for block in self.blocks:
            if block.domain not in domains:
                raise ValueError(f"block of {block.domain!r}, which is not among the domains")
            for restoration in block.restorations:
                if set(restoration.networks) - asns:
                    raise ValueError(f"restoration on networks not measured: {restoration}")
        pages = self.block_pages
        if pages and (pages.asn not in asns or pages.domain not in domains):
            raise ValueError("block_pages names a network or domain that is not measured")
        return self
