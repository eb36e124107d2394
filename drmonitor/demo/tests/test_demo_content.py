"""The demo itself: every file loads, the site it makes answers on every page, a second load
changes nothing; and the texts are what the demo promises (article length, public sources).

This is the one module that loads the whole demo: once, inside a transaction rolled back at the
end, with uploads in a folder of its own. Every other test builds its own records.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import transaction
from django.forms.models import model_to_dict
from django.test import override_settings
from django.urls import reverse
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, Revision
from wagtailmedia.models import get_media_model

from drmonitor.advocacy.models import CampaignPage, StatementPage
from drmonitor.core.models import CustomImage, SiteSettings
from drmonitor.demo import body
from drmonitor.demo.loader import load
from drmonitor.demo.reading import CONTENT_DIR, DemoContent, campaign_page_paths, read_content
from drmonitor.media.models import EpisodePage, InfographicPage
from drmonitor.newsroom.models import ArticlePage, Author, SectionPage
from drmonitor.newsroom.sections import section_paths
from drmonitor.playlists.models import Playlist
from drmonitor.testing.requirements import require
from drmonitor.tracker import models as tracker
from drmonitor.tracker.timeline import case_timeline, incident_timeline

TIMELINE = Path(__file__).resolve().parents[3].parent / "shared/reference/pakistan-timeline.md"
# Where the UN publishes the instruments themselves, cited by the library's frameworks.
UN_TEXTS = ("https://www.ohchr.org/", "https://www2.ohchr.org/", "https://www.un.org/")
TRACKER_MODELS = (
    tracker.Country,
    tracker.Service,
    tracker.Network,
    tracker.Actor,
    tracker.Law,
    tracker.Court,
    tracker.Bench,
    tracker.Source,
    tracker.Incident,
    tracker.LegalCase,
    tracker.Hearing,
    tracker.Order,
    tracker.StatusChange,
    tracker.CaseConsolidation,
    tracker.Statement,
    tracker.Campaign,
)


def inventory() -> dict[str, object]:
    """What a reload must not change: every record, and everything editors could have edited."""
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live")),
        "revisions": Revision.objects.count(),
        "authors": sorted(Author.objects.values_list("slug", "name", "role", "photo_id")),
        "images": sorted(CustomImage.objects.values_list("title", "file", "file_hash")),
        "documents": sorted(get_document_model().objects.values_list("title", "file")),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "settings": model_to_dict(SiteSettings.load()),
        "tracker": {model.__name__: model.objects.count() for model in TRACKER_MODELS},
        "links": sorted(
            [
                *tracker.Incident.articles.through.objects.values_list(
                    "incident_id", "articlepage_id"
                ),
                *tracker.LegalCase.articles.through.objects.values_list(
                    "legalcase_id", "articlepage_id"
                ),
                *tracker.Hearing.objects.values_list("pk", "article_id"),
            ],
            key=str,
        ),
        "references": ReferenceIndex.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", "password")),
        "playlists": sorted(
            Playlist.objects.values_list("title", "is_featured", "items__page__slug")
        ),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded twice; what each load left behind."""
    folder = tmp_path_factory.mktemp("demo")
    store = folder / "measurements.duckdb"
    with override_settings(
        MEDIA_ROOT=str(folder / "media"), VAR_DIR=folder / "var", DRM_MEASUREMENT_STORE=store
    ):
        with django_db_blocker.unblock(), transaction.atomic():
            content = load()
            first = inventory()
            load()
            yield {"content": content, "first": first, "second": inventory()}
            transaction.set_rollback(True)


@pytest.fixture
def site(demo, db):
    return demo


def test_every_file_loads_and_the_counts_match_the_files(site):
    content: DemoContent = site["content"]
    files = list((CONTENT_DIR / "articles").rglob("*.md"))
    assert ArticlePage.objects.count() == len(files) == len(content.articles) > 30
    statuses = Counter(entry.spec.front.status for entry in content.articles)
    assert ArticlePage.objects.live().count() == statuses["live"]
    drafts = ArticlePage.objects.filter(live=False, go_live_at__isnull=True)
    scheduled = ArticlePage.objects.filter(live=False, go_live_at__isnull=False)
    assert drafts.count() == statuses["draft"] >= 2
    assert scheduled.count() == statuses["scheduled"] >= 2
    assert Author.objects.count() == len(content.authors)
    assert CustomImage.objects.count() == len(content.pictures) + len(content.authors)
    assert get_document_model().objects.count() == len(content.documents) + len(content.attachments)
    episodes = [e for e in content.articles if e.spec.front.episode is not None]
    infographics = [e for e in content.articles if e.spec.front.infographic is not None]
    assert EpisodePage.objects.count() == len(episodes) >= 3
    assert InfographicPage.objects.count() == len(infographics) >= 3
    assert get_media_model().objects.count() == len(episodes)
    # The section tree, and the campaign pages (each a section of its own) the demo adds to it.
    sections = set(section_paths()) | campaign_page_paths(content)
    assert SectionPage.objects.count() == len(sections)
    assert CampaignPage.objects.count() == len(content.campaign_pages)
    incidents, cases = [e.spec for e in content.incidents], [e.spec for e in content.cases]
    expected = {
        "Country": len(content.countries),
        "Service": len(content.services),
        "Network": len(content.networks),
        "Actor": len(content.actors),
        "Law": len(content.laws),
        "Court": len(content.courts),
        "Bench": sum(len(court.spec.benches) for court in content.courts),
        "Source": len(content.sources),
        "Incident": len(incidents),
        "LegalCase": len(cases),
        "Hearing": sum(len(case.hearings) for case in cases),
        "Order": sum(len(record.orders) for record in [*incidents, *cases]),
        "StatusChange": sum(len(record.status_changes) for record in [*incidents, *cases]),
        "CaseConsolidation": sum(len(case.heard_together) for case in cases),
        "Statement": len(content.statements),
        "Campaign": len(content.campaigns),
    }
    assert site["second"]["tracker"] == expected
    assert get_user_model().objects.count() == len(content.accounts)
    featured = Playlist.objects.featured()
    assert featured.count() == sum(e.spec.is_featured for e in content.playlists) >= 2
    for entry in content.playlists:  # every page of every playlist is a live article
        playlist = Playlist.objects.get(title=entry.spec.title)
        assert [item.page.slug for item in playlist.shown_items()] == entry.spec.pages


