"""Read the content folder into checked specs, before the database is touched.

Every file is read and every problem collected, so an editor sees all of them at once, each
as "file: field: what is wrong". References between files (an article's authors and pictures,
a case's court and bench, every source a record cites) are checked here too, so a load that
starts does not stop half-way on a typing mistake.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from itertools import chain
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from drmonitor.demo import body, schema
from drmonitor.newsroom.sections import SECTION_TYPES, section_paths

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ARTICLES = "articles"
FRONT_MATTER_FENCE = "---"
# Files articles attach, by folder: the suffix each must have, and how each must begin.
ATTACHMENTS = {"captions": (".vtt", b"WEBVTT"), "data": (".csv", b"")}
# Sections whose articles are of another kind, and the front-matter field that makes them so.
SERIES_TYPE, INFOGRAPHICS_TYPE = "media.SeriesPage", "media.InfographicsPage"


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.field, self.message) if part)


class DemoContentError(Exception):
    """Content that cannot be loaded; nothing was written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Located[S]:
    """A spec and where it was written: its file, and its place in a list file ("[3]")."""

    spec: S
    file: str
    at: str = ""

    @property
    def slug(self) -> str:
        """The record's key when the file is named after it (articles, incidents, cases)."""
        return Path(self.file).stem

    def where(self, name: str = "") -> str:
        """The path of a field of this entry in its file: "[3].role", "hearings[2].date"."""
        return ".".join(part for part in (self.at, name) if part)

    def problem(self, name: str, message: str) -> Problem:
        return Problem(self.file, self.where(name), message)


@dataclass(frozen=True)
class Article:
    section: str  # the slug path of the folder it is in, e.g. "drm-exclusive/news"
    front: schema.FrontMatter
    blocks: list[body.Block]


@dataclass(frozen=True)
class DemoContent:
    site: Located[schema.SiteSpec]
    authors: list[Located[schema.AuthorSpec]]
    pictures: list[Located[schema.PictureSpec]]
    documents: list[Located[schema.DocumentSpec]]
    accounts: list[Located[schema.AccountSpec]]
    articles: list[Located[Article]]
    countries: list[Located[schema.CountrySpec]]
    services: list[Located[schema.ServiceSpec]]
    networks: list[Located[schema.NetworkSpec]]
    actors: list[Located[schema.ActorSpec]]
    laws: list[Located[schema.LawSpec]]
    courts: list[Located[schema.CourtSpec]]
    sources: list[Located[schema.SourceSpec]]
    incidents: list[Located[schema.IncidentSpec]]
    cases: list[Located[schema.CaseSpec]]
    statements: list[Located[schema.StatementSpec]]
    campaigns: list[Located[schema.CampaignSpec]]
    series: list[Located[schema.SeriesSpec]]
    attachments: list[Located[schema.AttachmentSpec]]
    campaign_pages: list[Located[schema.CampaignPageSpec]]
    playlists: list[Located[schema.PlaylistSpec]]
    measurement_histories: list[Located[schema.MeasurementHistorySpec]]


