"""The front page leads readers from the news to the evidence: what is blocked now, what is next."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup
from django.utils import timezone

from drmonitor.tracker.models import Country, Court, Hearing, Incident, LegalCase


def evidence_desk(client) -> BeautifulSoup:
    html = client.get("/").content
    return BeautifulSoup(html, "html.parser").select_one("section.evidence-desk")


def test_front_page_counts_the_days_of_an_ongoing_block_and_lists_the_next_hearing(client, home):
    pakistan = Country.objects.create(code="PK", name="Pakistan")
    today = timezone.localdate()
    Incident.objects.create(
        title="Signal blocked in Pakistan",
        kind="platform_block",
        country=pakistan,
        start_date=today - datetime.timedelta(days=40),
    )
    Incident.objects.create(
        title="Bluesky blocked for a day",
        kind="platform_block",
        country=pakistan,
        start_date=today - datetime.timedelta(days=300),
        end_date=today - datetime.timedelta(days=299),
        status="Ended",
    )
    court = Court.objects.create(name="Islamabad High Court", level="high", jurisdiction=pakistan)
    case = LegalCase.objects.create(court=court, title="B v. Federation", filed_on=today)
    Hearing.objects.create(case=case, date=today + datetime.timedelta(days=3))

    desk = evidence_desk(client)
    text = " ".join(desk.get_text(" ").split())
    assert "Signal blocked in Pakistan for 40 days" in text
    assert "Bluesky" not in text  # ended: not "blocked now"
    assert "B v. Federation" in text and "Islamabad High Court" in text
    links = {a["href"] for a in desk.select("a")}
    assert "/incidents/signal-blocked-in-pakistan/" in links
    assert case.get_absolute_url() in links


def test_front_page_says_so_when_nothing_is_blocked_or_scheduled(client, home):
    text = evidence_desk(client).get_text(" ")
    assert "No incident is recorded as ongoing." in text
    assert "No hearing is scheduled." in text


def test_every_page_links_the_evidence_desk_at_the_top_and_in_the_footer(client, home):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    for nav in (
        soup.select_one("nav[aria-label='Evidence desk']"),
        soup.select_one("footer nav[aria-labelledby='footer-desk']"),
    ):
        assert [a["href"] for a in nav.select("a")] == [
            "/incidents/",
            "/cases/",
            "/hearings/upcoming/",
            "/status/",
            "/api/docs",
        ]