def test_a_second_load_changes_nothing(site):
    assert site["first"] == site["second"]


def demo_addresses() -> list[str]:
    addresses = [page.url for page in Page.objects.live().specific() if page.url]
    addresses += [
        reverse("newsroom:author", args=[slug])
        for slug in Author.objects.values_list("slug", flat=True)
    ]
    addresses += [
        reverse("newsroom:tag", args=[tag.slug])
        for tag in Tag.objects.filter(newsroom_articletag_items__isnull=False).distinct()
    ]
    for name, model in (
        ("incident", tracker.Incident),
        ("case", tracker.LegalCase),
        ("service", tracker.Service),
        ("actor", tracker.Actor),
    ):
        addresses += [
            reverse(f"tracker:{name}", args=[slug])
            for slug in model.objects.values_list("slug", flat=True)
        ]
    addresses += [
        reverse(f"tracker:{name}")
        for name in ("incidents", "cases", "services", "actors", "upcoming_hearings")
    ]
    addresses.append(reverse("playlists:index"))
    addresses += [playlist.get_absolute_url() for playlist in Playlist.objects.all()]
    return addresses


def test_every_demo_page_answers(site, client):
    addresses = demo_addresses()
    assert len(addresses) > 150
    failed = [(url, code) for url in addresses if (code := client.get(url).status_code) != 200]
    assert failed == []


def chart_table(page: BeautifulSoup, chart_id: str) -> dict[str, list[str]]:
    rows = page.select(f"figure#{chart_id} tbody tr")
    return {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row("td")] for row in rows
    }