@dataclass
class _Reader:
    root: Path
    problems: list[Problem] = field(default_factory=list)

    def name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def yaml(self, relative: str) -> object:
        path = self.root / relative
        if not path.is_file():
            self.problems.append(Problem(relative, "", "the file is missing"))
            return None
        return self._parse_yaml(relative, path.read_text(encoding="utf-8"))

    def _parse_yaml(self, name: str, text: str, first_line: int = 1) -> object:
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + first_line}: " if mark else ""
            problem = getattr(error, "problem", None) or str(error)
            self.problems.append(Problem(name, "", f"{where}not valid YAML ({problem})"))
            return None

    def validate[S: BaseModel](
        self, model: type[S], data: object, name: str, at: str = ""
    ) -> Located[S] | None:
        try:
            located = Located(model.model_validate(data), name, at)
        except ValidationError as error:
            for item in error.errors():
                place = _field_path(item["loc"])
                field_name = ".".join(part for part in (at, place) if part)
                self.problems.append(Problem(name, field_name, _message(item)))
            return None
        own = [
            Problem(name, ".".join(p for p in (at, path, field_name) if p), message)
            for path, part in schema.nested(located.spec)
            if isinstance(part, schema.RecordSpec)
            for field_name, message in part.own_field_problems()
        ]
        self.problems += own
        return None if own else located

    def one[S: BaseModel](self, model: type[S], relative: str) -> Located[S] | None:
        data = self.yaml(relative)
        return None if data is None else self.validate(model, data, relative)

    def many[S: BaseModel](self, model: type[S], relative: str) -> list[Located[S]]:
        """A list file: one entry per record."""
        data = self.yaml(relative)
        if data is None:
            return []
        if not isinstance(data, list):
            self.problems.append(Problem(relative, "", "the file must be a list of entries"))
            return []
        located = [
            self.validate(model, entry, relative, f"[{n}]") for n, entry in enumerate(data, 1)
        ]
        return [entry for entry in located if entry is not None]

    def each[S: BaseModel](self, model: type[S], folder: str) -> list[Located[S]]:
        """A folder of record files, each named after its record's slug."""
        located = []
        for path in sorted((self.root / folder).glob("*.yaml")):
            name = self.name(path)
            if not _is_slug(path.stem):
                self.problems.append(Problem(name, "", _SLUG_RULE))
                continue
            data = self._parse_yaml(name, path.read_text(encoding="utf-8"))
            entry = None if data is None else self.validate(model, data, name)
            if entry is not None:
                located.append(entry)
        return located

    def optional_many[S: BaseModel](self, model: type[S], relative: str) -> list[Located[S]]:
        """A list file that a content folder may leave out."""
        return self.many(model, relative) if (self.root / relative).is_file() else []

    def attachments(self) -> list[Located[schema.AttachmentSpec]]:
        located = []
        for folder, (suffix, start) in ATTACHMENTS.items():
            for path in sorted((self.root / folder).glob("*")):
                name = self.name(path)
                if path.suffix != suffix or not _is_slug(path.stem):
                    message = f"files here are named <slug>{suffix}: {_SLUG_RULE}"
                    self.problems.append(Problem(name, "", message))
                    continue
                data = path.read_bytes()
                if not data.removeprefix(b"\xef\xbb\xbf").startswith(start):
                    message = f"a {suffix} file starts with {start!r}"
                    self.problems.append(Problem(name, "", message))
                    continue
                spec = schema.AttachmentSpec(folder=folder, key=path.stem, data=data)
                located.append(Located(spec, name))
        return located

    def articles(self) -> list[Located[Article]]:
        located = []
        for path in sorted((self.root / ARTICLES).rglob("*.md")):
            name = self.name(path)
            article = self.article(path, name)
            if article is not None:
                located.append(Located(article, name))
        return located

    def article(self, path: Path, name: str) -> Article | None:
        if not _is_slug(path.stem):
            self.problems.append(Problem(name, "", _SLUG_RULE))
            return None
        lines = path.read_text(encoding="utf-8").split("\n")
        if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
            message = "an article starts with its front matter between two '---' lines"
            self.problems.append(Problem(name, "", message))
            return None
        try:
            end = next(n for n in range(1, len(lines)) if lines[n].strip() == FRONT_MATTER_FENCE)
        except StopIteration:
            self.problems.append(Problem(name, "", "the front matter has no closing '---' line"))
            return None
        data = self._parse_yaml(name, "\n".join(lines[1:end]), first_line=2)
        if data is None:
            return None
        front = self.validate(schema.FrontMatter, data, name)
        body_start = end + 2  # the line after the closing fence, counted from 1
        try:
            blocks = body.parse_body("\n".join(lines[end + 1 :]))
        except body.BodyError as error:
            line = error.line + body_start - 1
            self.problems.append(Problem(name, "body", f"line {line}: {error.message}"))
            return None
        if front is None:
            return None
        section = path.parent.relative_to(self.root / ARTICLES).as_posix()
        return Article(section=section, front=front.spec, blocks=blocks)


