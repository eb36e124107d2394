"""Campaign and statement pages as a reader meets them: the facts, the linked records and
articles, the signatories counted, the lists, search and feeds."""

from __future__ import annotations

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.rich_text import RichText

from drmonitor.advocacy.factories import CampaignPageFactory, StatementPageFactory
from drmonitor.advocacy.models import CampaignPage, Signatory, StatementPage, StatementsPage
from drmonitor.newsroom.sections import find_section
from drmonitor.newsroom.tests.discovery_support import publish
from drmonitor.tracker.factories import (
    ActorFactory,
    CampaignFactory,
    IncidentFactory,
    StatementFactory,
)

D = datetime.date


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


@pytest.fixture
def statements(home) -> StatementsPage:
    return find_section(home, "drm-advocacy/statements")


@pytest.fixture
def restorex(home, statements):
    """#RestoreX: its record, a statement with a page, one without, an article filed in it."""
    organiser = ActorFactory(name="Media Matters for Democracy", kind="civil_society")
    block = IncidentFactory(title="X blocked in Pakistan", start_date=D(2024, 2, 17))
    record = CampaignFactory(
        name="Restore X",
        hashtags="#RestoreX #internetkholo",
        start_date=D(2024, 4, 5),
        organisers=[organiser],
        incidents=[block],
    )
    with_page = StatementPageFactory(parent=statements, title="Unblock X, repeal section 37")
    without_page = StatementFactory(title="A call by 31 groups", date=D(2024, 3, 17))
    campaigns = find_section(home, "drm-exclusive/campaigns")
    page = CampaignPageFactory(
        parent=campaigns,
        title="#RestoreX",
        slug="restorex",
        campaign=record,
        introduction="Give people back access to X.",
        aims=RichText("<p>Restore access to X without conditions.</p>"),
        calls_to_action=[("action", {"text": "Post under #RestoreX", "link": ""})],
    )
    page.statements.set([with_page.statement, without_page])
    page.save_revision().publish()
    article = publish(page, "Campaign launched against the X suspension")
    return {"page": page, "article": article, "statement_page": with_page, "block": block}


def test_campaign_page_shows_its_record_and_lists_what_is_linked_to_it(client, restorex):
    page = soup(client.get(restorex["page"].url))
    facts = text(page.select_one(".campaign__facts"))
    assert "#RestoreX" in facts and "#internetkholo" in facts
    assert "From 5 April 2024" in facts
    assert "Media Matters for Democracy" in facts
    assert "Restore access to X without conditions." in text(page.select_one(".campaign__aims"))
    assert text(page.select_one(".actions")) == "Post under #RestoreX"
    statements = [text(li) for li in page.select(".campaign-statement")]
    assert statements == [
        "17 March 2024 A call by 31 groups",
        "13 March 2024 Unblock X, repeal section 37",
    ]
    # The one with a page links to it; the other has no page and no address of its own.
    links = page.select(".campaign-statement a")
    assert [link["href"] for link in links] == [restorex["statement_page"].url]
    assert [text(a) for a in page.select(".campaign-incident a")] == ["X blocked in Pakistan"]
    articles = text(page.select_one(".campaign__articles"))
    assert "Campaign launched against the X suspension" in articles
    # Quotes are shown only when given: none were.
    assert page.select_one(".campaign__quotes") is None


def test_a_campaign_with_unknown_dates_says_so(client, home):
    privacy = find_section(home, "drm-exclusive/campaigns/privacyhumsabke")
    assert isinstance(privacy, CampaignPage)
    privacy.campaign = CampaignFactory(name="Privacy", hashtags="#PrivacyHumSabKe", start_date=None)
    privacy.save_revision().publish()
    facts = text(soup(client.get(privacy.url)).select_one(".campaign__facts"))
    assert "Dates Not recorded" in facts
    assert "Organised by Not recorded" in facts
    assert "#PrivacyHumSabKe" in facts


def test_campaigns_section_lists_every_campaign(client, restorex, home):
    campaigns = find_section(home, "drm-exclusive/campaigns")
    cards = [text(h) for h in soup(client.get(campaigns.url)).select(".campaign-card h3")]
    assert cards == ["#RestoreX", "#PrivacyHumSabKe"]


def test_statement_with_a_stated_count_and_no_names(client, statements):
    page = StatementPageFactory(parent=statements, statement=StatementFactory(signatory_count=70))
    html = soup(client.get(page.url))
    assert text(html.select_one(".signatories-count")) == "70 stated"
    assert html.select_one(".signatories__stated")["data-stated"] == "70"
    assert html.select_one(".signatories__listed") is None
    none = text(html.select_one(".signatories__none"))
    assert none == "Names not recorded. Reports state 70 signatories."