def test_trends_monitor_charts_count_the_demo(site, client):
    """The landing page's numbers are the demo's own counts; its trends say what is blank."""
    content: DemoContent = site["content"]
    response = client.get("/trends-monitor/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    kinds = Counter(incident.get_kind_display() for incident in tracker.Incident.objects.all())
    assert {k: int(v[0]) for k, v in chart_table(page, "chart-incidents-kinds").items()} == kinds
    hearings = chart_table(page, "chart-hearings")
    assert sum(int(v[0]) for v in hearings.values()) == tracker.Hearing.objects.count()
    sections = chart_table(page, "chart-articles-sections")
    live = ArticlePage.objects.live().count()
    assert sum(int(v[-1]) for v in sections.values()) == live
    drawn = sum(
        int(mark["data-value"])
        for mark in page.select("#chart-articles-sections svg rect[data-value]")
    )
    assert drawn == live
    trends = chart_table(page, "chart-trends")
    written = {e.spec.front.trend.hashtag for e in content.articles if e.spec.front.trend}
    assert set(trends) == written
    assert all(row[2] == "Not recorded" for row in trends.values())  # no volumes in the reference


def test_the_status_board_shows_when_x_was_blocked_in_pakistan_and_restored(site, client):
    """The issue's "done means": the board and the service page on the demo's history."""
    board = BeautifulSoup(client.get("/status/?until=2024-06-01").content, "html.parser")
    assert "generated by the project" in board.select_one(".synthetic-banner").get_text()
    x = next(r for r in board.select(".status-board tbody tr") if r.th.a.get_text() == "x.com")
    networks = x.select(".status-cell")
    assert [c.select_one(".state").get_text() for c in networks] == ["blocked"] * 3
    assert "17 Feb 2024" in x.get_text()
    now = BeautifulSoup(client.get("/status/").content, "html.parser")
    x = next(r for r in now.select(".status-board tbody tr") if r.th.a.get_text() == "x.com")
    since = {c.select_one(".status-since time")["datetime"][:10] for c in x.select(".status-cell")}
    assert since == {"2025-05-07"}

    page = BeautifulSoup(client.get("/status/PK/x.com/").content, "html.parser")
    episodes = page.select(".status-episodes tbody tr")
    assert len(episodes) == 3
    assert all("7 May 2025" in e.get_text() or "6 May 2025" in e.get_text() for e in episodes)
    assert any("18 Feb 2024" in e.select("td")[4].get_text() for e in episodes)  # restored
    marks = {(g["data-kind"], g["data-date"]) for g in page.select("svg g.chart__event")}
    assert {("order", "2024-02-17"), ("hearing", "2024-02-21"), ("hearing", "2024-03-20")} <= marks


def test_statement_pages_show_their_records(site, client):
    joint = StatementPage.objects.get(slug="civil-society-joint-statement-unblock-x")
    page = BeautifulSoup(client.get(joint.url).content, "html.parser")
    assert "13 March 2024" in page.select_one(".statement-facts").get_text()
    assert page.select_one(".signatories__none").get_text(strip=True) == "Names not recorded."


# --- The texts, read from the files ------------------------------------------------------


def words_of(article) -> int:
    front = article.front
    words = [front.standfirst, " ".join(source.publisher for source in front.sources)]
    for block in article.blocks:
        if isinstance(block, body.Paragraph):
            words.append(re.sub(r"<[^>]+>", " ", block.html))
        elif isinstance(block, body.Quote):
            words.append(f"{block.text} {block.attribution}")
        elif isinstance(block, body.Heading):
            words.append(block.text)
        elif isinstance(block, body.Picture):
            words.append(block.caption)
        elif isinstance(block, body.DocumentLink):
            words.append(block.title)
    return len(" ".join(words).split())


@pytest.fixture(scope="module")
def files() -> DemoContent:
    return read_content()


def test_demo_texts_are_article_length_and_cite_the_timeline(files):
    """250-600 words, 3-7 body blocks with the sources, every source a timeline source (or, for
    an international instrument, the UN's own text of it). A library entry's prose introduces
    its structured record (a law's sections, a report's details) and may be short: 60 words."""
    require(TIMELINE.exists(), f"the shared timeline is missing at {TIMELINE}")
    timeline = TIMELINE.read_text()
    for entry in files.articles:
        count = words_of(entry.spec)
        library = entry.spec.front.library_kind() is not None
        assert (60 if library else 250) <= count <= 600, (entry.file, count)
        assert (2 if library else 3) <= len(entry.spec.blocks) + 1 <= 7, entry.file
        for source in entry.spec.front.sources:
            url = source.url
            assert url in timeline or url.startswith(UN_TEXTS), (entry.file, url)


def test_every_live_article_is_complete(files):
    live = [entry for entry in files.articles if entry.spec.front.status == "live"]
    assert len(live) >= 25
    for entry in live:
        front = entry.spec.front
        assert front.date.year in (2024, 2025), entry.file
        assert front.picture and front.tags and front.sources, entry.file
        assert len(entry.spec.blocks) >= 2, entry.file
        pictures = {p.spec.key: p.spec for p in files.pictures}
        assert pictures[front.picture].credit, entry.file


def test_every_section_lists_articles(files):
    placed = [
        path
        for entry in files.articles
        if entry.spec.front.status == "live"
        for path in (entry.spec.section, *entry.spec.front.extra_sections)
    ]
    empty = [
        section
        for section in section_paths()
        if not any(path == section or path.startswith(f"{section}/") for path in placed)
    ]
    assert empty == []


def test_tags_do_not_repeat_in_another_case(files):
    names = {tag for entry in files.articles for tag in entry.spec.front.tags}
    counts = Counter(name.casefold() for name in names)
    assert [name for name, count in counts.items() if count > 1] == []


def unsourced_facts() -> list[str]:
    """Every published tracker fact a reader sees without the source that reports it."""
    missing = []
    for model in (
        tracker.Hearing,
        tracker.Order,
        tracker.Statement,
        tracker.CaseConsolidation,
        tracker.Incident,
        tracker.LegalCase,
    ):
        records = model.objects.filter(sources=None)
        if hasattr(model, "live"):
            records = records.filter(live=True)
        missing += [f"{model.__name__}: {record}" for record in records]
    missing += [f"StatusChange: {c}" for c in tracker.StatusChange.objects.filter(source=None)]
    missing += [
        f"Campaign: {c}"
        for c in tracker.Campaign.objects.exclude(start_date=None)
        if not c.sources.exists()
    ]
    timelines = [(i, incident_timeline(i)) for i in tracker.Incident.objects.all()]
    timelines += [(c, case_timeline(c)) for c in tracker.LegalCase.objects.all()]
    for record, events in timelines:
        missing += [
            f"{record} timeline: {e.date} {e.kind_label}: {e.title}"
            for e in events
            # Our own reporting is its own source; what we measured cites its measurements.
            if not e.sources and not e.evidence and e.kind != "article"
        ]
    return missing


def test_every_published_tracker_fact_has_a_source(site):
    assert unsourced_facts() == []