_SLUG_RULE = "file names are slugs: lower-case letters, digits and single hyphens"


def _is_slug(text: str) -> bool:
    return re.fullmatch(schema.SLUG, text) is not None


def _field_path(loc: tuple) -> str:
    """('hearings', 2, 'date') -> 'hearings[3].date': positions are counted from 1."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _message(item: dict) -> str:
    message = item["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if item["type"] == "extra_forbidden":
        message = schema.NOT_A_FIELD
    return message


def read_content(root: Path = CONTENT_DIR) -> DemoContent:
    """Every file under `root`, checked; raises DemoContentError naming each problem."""
    reader = _Reader(root)
    tracker = "tracker"
    site = reader.one(schema.SiteSpec, "site.yaml")
    content = DemoContent(
        site=site,  # type: ignore[arg-type] - checked below with everything else
        authors=reader.many(schema.AuthorSpec, "authors.yaml"),
        pictures=reader.many(schema.PictureSpec, "pictures.yaml"),
        documents=reader.many(schema.DocumentSpec, "documents.yaml"),
        accounts=reader.many(schema.AccountSpec, "accounts.yaml"),
        articles=reader.articles(),
        countries=reader.many(schema.CountrySpec, f"{tracker}/countries.yaml"),
        services=reader.many(schema.ServiceSpec, f"{tracker}/services.yaml"),
        networks=reader.many(schema.NetworkSpec, f"{tracker}/networks.yaml"),
        actors=reader.many(schema.ActorSpec, f"{tracker}/actors.yaml"),
        laws=reader.many(schema.LawSpec, f"{tracker}/laws.yaml"),
        courts=reader.many(schema.CourtSpec, f"{tracker}/courts.yaml"),
        sources=reader.many(schema.SourceSpec, f"{tracker}/sources.yaml"),
        incidents=reader.each(schema.IncidentSpec, f"{tracker}/incidents"),
        cases=reader.each(schema.CaseSpec, f"{tracker}/cases"),
        statements=reader.many(schema.StatementSpec, f"{tracker}/statements.yaml"),
        campaigns=reader.many(schema.CampaignSpec, f"{tracker}/campaigns.yaml"),
        series=reader.optional_many(schema.SeriesSpec, "series.yaml"),
        attachments=reader.attachments(),
        campaign_pages=reader.each(schema.CampaignPageSpec, "campaigns"),
        playlists=reader.many(schema.PlaylistSpec, "playlists.yaml"),
        measurement_histories=reader.optional_many(
            schema.MeasurementHistorySpec, "measurements.yaml"
        ),
    )
    if not reader.problems:
        reader.problems += cross_reference_problems(content)
    if reader.problems:
        raise DemoContentError(reader.problems)
    return content


# --- References between files ------------------------------------------------------------


def _unique(entries: list[Located], *fields: str) -> list[Problem]:
    """Problems for entries of a list file that share the key made of `fields`."""

    def key(entry: Located) -> tuple:
        return tuple(getattr(entry.spec, name) for name in fields)

    counts = Counter(key(entry) for entry in entries)
    return [
        entry.problem(fields[0], f"{' '.join(map(str, key(entry)))!r} is given more than once")
        for entry in entries
        if counts[key(entry)] > 1
    ]


def cross_reference_problems(content: DemoContent) -> list[Problem]:
    problems = [
        problem
        for entries in _lists(content)
        if entries and entries[0].at  # entries of list files; other files are named by slug
        for key in type(entries[0].spec).key_fields()
        for problem in _unique(entries, *key)
    ]
    return (
        problems
        + _name_problems(content)
        + _article_problems(content)
        + _medium_problems(content)
        + _case_problems(content)
        + _history_problems(content)
    )


def _lists(content: DemoContent) -> list[list[Located]]:
    """Every list of entries: all the content but the site settings."""
    return [getattr(content, f.name) for f in fields(content) if f.name != "site"]


def _known_names(content: DemoContent) -> dict[str, set[str]]:
    """What a reference of each kind may name (schema.Names)."""
    return {
        "author": {entry.spec.slug for entry in content.authors},
        "picture": {entry.spec.key for entry in content.pictures},
        "document": {entry.spec.key for entry in content.documents},
        "section": set(section_paths()) | campaign_page_paths(content),
        "country": {entry.spec.code for entry in content.countries},
        "service": {entry.spec.name for entry in content.services},
        "network": {entry.spec.name for entry in content.networks},
        "actor": {entry.spec.name for entry in content.actors},
        "law": {entry.spec.title for entry in content.laws},
        "source": {entry.spec.url for entry in content.sources},
        "incident": {entry.slug for entry in content.incidents},
        "case": {entry.slug for entry in content.cases},
        "statement": {entry.spec.title for entry in content.statements},
        "campaign": {entry.spec.name for entry in content.campaigns},
        "page": {entry.slug for entry in content.articles},
    }


def campaign_page_paths(content: DemoContent) -> set[str]:
    """The slug paths of the campaign pages, which articles may be filed in as in sections."""
    return {f"{entry.spec.section}/{entry.slug}" for entry in content.campaign_pages}


def _name_problems(content: DemoContent) -> list[Problem]:
    """Every name a file gives must be in the file that lists that kind of record."""
    known = _known_names(content)
    problems = []
    for entry in [content.site, *chain.from_iterable(_lists(content))]:
        spec = entry.spec.front if isinstance(entry.spec, Article) else entry.spec
        for path, what, values in schema.references(spec):
            problems += [
                entry.problem(path, f"no {what} {value!r} (spelt as in its own file?)")
                for value in values
                if value not in known[what]
            ]
    return problems


def _history_problems(content: DemoContent) -> list[Problem]:
    """A measurement history measures from networks the tracker names, by ASN."""
    known = {entry.spec.asn for entry in content.networks if entry.spec.asn}
    return [
        entry.problem(f"networks[{n}].asn", f"no network with ASN {network.asn} in networks.yaml")
        for entry in content.measurement_histories
        for n, network in enumerate(entry.spec.networks, 1)
        if network.asn not in known
    ]


def _article_problems(content: DemoContent) -> list[Problem]:
    """What only an article has: its folder's section, and the pictures, documents and
    hearings its body and front matter name."""
    known = _known_names(content)
    hearings = {(c.slug, h.date) for c in content.cases for h in c.spec.hearings}
    slugs = Counter(entry.slug for entry in content.articles)
    problems = []
    for entry in content.articles:
        article = entry.spec
        if slugs[entry.slug] > 1:
            problems.append(entry.problem("", f"another article has the slug {entry.slug!r}"))
        if article.section not in known["section"]:
            message = f"the folder {article.section!r} is not a section"
            problems.append(entry.problem("section", message))
        for block in article.blocks:
            if isinstance(block, body.Picture) and block.key not in known["picture"]:
                problems.append(entry.problem("body", f"no picture {block.key!r}"))
            if isinstance(block, body.DocumentLink) and block.key not in known["document"]:
                problems.append(entry.problem("body", f"no document {block.key!r}"))
        problems += _library_problems(entry)
        for n, ref in enumerate(article.front.records.reports_hearings, 1):
            if (ref.case, ref.date) not in hearings:
                where = f"records.reports_hearings[{n}]"
                problems.append(entry.problem(where, f"no hearing of {ref.case} on {ref.date}"))
    return problems


def _medium_problems(content: DemoContent) -> list[Problem]:
    """An article in a vodcast series is an episode and one in Infographics an infographic, and
    only those are; an episode's season is one of its series', its captions and an
    infographic's data are files in captions/ and data/."""
    attached = {(e.spec.folder, e.spec.key) for e in content.attachments}
    seasons = {
        (entry.spec.section, season.number)
        for entry in content.series
        for season in entry.spec.seasons
    }
    problems = []
    for entry in content.articles:
        article, front = entry.spec, entry.spec.front
        kind = SECTION_TYPES.get(article.section)
        for field_name, wanted in (("episode", SERIES_TYPE), ("infographic", INFOGRAPHICS_TYPE)):
            given = getattr(front, field_name) is not None
            if given and kind != wanted:
                message = f"only an article in a section of type {wanted} has this"
                problems.append(entry.problem(field_name, message))
            if kind == wanted and not given:
                message = f"an article in {article.section} needs its {field_name} fields"
                problems.append(entry.problem(field_name, message))
        episode, infographic = front.episode, front.infographic
        if episode is not None:
            if episode.season is not None and (article.section, episode.season) not in seasons:
                message = f"no season {episode.season} of {article.section} in series.yaml"
                problems.append(entry.problem("episode.season", message))
            for n, captions in enumerate(episode.captions, 1):
                if ("captions", captions.file) not in attached:
                    message = f"no file captions/{captions.file}.vtt"
                    problems.append(entry.problem(f"episode.captions[{n}].file", message))
        if infographic is not None and infographic.data is not None:
            if ("data", infographic.data) not in attached:
                message = f"no file data/{infographic.data}.csv"
                problems.append(entry.problem("infographic.data", message))
    return problems


