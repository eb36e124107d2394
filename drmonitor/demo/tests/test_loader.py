"""The loader over a small publication of its own (sample/): what each file becomes, and what a
reload leaves alone. The demo itself is loaded once, in test_demo_content.py.

The sample is loaded once for the module inside a transaction rolled back at its end; each test
runs in its own savepoint on top of it, so what a test changes is undone after it.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend

from drmonitor.core.models import CustomImage, SiteSettings
from drmonitor.core.worker import publish_scheduled
from drmonitor.demo.loader import load
from drmonitor.demo.tests.conftest import SAMPLE
from drmonitor.newsroom.models import ArticlePage, Author, SectionPage
from drmonitor.playlists.models import Playlist
from drmonitor.tracker.models import (
    Campaign,
    Hearing,
    Incident,
    LegalCase,
    Order,
    Source,
    Statement,
    StatusChange,
)

pytestmark = pytest.mark.django_db
NEWSROOM_TIME = ZoneInfo("Asia/Karachi")


@pytest.fixture(scope="module")
def loaded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample-load")
    with override_settings(MEDIA_ROOT=str(folder / "media"), VAR_DIR=folder / "var"):
        with django_db_blocker.unblock(), transaction.atomic():
            load(SAMPLE)
            yield folder / "media"
            transaction.set_rollback(True)


@pytest.fixture
def loaded(loaded_once, db) -> Path:
    return SAMPLE


@pytest.fixture
def media(loaded_once) -> Path:
    return loaded_once


def snapshot() -> dict[str, object]:
    """What a reload must not change: every record and what editors could have edited."""
    return {
        "articles": sorted(ArticlePage.objects.values_list("slug", "title", "live")),
        "revisions": sorted(ArticlePage.objects.values_list("slug", "latest_revision_id")),
        "authors": sorted(Author.objects.values_list("slug", "name", "role")),
        "images": sorted(CustomImage.objects.values_list("title", "file")),
        "documents": sorted(get_document_model().objects.values_list("title", "file")),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "sections": SectionPage.objects.count(),
        "incidents": sorted(Incident.objects.values_list("slug", "summary")),
        "records": [
            model.objects.count()
            for model in (LegalCase, Hearing, Order, StatusChange, Source, Statement, Campaign)
        ],
        "links": sorted(Hearing.objects.values_list("date", "article__slug")),
        "playlists": sorted(
            Playlist.objects.values_list("title", "is_featured", "items__page__slug")
        ),
    }


def test_a_second_load_changes_nothing(loaded):
    first = snapshot()
    load(loaded)
    assert snapshot() == first


def test_a_reload_keeps_what_editors_changed(loaded):
    article = ArticlePage.objects.get(slug="x-goes-dark")
    article.title = "X goes dark, edited by an editor"
    article.save_revision().publish()
    settings = SiteSettings.load()
    settings.tagline = "Our own tagline"
    settings.save()
    Author.objects.filter(slug="drm").update(role="House byline")
    Incident.objects.filter(slug="x-blocked").update(summary="Rewritten by an editor.")
    petition = LegalCase.objects.get(slug="petition-against-x-block")
    petition.articles.clear()
    petition.save()

    load(loaded)

    assert ArticlePage.objects.get(slug="x-goes-dark").title.endswith("edited by an editor")
    assert SiteSettings.load().tagline == "Our own tagline"
    assert Author.objects.get(slug="drm").role == "House byline"
    assert Incident.objects.get(slug="x-blocked").summary == "Rewritten by an editor."
    # Links come with a new article; an editor's unlinking is not undone.
    assert not LegalCase.objects.get(slug="petition-against-x-block").articles.exists()
    assert ArticlePage.objects.count() == 4


def test_what_a_deleted_record_had_is_made_again(loaded):
    Hearing.objects.filter(case__slug="petition-against-x-block").delete()
    load(loaded)
    hearing = Hearing.objects.get(case__slug="petition-against-x-block")
    assert hearing.date == datetime.date(2024, 3, 20)
    assert hearing.bench.label == "Division bench of two"


def test_live_draft_and_scheduled_articles(loaded):
    live = ArticlePage.objects.live().order_by("slug")
    assert [a.slug for a in live] == ["court-hears-petition", "x-goes-dark"]
    draft = ArticlePage.objects.get(slug="draft-story")
    assert not draft.live and draft.go_live_at is None
    assert draft.has_unpublished_changes and draft.latest_revision
    scheduled = ArticlePage.objects.get(slug="scheduled-explainer")
    assert not scheduled.live
    in_twenty_minutes = timezone.now() + datetime.timedelta(minutes=20)
    assert abs((scheduled.go_live_at - in_twenty_minutes).total_seconds()) < 60
    # What Wagtail's scheduler looks for to publish the page when its time comes.
    assert scheduled.latest_revision.approved_go_live_at == scheduled.go_live_at


def test_the_worker_publishes_a_scheduled_article_when_its_time_comes(loaded):
    article = ArticlePage.objects.get(slug="scheduled-explainer")
    publish_scheduled()
    assert not ArticlePage.objects.get(pk=article.pk).live
    # Move the clock instead of waiting: the approved revision's time has come.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = article.latest_revision
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    publish_scheduled()
    assert ArticlePage.objects.get(pk=article.pk).live


def test_an_article_is_dated_in_newsroom_time_with_its_sections_and_tags(loaded):
    article = ArticlePage.objects.live().get(slug="x-goes-dark")
    when = timezone.localtime(article.date_published, timezone=NEWSROOM_TIME)
    assert (when.date(), when.hour, when.minute) == (datetime.date(2024, 2, 17), 23, 10)
    assert article.first_published_at == article.date_published
    assert [s.title for s in article.sections()] == ["News", "Trends Monitor"]
    assert sorted(article.tags.names()) == ["Internet shutdowns", "X ban"]
    assert [a.slug for a in article.authors()] == ["ayesha-khan", "drm"]
    assert article.featured_image.title == "Sample: X blocked"


def test_the_body_has_every_kind_of_block_as_written(loaded, client):
    article = ArticlePage.objects.get(slug="x-goes-dark")
    kinds = [block.block_type for block in article.body]
    assert kinds == [
        "paragraph",
        "heading",
        "image",
        "quote",
        "document",
        "paragraph",
        "image",
        "paragraph",
        "paragraph",
    ]
    paragraph, heading, picture, quote, document, listing, chart, post, sources = article.body
    assert str(paragraph.value) == (
        '<p>X stopped loading on <em>Saturday</em>, and <a href="https://ooni.org/">OONI</a> '
        "recorded it as blocked. The regulator said nothing.</p>"
    )
    assert heading.value == "An order nobody announced"
    # An empty caption and credit show the picture's own.
    assert (picture.value["caption"], picture.value["credit"]) == (
        "X went dark.",
        "Illustration: DRM",
    )
    assert quote.value["quote"] == "Which law allows an entire platform to be switched off?"
    assert quote.value["attribution"] == "The court desk"
    assert document.value["title"] == "Download the timeline (PDF)"
    assert "<li>Mobile networks were affected.</li>" in str(listing.value)
    assert chart.value["caption"] == "The cost, in a chart"
    assert chart.value["credit"] == "Chart: DRM; data: a report"
    assert '<a href="https://x.com/netblocks">https://x.com/netblocks</a>' in str(post.value)
    assert str(sources.value) == (
        '<p><b>Sources:</b> <a href="https://explorer.ooni.org/findings/1">OONI Explorer</a>; '
        '<a href="https://news.example/x-blocked">A newspaper</a>.</p>'
    )
    page = client.get(article.url).content.decode()
    assert "The court desk" in page and "Download the timeline (PDF)" in page


def test_pictures_documents_and_portraits_are_real_files(loaded, media):
    image = CustomImage.objects.get(title="Sample: X blocked")
    assert (image.width, image.height) == (1200, 675)
    # Saved as the admin's upload form saves: with its size and hash.
    assert image.file_size == Path(image.file.path).stat().st_size and image.file_hash
    assert Path(image.file.path).is_relative_to(media)
    chart = CustomImage.objects.get(title__endswith="(chart)")
    assert (
        chart.description
        == "Bar chart, Cost of the block. X block: 1.34 US$ bn; Other: 0.28 US$ bn."
    )
    diagram = CustomImage.objects.get(title__endswith="(diagram)")
    assert "AAE-1 drawn dashed as faulty" in diagram.description
    document = get_document_model().objects.get(title="The sample timeline (PDF)")
    with document.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    for author in Author.objects.all():
        assert author.photo.title == f"Portrait: {author.name}"
    assert (
        Author.objects.get(slug="ayesha-khan").bio
        == "<p>Ayesha covers courts &amp; connectivity.</p>"
    )


def test_loaded_articles_are_indexed_for_search_and_image_usage(loaded):
    """The load indexes once at the end; nothing it created may be missing from the indexes."""
    found = ArticlePage.objects.live().search("regulator")
    assert [article.slug for article in found] == ["x-goes-dark"]
    image = ArticlePage.objects.get(slug="x-goes-dark").featured_image
    assert ReferenceIndex.get_references_to(image).exists()
    found = get_search_backend().search("nationwide", Incident)
    assert [incident.slug for incident in found] == ["x-blocked"]


def test_site_settings_are_filled_in(loaded):
    settings = SiteSettings.load()
    assert settings.tagline.startswith("A small newsroom")
    assert settings.default_social_image.title == "Sample: social card"
    assert [name for name, _ in settings.follow_links()] == [
        "Facebook",
        "X",
        "YouTube",
        "Instagram",
        "LinkedIn",
    ]


def test_tracker_records_come_with_their_links_sources_and_dated_changes(loaded):
    incident = Incident.objects.get(slug="x-blocked")
    assert incident.duration_days() == 445
    assert [s.name for s in incident.services.all()] == ["X"]
    assert incident.decision_maker.name == "Ministry of Interior"
    assert {s.url: s.kind for s in incident.sources.all()} == {
        "https://explorer.ooni.org/findings/1": "ooni",
        "https://news.example/x-blocked": "news",
    }
    ended = incident.status_changes.get()
    assert (ended.to_status, ended.source.url) == ("Ended", "https://news.example/x-restored")
    letter = incident.orders.get()
    assert [s.url for s in letter.sources.all()] == ["https://news.example/x-blocked"]
    case = LegalCase.objects.get(slug="petition-against-x-block")
    assert case.court.name == "Sindh High Court" and case.incidents.get() == incident
    hearing = case.hearings.get()
    assert hearing.bench.judge_list() == ["Chief Justice One", "Justice Two"]
    assert case.orders.get().hearing == hearing
    # The stories say which records they are about, and which hearing they report.
    assert hearing.article.slug == "court-hears-petition"
    assert sorted(incident.articles.values_list("slug", flat=True)) == [
        "court-hears-petition",
        "x-goes-dark",
    ]
    assert Statement.objects.get().incidents.get() == incident
    assert Campaign.objects.get().hashtag_list() == ["#RestoreX"]


def test_playlists_are_the_newsrooms_with_their_pages_in_order(loaded, client):
    playlist = Playlist.objects.get(title="The block, in order")
    assert playlist.owner is None and playlist.is_public and playlist.is_featured
    assert [item.page.slug for item in playlist.shown_items()] == [
        "x-goes-dark",
        "court-hears-petition",
    ]
    assert "The block, in order" in client.get("/playlists/").text
