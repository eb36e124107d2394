"""The API's response shapes. Field names are part of the contract: add fields, never rename.

Dates are ISO 8601 (YYYY-MM-DD); every record carries `url` (its page on the site) and
`api_url` (its record here), both absolute.
"""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict)


class CountryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2")
    name: str


class ServiceRef(Schema):
    slug: str
    name: str
    url: str
    api_url: str


class ServiceOut(ServiceRef):
    domains: list[str]
    website: str
    incident_count: int


class NetworkOut(Schema):
    name: str
    asn: int | None


class SourceOut(Schema):
    url: str
    kind: str
    title: str
    publisher: str
    date: datetime.date | None


class IncidentRef(Schema):
    slug: str
    title: str
    url: str
    api_url: str


class CaseRef(Schema):
    slug: str
    title: str
    court: str
    url: str
    api_url: str


class IncidentOut(Schema):
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


class CourtOut(Schema):
    id: int
    name: str
    short_name: str


class HearingOut(Schema):
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


class HearingInCase(Schema):
    id: int
    date: datetime.date
    result: str
    what_happened: str
    next_date: datetime.date | None
    url: str
    api_url: str


class CaseOut(Schema):
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


class CaseDetailOut(CaseOut):
    hearings: list[HearingInCase]
    sources: list[SourceOut]


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """A page of `item`s: the total count and absolute links to the neighbouring pages."""
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