def _library_problems(entry: Located[Article]) -> list[Problem]:
    """A library entry sits in a section of its kind, and a library section holds only
    entries of its kind."""
    kind = entry.spec.front.library_kind()
    section_type = SECTION_TYPES.get(entry.spec.section)
    wanted = [name for name, held_in in schema.LIBRARY_KINDS.items() if held_in == section_type]
    if kind is None and wanted:
        message = f"an entry of this section needs its {' or '.join(wanted)}: record"
        return [entry.problem("", message)]
    if kind is not None and kind not in wanted:
        return [entry.problem(kind, f"the folder {entry.spec.section!r} holds no {kind} entries")]
    return []


def _case_problems(content: DemoContent) -> list[Problem]:
    """A case's court, its hearings' benches (of that court) and dates, and its orders'
    hearings."""
    courts = {name: entry.spec for entry in content.courts for name in entry.spec.names()}
    problems = []
    for entry in content.cases:
        court = courts.get(entry.spec.court)
        if court is None:
            problems.append(entry.problem("court", f"no court {entry.spec.court!r} in courts.yaml"))
            continue
        benches = {bench.label for bench in court.benches}
        dates = Counter(hearing.date for hearing in entry.spec.hearings)
        for n, hearing in enumerate(entry.spec.hearings, 1):
            if dates[hearing.date] > 1:
                problems.append(entry.problem(f"hearings[{n}].date", "two hearings on one day"))
            if hearing.bench is not None and hearing.bench not in benches:
                message = f"no bench {hearing.bench!r} of {court.name} in courts.yaml"
                problems.append(entry.problem(f"hearings[{n}].bench", message))
        for n, order in enumerate(entry.spec.orders, 1):
            if order.hearing is not None and order.hearing not in dates:
                problems.append(
                    entry.problem(f"orders[{n}].hearing", f"no hearing on {order.hearing}")
                )
    for entry in content.incidents:
        for n, order in enumerate(entry.spec.orders, 1):
            if order.hearing is not None:
                message = "an incident's order has no hearing; a court order is in its case's file"
                problems.append(entry.problem(f"orders[{n}].hearing", message))
    return problems
