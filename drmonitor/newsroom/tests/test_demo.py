"""The demo publication: what `drmonitor setup` gives a newcomer, and what a reload leaves alone.

The demo is loaded once for the module (loading is the slow part) inside a transaction that is
rolled back at the end; each test then runs in its own savepoint on top of it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex, Revision

from drmonitor.core.models import CustomImage, SiteSettings
from drmonitor.core.worker import publish_scheduled
from drmonitor.home.demo import ensure_home
from drmonitor.newsroom import demo
from drmonitor.newsroom.demo_articles import ARTICLES
from drmonitor.newsroom.demo_records import Para, Quote
from drmonitor.newsroom.models import ArticlePage, Author, SectionPage
from drmonitor.testing.requirements import require

TIMELINE = Path(__file__).resolve().parents[3].parent / "shared/reference/pakistan-timeline.md"


def inventory() -> dict[str, object]:
    """What a reload must not change: counts, and everything editors could have edited."""
    return {
        "articles": sorted(ArticlePage.objects.values_list("slug", "title", "live")),
        "authors": sorted(Author.objects.values_list("slug", "name")),
        "images": sorted(CustomImage.objects.values_list("title", "file")),
        "documents": sorted(get_document_model().objects.values_list("title", "file")),
        "revisions": Revision.objects.count(),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "sections": SectionPage.objects.count(),
    }


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo twice; hand the tests the home page and what each load left behind."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        with transaction.atomic():
            home = ensure_home()
            demo.load(home)
            first = inventory()
            demo.load(home)
            second = inventory()
            yield {"home": home, "first": first, "second": second, "media": media}
            transaction.set_rollback(True)


@pytest.fixture
def site(demo_site, db):
    return demo_site


def test_loading_twice_creates_and_changes_nothing(site):
    assert site["first"] == site["second"]
    slugs = [slug for slug, _, _ in site["second"]["articles"]]
    assert len(slugs) == len(set(slugs)) == len(ARTICLES)
    titles = [title for title, _ in site["second"]["images"]]
    assert len(titles) == len(set(titles))


def test_a_reload_keeps_what_editors_changed(site):
    article = ArticlePage.objects.get(slug="x-restored-in-pakistan")
    article.title = "X restored, edited by an editor"
    article.save_revision().publish()
    settings = SiteSettings.load()
    settings.tagline = "Our own tagline"
    settings.save()
    Author.objects.filter(slug="drm").update(role="House byline")

    demo.load(site["home"])

    assert ArticlePage.objects.get(slug="x-restored-in-pakistan").title.startswith(
        "X restored, edited"
    )
    assert SiteSettings.load().tagline == "Our own tagline"
    assert Author.objects.get(slug="drm").role == "House byline"
    assert ArticlePage.objects.count() == len(ARTICLES)


def test_the_publication_has_live_drafts_and_scheduled_articles(site):
    now = timezone.now()
    assert ArticlePage.objects.count() >= 30
    assert ArticlePage.objects.live().count() >= 25
    drafts = ArticlePage.objects.filter(live=False, go_live_at__isnull=True)
    assert drafts.count() >= 2
    assert all(d.has_unpublished_changes and d.latest_revision for d in drafts)
    scheduled = ArticlePage.objects.filter(live=False, go_live_at__gt=now)
    assert scheduled.count() >= 2
    for article in scheduled:
        # What Wagtail's scheduler looks for to publish the page when its time comes.
        assert article.latest_revision.approved_go_live_at == article.go_live_at


def test_the_worker_publishes_a_scheduled_article_when_its_time_comes(site):
    article = ArticlePage.objects.get(slug="explainer-when-the-internet-goes-down")
    publish_scheduled()
    assert not ArticlePage.objects.get(pk=article.pk).live
    # Move the clock instead of waiting: the approved revision's time has come.
    past = timezone.now() - timedelta(minutes=1)
    revision = article.latest_revision
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    publish_scheduled()
    assert ArticlePage.objects.get(pk=article.pk).live


def test_every_live_article_is_complete(site):
    for article in ArticlePage.objects.live().specific():
        assert article.authors(), article.slug
        assert article.date_published.year in (2024, 2025), article.slug
        assert isinstance(article.get_parent().specific, SectionPage), article.slug
        assert len(article.body) >= 3, article.slug
        assert article.standfirst and article.featured_image and article.image_credit
        html = str(article.body)
        assert "Sources:" in html and 'href="http' in html, article.slug
        assert article.tags.exists(), article.slug


def test_the_x_ban_story_is_dated_the_day_x_went_dark(site):
    article = ArticlePage.objects.live().get(slug="x-blocked-across-pakistan")
    when = timezone.localtime(article.date_published, timezone=demo.PAKISTAN)
    assert when.date() == date(2024, 2, 17)
    assert "X ban" in article.tags.values_list("name", flat=True)
    assert article.first_published_at == article.date_published
    assert [s.title for s in article.sections()] == ["News", "Trends Monitor"]


def test_loaded_articles_are_indexed_for_search_and_image_usage(site):
    """The load indexes once at the end; nothing it created may be missing from the indexes."""
    found = ArticlePage.objects.live().search("Chattha")
    assert [article.slug for article in found] == ["x-blocked-across-pakistan"]
    image = ArticlePage.objects.get(slug="x-blocked-across-pakistan").featured_image
    assert ReferenceIndex.get_references_to(image).exists()


def test_every_menu_section_lists_articles(site):
    empty = [
        section.url_path for section in SectionPage.objects.all() if not section.articles().exists()
    ]
    assert empty == []


def test_tags_do_not_repeat_in_another_case(site):
    names = Counter(name.casefold() for name in Tag.objects.values_list("name", flat=True))
    assert [name for name, count in names.items() if count > 1] == []


def test_authors_have_portraits_and_pictures_are_real_files(site):
    authors = Author.objects.all()
    assert authors.count() >= 5 and authors.filter(slug="drm").exists()
    for author in authors:
        assert author.photo and author.bio, author.slug
    image = ArticlePage.objects.get(slug="x-blocked-across-pakistan").featured_image
    assert (image.width, image.height) == (1200, 675)
    assert Path(image.file.path).is_relative_to(site["media"])
    chart = CustomImage.objects.get(title__endswith="(chart)")
    assert "X block: 1.34 US$ bn" in chart.description
    document = get_document_model().objects.get(title__startswith="The X ban file")
    with document.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_site_settings_are_filled_in(site):
    settings = SiteSettings.load()
    assert settings.tagline and settings.about and settings.default_social_image
    assert [name for name, _ in settings.follow_links()] == [
        "Facebook",
        "X",
        "YouTube",
        "Instagram",
        "LinkedIn",
    ]


def test_demo_texts_are_article_length_and_cite_the_timeline():
    """250-600 words, 3-7 body blocks with the sources, every source a timeline source."""
    require(TIMELINE.exists(), f"the shared timeline is missing at {TIMELINE}")
    timeline = TIMELINE.read_text()
    for spec in ARTICLES:
        words = [spec.standfirst, " ".join(name for name, _ in spec.sources)]
        for block in spec.body:
            if isinstance(block, Para):
                words.append(block.text)
            elif isinstance(block, Quote):
                words.append(f"{block.text} {block.attribution}")
            else:
                words.append(getattr(block, "text", "") or getattr(block, "caption", ""))
        count = len(" ".join(words).split())
        assert 250 <= count <= 600, (spec.slug, count)
        assert 3 <= len(spec.body) + 1 <= 7, spec.slug
        for _, url in spec.sources:
            assert url in timeline or url.startswith("https://www.ohchr.org/"), (spec.slug, url)