def test_statement_with_names_and_no_stated_count(client, statements):
    page = StatementPageFactory(
        parent=statements,
        signatories=[
            ("Group A", Signatory.Kind.ORGANISATION),
            ("A. Person", Signatory.Kind.INDIVIDUAL),
            ("Group B", Signatory.Kind.ORGANISATION),
        ],
    )
    html = soup(client.get(page.url))
    assert text(html.select_one(".signatories-count")) == "3 listed"
    assert html.select_one(".signatories__stated") is None
    headings = [text(h) for h in html.select(".signatories__heading")]
    assert headings == ["Organisations (2)", "Individuals (1)"]
    organisations = [text(li) for li in html.select(".signatories__list--organisations li")]
    assert organisations == ["Group A", "Group B"]
    assert [text(li) for li in html.select(".signatories__list--individuals li")] == ["A. Person"]


def test_statement_with_neither_says_not_recorded(client, statements):
    page = StatementPageFactory(parent=statements)
    html = soup(client.get(page.url))
    assert text(html.select_one(".signatories-count")) == "Not recorded"
    assert text(html.select_one(".signatories__none")) == "Names not recorded."


def test_statement_page_shows_date_issuers_campaign_and_download(client, restorex):
    from drmonitor.newsroom.factories import DocumentFactory

    page = restorex["statement_page"]
    issuer = ActorFactory(name="Bytes for All", kind="civil_society")
    page.statement.actors.set([issuer])
    document = DocumentFactory(title="The statement as issued")
    page.downloads = [("document", {"document": document, "title": ""})]
    page.save_revision().publish()
    html = soup(client.get(page.url))
    facts = text(html.select_one(".statement-facts"))
    assert "Issued on 13 March 2024" in facts
    assert "Issued by Bytes for All" in facts
    assert "Part of #RestoreX" in facts
    download = html.select_one(".download__link")
    assert text(download) == "The statement as issued"
    assert download["href"] == document.url
    assert client.get(document.url).status_code == 200


def test_statements_section_lists_statements_by_their_date(client, statements):
    StatementPageFactory(
        parent=statements,
        title="Older statement",
        statement=StatementFactory(date=D(2024, 3, 13), signatory_count=31),
        date_published=timezone.now(),
    )
    StatementPageFactory(
        parent=statements,
        title="Newer statement",
        statement=StatementFactory(date=D(2025, 1, 24)),
        signatories=[("Group A", "organisation")],
        date_published=timezone.now() - datetime.timedelta(days=30),
    )
    rows = soup(client.get(statements.url)).select(".statement-row")
    assert [text(row) for row in rows] == [
        "24 January 2025 Newer statement 1 listed",
        "13 March 2024 Older statement 31 stated",
    ]


def statement_by_editor(parent: StatementsPage, title: str, signatory: str) -> StatementPage:
    """A statement with its signatories given in the same publish, as the admin form does."""
    page = StatementPage(
        title=title, standfirst="Groups ask for access.", statement=StatementFactory(), live=False
    )
    parent.add_child(instance=page)
    page.signatories.add(Signatory(name=signatory, kind="organisation"))
    page.save_revision().publish()
    return page


def test_site_search_finds_statements_by_signatory_and_campaigns_by_hashtag(
    client, restorex, statements
):
    statement_by_editor(statements, "Joint call on access", "Zebrafish Rights Collective")
    found = soup(client.get("/search/", {"q": "Zebrafish"}))
    assert [text(a) for a in found.select(".search-hit__title a")] == ["Joint call on access"]
    found = soup(client.get("/search/", {"q": "internetkholo"}))
    assert [text(a) for a in found.select(".search-hit__title a")] == ["#RestoreX"]


def test_statements_and_campaign_articles_have_feeds(client, restorex, statements):
    feed = feedparser.parse(client.get(statements.url + "feed/").content)
    assert [entry.title for entry in feed.entries] == ["Unblock X, repeal section 37"]
    feed = feedparser.parse(client.get(restorex["page"].url + "feed/").content)
    assert [entry.title for entry in feed.entries] == ["Campaign launched against the X suspension"]


def test_a_new_statement_page_appears_on_a_cached_campaign_page(
    client, restorex, statements, committed
):
    campaign = restorex["page"]
    record = StatementFactory(title="Later call", date=D(2024, 5, 1))
    with committed():
        campaign.statements.add(record)
        campaign.save_revision().publish()
    assert "Later call" in text(soup(client.get(campaign.url)).select_one(".campaign__records"))
    with committed():
        page = StatementPageFactory(
            parent=statements, title="Later call, in full", statement=record
        )
    links = soup(client.get(campaign.url)).select(".campaign-statement a")
    assert page.url in [a["href"] for a in links]


def test_the_incident_timeline_links_a_statement_to_its_page_here(
    client, restorex, statements, committed
):
    block = restorex["block"]
    record = StatementFactory(
        title="Call to unblock", url="https://elsewhere.example/call", incidents=[block]
    )
    timeline = soup(client.get(block.get_absolute_url())).select(".timeline-event__title a")
    assert "https://elsewhere.example/call" in [a["href"] for a in timeline]
    with committed():
        page = StatementPageFactory(parent=statements, title="Call, in full", statement=record)
    timeline = soup(client.get(block.get_absolute_url())).select(".timeline-event__title a")
    hrefs = [a["href"] for a in timeline]
    assert page.url in hrefs and "https://elsewhere.example/call" not in hrefs
    assert restorex["page"].url in hrefs  # the campaign, launched 5 April 2024
