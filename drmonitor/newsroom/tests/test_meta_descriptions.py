"""Every listing and record page describes itself from its own content, not the site tagline."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup

from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import ArticlePageFactory, AuthorFactory, full_story
from drmonitor.newsroom.models import SectionPage
from drmonitor.tracker.models import Country, Court, Incident, LegalCase

TAGLINE = "Reporting on digital rights, internet freedom and technology policy in Pakistan"


def _description(client, url: str) -> str:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.select_one('meta[name="description"]')["content"]


def test_sections_tags_authors_and_records_describe_themselves(client, home):
    settings = SiteSettings.load()
    settings.tagline = TAGLINE
    settings.save()
    story = full_story(home)
    editorial = SectionPage.objects.get(slug="editorial")
    writer = AuthorFactory(name="Sana Mirza", slug="sana-mirza", role="Reporter", bio="")
    ArticlePageFactory(parent=editorial, title="The cost of switching off", tag_names=["X ban"])
    pakistan = Country.objects.create(code="PK", name="Pakistan")
    Incident.objects.create(
        title="X blocked in Pakistan",
        kind="platform_block",
        country=pakistan,
        start_date=datetime.date(2024, 2, 17),
        summary="X was blocked nationwide from 17 February 2024.",
    )
    court = Court.objects.create(name="Sindh High Court", level="high", jurisdiction=pakistan)
    case = LegalCase.objects.create(court=court, title="Nasir v. Federation")

    described = {
        editorial.url: "Editorial: reporting from Digital Rights Monitor. Latest: The cost of "
        "switching off.",
        "/tag/x-ban/": "Digital Rights Monitor's reporting tagged \u201cX ban\u201d",
        writer.get_absolute_url(): "Stories by Sana Mirza, Reporter at Digital Rights Monitor.",
        "/incidents/x-blocked-in-pakistan/": "X was blocked nationwide from 17 February 2024.",
        case.get_absolute_url(): "Nasir v. Federation, before the Sindh High Court.",
        "/incidents/": "Internet shutdowns, platform blocks and other incidents in Pakistan",
        "/cases/": "The digital-rights cases in Pakistan's courts",
        "/hearings/upcoming/": "The next hearings",
    }
    for url, opening in described.items():
        description = _description(client, url)
        assert description.startswith(opening), (url, description)
        assert TAGLINE not in description
    assert _description(client, story.url) == story.standfirst
