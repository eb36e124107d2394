"""Factories for tracker tests: each builds a valid record with as little as a test cares about.

`x_ban_file()` builds a whole story the way an editor would record it (a platform block with its
order, cases in four high courts with hearings and orders, a consolidation, status changes, a
statement, a campaign, and other incidents around it), for tests of pages, feeds, the timeline
and the API that need many kinds of record at once. Tests state the facts they rely on.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import factory
from modelcluster.models import ClusterableModel

from drmonitor.tracker import models as tracker

D = datetime.date


def model_factory(model: type, find_by: tuple[str, ...] = (), **declarations):
    """A factory for `model` with these declarations, as a factory class would list them.

    `find_by` names the fields that identify a record, so asking twice for the same one (a
    country by its code) returns it rather than failing on a unique field. Many-to-many links
    are passed as lists, e.g. `IncidentFactory(services=[x])`.
    """
    meta = type(
        "Meta",
        (),
        {"model": model, "django_get_or_create": find_by, "skip_postgeneration_save": True},
    )
    namespace = {"Meta": meta, **declarations}
    return type(f"{model.__name__}Factory", (factory.django.DjangoModelFactory,), namespace)


def links(*fields: str) -> dict[str, factory.PostGeneration]:
    """Post-generation hooks that set many-to-many fields from lists passed at build time."""

    def hook_for(field: str) -> factory.PostGeneration:
        def hook(obj, create, extracted, **kwargs):
            if create and extracted:
                getattr(obj, field).set(extracted)
                if isinstance(obj, ClusterableModel):
                    obj.save()  # a cluster writes its links (a hearing's sources) when saved

        return factory.PostGeneration(hook)

    return {field: hook_for(field) for field in fields}


def numbered(text: str) -> factory.Sequence:
    """'Service {n}' -> Service 0, Service 1, ..."""
    return factory.Sequence(lambda n: text.format(n=n))


def pakistan() -> factory.SubFactory:
    return factory.SubFactory(CountryFactory)


CountryFactory = model_factory(tracker.Country, ("code",), code="PK", name="Pakistan")
ServiceFactory = model_factory(
    tracker.Service,
    ("name",),
    name=numbered("Service {n}"),
    domains=factory.LazyAttribute(lambda o: f"{o.name.lower().replace(' ', '')}.example"),
)
NetworkFactory = model_factory(
    tracker.Network, ("name",), name=numbered("Operator {n}"), kind="mobile", country=pakistan()
)
ActorFactory = model_factory(
    tracker.Actor, ("name",), name=numbered("Authority {n}"), kind="authority", country=pakistan()
)
LawFactory = model_factory(
    tracker.Law, ("title",), title=numbered("Act {n}, section 1"), jurisdiction=pakistan()
)
CourtFactory = model_factory(
    tracker.Court,
    ("name",),
    name=numbered("High Court {n}"),
    short_name=numbered("HC{n}"),
    level="high",
    jurisdiction=pakistan(),
)
BenchFactory = model_factory(
    tracker.Bench, court=factory.SubFactory(CourtFactory), label=numbered("Bench {n}")
)
SourceFactory = model_factory(
    tracker.Source, ("url",), url=numbered("https://news.example/story-{n}"), kind="news"
)
IncidentFactory = model_factory(
    tracker.Incident,
    title=numbered("Incident {n}"),
    kind="platform_block",
    country=pakistan(),
    start_date=D(2024, 2, 17),
    **links("services", "networks", "ordered_by", "legal_basis", "sources", "articles"),
)
LegalCaseFactory = model_factory(
    tracker.LegalCase,
    court=factory.SubFactory(CourtFactory),
    title=numbered("Petitioner {n} v. Federation of Pakistan"),
    **links("petitioners", "respondents", "incidents", "laws", "sources", "articles"),
)
HearingFactory = model_factory(
    tracker.Hearing,
    case=factory.SubFactory(LegalCaseFactory),
    date=D(2024, 3, 5),
    **links("sources"),
)
OrderFactory = model_factory(
    tracker.Order, title=numbered("Order {n}"), kind="written_order", **links("sources")
)
StatusChangeFactory = model_factory(tracker.StatusChange, to_status="Ongoing")
StatementFactory = model_factory(
    tracker.Statement,
    title=numbered("Joint statement {n}"),
    date=D(2024, 3, 13),
    **links("actors", "incidents", "sources"),
)
CampaignFactory = model_factory(
    tracker.Campaign,
    name=numbered("Campaign {n}"),
    start_date=D(2024, 4, 5),
    **links("organisers", "incidents", "sources"),
)
CaseConsolidationFactory = model_factory(tracker.CaseConsolidation)


# --- A whole story ------------------------------------------------------------------------

BLOCKING_LETTER = "https://news.example/interior-ministry-orders-ban-on-x"


@dataclass(frozen=True)
class XBanFile:
    """What `x_ban_file()` built, by the names tests use."""

    incident: tracker.Incident
    shc: tracker.LegalCase  # Sindh High Court, heard together with the election-day petitions
    shc_election: tracker.LegalCase
    ihc: tracker.LegalCase  # Islamabad High Court, filed 4 March 2024
    lhc: tracker.LegalCase  # Lahore High Court, disposed of on 24 November 2025
    phc: tracker.LegalCase  # Peshawar High Court, against the Ministry of Interior
    others: list[tracker.Incident]


def ended(title: str, start: datetime.date, end: datetime.date, **fields) -> tracker.Incident:
    """An incident over by now; a network shutdown unless `kind` says otherwise."""
    fields.setdefault("kind", "network_shutdown")
    return IncidentFactory(title=title, start_date=start, end_date=end, status="Ended", **fields)


def x_ban_file() -> XBanFile:
    """X blocked in Pakistan from 17 February 2024 to 7 May 2025 (445 days), and its cases.

    The newest event on its timeline is the Lahore High Court disposing of the petitions on
    24 November 2025; the Ministry of Interior's blocking letter (BLOCKING_LETTER) is the order
    of the first day and the source of the Sindh High Court hearing of 20 March 2024.
    """
    x = ServiceFactory(name="X", domains="x.com\ntwitter.com\ntwimg.com\nt.co")
    signal = ServiceFactory(name="Signal", domains="signal.org")
    interior = ActorFactory(name="Ministry of Interior", short_name="MoI")
    pta = ActorFactory(
        name="Pakistan Telecommunication Authority", short_name="PTA", kind="regulator"
    )
    federation = ActorFactory(name="Federation of Pakistan")
    mmfd = ActorFactory(name="Media Matters for Democracy", short_name="MMfD", kind="civil_society")
    letter = SourceFactory(url=BLOCKING_LETTER)
    ooni = SourceFactory(url="https://explorer.ooni.org/findings/255040833200", kind="ooni")
    restored = SourceFactory(url="https://news.example/x-restored-in-pakistan")
    incident = ended(
        "X blocked in Pakistan",
        D(2024, 2, 17),
        D(2025, 5, 7),
        kind="platform_block",
        slug="x-blocked-in-pakistan",
        areas="Nationwide",
        geo_scope="It affected locations in more than one state, province, or region",
        affected_network="Broadband, Mobile",
        extent="Service-based",
        ordered_by_level="Executive government",
        decision_maker=interior,
        stated_justification="National security/ Counter-terrorism",
        government_acknowledged="Yes",
        government_ack_source=BLOCKING_LETTER,
        legal_method="Ministry of Interior letter to the PTA, 17 February 2024",
        services=[x],
        networks=[NetworkFactory(name="PTCL", asn=17557, kind="broadband")],
        ordered_by=[interior, pta],
        sources=[letter, ooni, restored],
    )
    StatusChangeFactory(incident=incident, date=D(2024, 2, 17), to_status="Ongoing")
    StatusChangeFactory(
        incident=incident,
        date=D(2025, 5, 7),
        from_status="Ongoing",
        to_status="Ended",
        note="The PTA chairman tells the Senate IT committee X is restored.",
        source=restored,
    )
    OrderFactory(
        title="Ministry of Interior letter to the PTA ordering X blocked",
        kind="government_order",
        date=D(2024, 2, 17),
        incident=incident,
        issued_by=interior,
        sources=[letter],
    )
    shc, shc_election = _sindh_cases(incident, federation, interior, pta, letter)
    ihc = _islamabad_case(incident, federation, pta)
    lhc = _lahore_case(incident, federation)
    phc = LegalCaseFactory(
        court=CourtFactory(name="Peshawar High Court", short_name="PHC"),
        slug="phc-kakakhel-x-ban",
        title="Nauman Muhib Kakakhel v. Ministry of Interior",
        status="notice_issued",
        petitioners=[ActorFactory(name="Nauman Muhib Kakakhel", kind="person")],
        respondents=[interior],
        incidents=[incident],
    )
    HearingFactory(case=phc, date=D(2024, 3, 21), result="reply_sought")
    StatementFactory(
        title="Civil-society statement on continued network shutdowns and platform blocking",
        date=D(2024, 3, 13),
        actors=[mmfd],
        incidents=[incident],
    )
    CampaignFactory(
        name="Restore X",
        hashtags="#RestoreX #internetkholo",
        start_date=D(2024, 4, 5),
        organisers=[mmfd],
        incidents=[incident],
    )
    others = [
        ended("Mobile services suspended on election day", D(2024, 2, 8), D(2024, 2, 8)),
        IncidentFactory(title="Signal blocked", start_date=D(2024, 8, 26), services=[signal]),
        ended("Mobile data suspended in Balochistan", D(2025, 8, 6), D(2025, 8, 31)),
        *(ended(f"Protest shutdown {n}", D(2024, 5 + n, 10), D(2024, 5 + n, 12)) for n in range(5)),
    ]
    shc_election.incidents.set([others[0]])
    shc_election.save()  # a case writes its links when saved
    return XBanFile(incident, shc, shc_election, ihc, lhc, phc, others)


def _sindh_cases(
    incident, federation, interior, pta, letter
) -> tuple[tracker.LegalCase, tracker.LegalCase]:
    court = CourtFactory(name="Sindh High Court", short_name="SHC")
    bench = BenchFactory(
        court=court,
        label="Division bench headed by CJ Aqeel Ahmed Abbasi",
        bench_type="division",
        judges="Chief Justice Aqeel Ahmed Abbasi\nJustice Abdul Mubeen Lakho",
    )
    election = LegalCaseFactory(
        court=court,
        slug="shc-election-shutdown-petitions",
        title="PILAP and others v. Federation of Pakistan (election-day shutdown)",
        status="notice_issued",
        respondents=[federation, pta],
    )
    case = LegalCaseFactory(
        court=court,
        slug="shc-jibran-nasir-x-ban",
        title="Jibran Nasir and others v. Federation of Pakistan (X ban)",
        status="arguments",
        petitioners=[ActorFactory(name="Jibran Nasir", kind="person")],
        respondents=[federation, interior, pta],
        incidents=[incident],
        sources=[letter],
    )
    first = HearingFactory(
        case=case, date=D(2024, 2, 21), bench=bench, result="interim_relief_granted"
    )
    HearingFactory(case=case, date=D(2024, 3, 5), bench=bench, result="contempt_notice")
    HearingFactory(case=case, date=D(2024, 3, 20), bench=bench, result="summoned", sources=[letter])
    HearingFactory(case=case, date=D(2024, 4, 17), bench=bench, result="reply_sought")
    HearingFactory(case=case, date=D(2024, 9, 12), result="adjourned")
    HearingFactory(case=case, date=D(2024, 12, 10), result="adjourned")
    OrderFactory(
        title="SHC written order: restore X in full",
        date=D(2024, 2, 22),
        case=case,
        hearing=first,
    )
    StatusChangeFactory(
        case=case, date=D(2024, 2, 21), from_status="filed", to_status="notice_issued"
    )
    StatusChangeFactory(
        case=case, date=D(2024, 12, 10), from_status="notice_issued", to_status="arguments"
    )
    CaseConsolidationFactory(
        case=case,
        with_case=election,
        heard_together_from=D(2024, 3, 20),
        separated_on=D(2024, 12, 10),
        note="Four petitions clubbed on 20 March 2024.",
    )
    return case, election


def _islamabad_case(incident, federation, pta) -> tracker.LegalCase:
    case = LegalCaseFactory(
        court=CourtFactory(name="Islamabad High Court", short_name="IHC"),
        slug="ihc-ehtisham-abbasi-x-ban",
        title="Ehtisham Abbasi v. Federation of Pakistan (X ban)",
        filed_on=D(2024, 3, 4),
        status="replies_awaited",
        petitioners=[ActorFactory(name="Ehtisham Abbasi", kind="person")],
        respondents=[federation, pta],
        incidents=[incident],
    )
    HearingFactory(case=case, date=D(2024, 3, 5), result="notice_issued")
    HearingFactory(case=case, date=D(2024, 4, 3), result="summoned")
    return case


def _lahore_case(incident, federation) -> tracker.LegalCase:
    case = LegalCaseFactory(
        court=CourtFactory(name="Lahore High Court", short_name="LHC"),
        slug="lhc-judicial-activism-panel-x-ban",
        title=(
            "Hafiz Shakir Mahmood, Judicial Activism Panel and others v. Federation of Pakistan "
            "(X ban)"
        ),
        status="disposed_of",
        decided_on=D(2025, 11, 24),
        respondents=[federation],
        incidents=[incident],
    )
    HearingFactory(case=case, date=D(2025, 3, 20), result="summoned")
    HearingFactory(case=case, date=D(2025, 4, 8), result="summoned")
    HearingFactory(case=case, date=D(2025, 11, 24), result="disposed_of")
    return case
