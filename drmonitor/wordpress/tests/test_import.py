"""Importing the hand-made export: every kind of item lands where a reader and an editor expect."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site, WorkflowState

from drmonitor.core.models import CustomImage
from drmonitor.newsroom.models import ArticlePage, Author, InformationPage, SectionPage
from drmonitor.wordpress.importer import Options, import_wordpress
from drmonitor.wordpress.models import ImportedAuthor, ImportedItem
from drmonitor.wordpress.tests.conftest import EXPORT


def article(wp_id: int) -> ArticlePage:
    return ImportedItem.objects.get(wp_id=wp_id).page.specific


def section(path: str) -> SectionPage:
    home = Site.objects.get(is_default_site=True).root_page
    return SectionPage.objects.get(url_path=f"{home.url_path}{path}/")


@pytest.mark.django_db
def test_a_published_post_keeps_title_date_section_tags_author_and_pictures(imported):
    story = article(10)
    assert story.live
    assert story.title == "PTA blocks X nationwide, citing “security concerns”"
    assert story.date_published == datetime(2024, 2, 17, 17, 30, tzinfo=UTC)
    assert story.first_published_at == story.date_published
    assert story.standfirst == "The regulator cited security concerns."
    # Filed in DRM Exclusive › News (its deepest category), also listed in In Media › News;
    # its parent category adds nothing, the primary section already sits under it.
    assert story.get_parent().specific == section("drm-exclusive/news")
    assert list(story.extra_sections.all()) == [section("in-media/news")]
    assert sorted(t.name for t in story.tags.all()) == ["PTA", "X (Twitter)"]
    assert story.authors()[0].name == "Ayesha Malik"
    assert story.featured_image.caption == "Illustration: DRM desk"
    assert story.featured_image.description == "A phone showing the X app, blocked"
    kinds = [block.block_type for block in story.body]
    assert kinds == ["paragraph", "heading", "image", "gallery", "embed", "quote", "paragraph"]
    notice = story.body[2].value
    assert notice["image"].title == "Screenshot of the notice"
    assert notice["caption"] == "The notice, as published on 17 February"
    gallery = story.body[3].value["pictures"]
    assert [picture["caption"] for picture in gallery] == ["First protest", ""]
    assert story.body[4].value["embed"].url == "https://www.youtube.com/watch?v=abcdefghijk"
    assert story.body[4].value["caption"] == "The minister's briefing"
    assert story.body[5].value["attribution"] == "A PTA spokesperson"
    first = story.body[0].value.source
    assert 'href="/urdu-story/"' in first  # a link to the old site, now relative
    assert "alert" not in first

    page = Client().get(story.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "citing “security concerns”" in html
    assert "The notice, as published on 17 February" in html
    assert "A PTA spokesperson" in html
    assert html.count('class="gallery__picture"') == 2


@pytest.mark.django_db
def test_each_status_is_kept(imported):
    draft, pending, scheduled = article(13), article(14), article(15)
    assert not draft.live and draft.has_unpublished_changes
    assert draft.slug == "draft-the-firewall-explained"
    assert not pending.live
    state = WorkflowState.objects.get(object_id=str(pending.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not scheduled.live
    assert scheduled.go_live_at == datetime(2031, 1, 5, 10, 0, tzinfo=UTC)
    assert scheduled.get_latest_revision().approved_go_live_at == scheduled.go_live_at
    assert not ImportedItem.objects.filter(wp_id=19).exists()  # trashed
    assert ("post 19 'Deleted story'", "in the trash") in imported.skipped


@pytest.mark.django_db
def test_urdu_text_and_slug_are_kept_exactly(imported):
    story = article(12)
    assert story.slug == "بلوچستان-میں-بندش"
    assert story.title == "بلوچستان میں موبائل انٹرنیٹ کی بندش"
    assert story.get_parent().specific == section("in-media/news")
    assert "بلوچستان میں موبائل انٹرنیٹ سروس معطل ہے۔" in story.body[0].value.source
    tag = Tag.objects.get(name="ڈیجیٹل حقوق")
    assert tag.slug == "ڈیجیٹل-حقوق"
    assert Client().get(story.url).status_code == 200


@pytest.mark.django_db
def test_categories_become_sections_with_the_same_name_under_different_parents(imported):
    assert article(10).get_parent().specific == section("drm-exclusive/news")
    assert article(12).get_parent().specific == section("in-media/news")
    bureau = section("local-desk/karachi")  # not in the menu: made, with its parent
    assert bureau.title == "Karachi"
    assert bureau.get_parent().title == "Local Desk & Bureaus"
    assert article(18).get_parent().specific == bureau
    # A section with its own content type gets its kind of article.
    assert type(article(18)) is ArticlePage
    # A section with its own kind of article gets it when the post gives what it needs;
    # Trends Monitor's trends need a hashtag, which WordPress does not have: the post is left
    # out with the reason (the section has no section above it that holds plain articles).
    reasons = dict(imported.skipped)
    assert "hashtag" in reasons["post 21 'Trends Monitor: #RestoreX'"]
    # Research holds research papers, which need a type the post does not give: a plain
    # article in Resources, the section above, and the report says so.
    paper = article(22)
    assert type(paper) is ArticlePage
    assert paper.get_parent().specific == section("resources")
    assert "filed as an article in Resources" in reasons["post 22 'Research: a survey of VPN use'"]
    # A vodcast is an episode playing the post's video; an infographic shows the post's
    # picture, described by its text.
    episode = article(23)
    assert episode._meta.model_name == "episodepage" and episode.live
    assert episode.external_video_url == "https://www.youtube.com/watch?v=vodcast0001"
    assert [block.block_type for block in episode.body] == ["paragraph"]
    assert episode.get_parent().pk == section("drm-exclusive/vodcasts").pk
    graphic = article(24)
    assert graphic._meta.model_name == "infographicpage"
    assert graphic.graphic.title == "Screenshot of the notice"
    assert graphic.long_description == "Balochistan had the most shutdown days."
    for page in (episode, graphic):
        assert Client().get(page.url).status_code == 200
    # A category no post uses gets no section.
    assert not SectionPage.objects.filter(slug="uncategorized").exists()


@pytest.mark.django_db
def test_a_post_its_typed_section_cannot_hold_is_still_listed_there(
    imported, uploads, tmp_path, committed
):
    research = section("resources/research")  # a library: it holds research papers only
    paper = article(22)
    assert paper.get_parent().specific == section("resources")
    assert [s.pk for s in paper.extra_sections.all()] == [research.pk]
    listing = Client().get(research.url).content.decode()
    assert f'<a href="{paper.url}">Research: a survey of VPN use</a>' in listing

    # The post changed in WordPress: updated, and still listed in Research.
    changed = tmp_path / "changed.xml"
    text = EXPORT.read_text(encoding="utf-8")
    changed.write_text(
        text.replace("Research: a survey of VPN use", "Research: VPN use surveyed"),
        encoding="utf-8",
    )
    with committed():  # the cached listing goes stale when the import commits
        import_wordpress(changed, Options(uploads=uploads))
    paper = article(22)
    assert [s.pk for s in paper.extra_sections.all()] == [research.pk]
    listing = Client().get(research.url).content.decode()
    assert f'<a href="{paper.url}">Research: VPN use surveyed</a>' in listing


@pytest.mark.django_db
def test_authors_keep_their_names_and_their_e_mail_stays_private(imported):
    author = Author.objects.get(slug="ayesha-malik")
    assert author.name == "Ayesha Malik"
    assert ImportedAuthor.objects.get(login="ayesha.malik").email == "ayesha.private@example.org"
    for url in (author.get_absolute_url(), article(10).url):
        html = Client().get(url).content.decode()
        assert "private@example.org" not in html
    assert "secret@example.com" not in imported.as_text(limit=None)
    assert "192.0.2.7" not in imported.as_text(limit=None)


@pytest.mark.django_db
def test_a_broken_item_is_reported_and_the_others_are_imported(imported):
    reasons = dict(imported.skipped)
    broken = next(what for what in reasons if what.startswith("post 16 "))
    assert "at most 255 characters" in reasons[broken]
    assert not ImportedItem.objects.filter(wp_id=16).exists()
    assert imported.counts["articles"]["failed"] == 2  # this one, and the trend without a hashtag
    assert imported.counts["articles"]["created (publish)"] == 7
    assert reasons["picture 106 2024/02/lost.jpg"].startswith("no file 2024/02/lost.jpg")
    assert "An item without a number" in imported.as_text()


@pytest.mark.django_db
def test_a_page_becomes_an_information_page_at_its_old_address(imported):
    about = ImportedItem.objects.get(wp_id=20).page.specific
    assert isinstance(about, InformationPage) and about.live
    assert about.url == "/about/"
    assert about.introduction == "Digital Rights Monitor, in brief."
    assert [block.block_type for block in about.body] == ["paragraph", "image"]
    assert about.body[1].value["caption"] == "Our first march"
    assert imported.counts["pages"]["created (publish)"] == 1
    page = Client().get("/about/")
    assert page.status_code == 200
    assert "Who we are." in page.content.decode()


@pytest.mark.django_db
def test_the_report_lists_comments_and_unknown_shortcodes(imported):
    text = imported.as_text()
    assert "Comments (2), not kept" in text
    assert "comment 8 by Ayesha Malik, 2024-02-18 06:00:00 UTC, pending, reply to 7" in text
    assert imported.shortcodes == {"jnews_block_9": {11: 1}}
    assert "[jnews_block_9] 1 times, in posts 11" in text
    classic = article(11)
    assert '[jnews_block_9 title="Related"' in " ".join(
        block.value.source for block in classic.body if block.block_type == "paragraph"
    )


@pytest.mark.django_db
def test_a_picture_named_twice_is_one_picture(imported):
    assert article(11).featured_image == article(10).featured_image
    assert CustomImage.objects.count() == 4  # 101 and 105 share a file; 106 is missing
    assert imported.counts["pictures"]["reused"] == 1


@pytest.mark.django_db
def test_a_second_run_changes_nothing_and_a_changed_post_is_updated(imported, uploads, tmp_path):
    pages, images, redirects = (
        Page.objects.count(),
        CustomImage.objects.count(),
        Redirect.objects.count(),
    )
    again = import_wordpress(EXPORT, Options(uploads=uploads))
    assert again.counts["articles"]["unchanged"] == 10
    assert again.counts["pages"]["unchanged"] == 1
    assert again.counts["pictures"]["unchanged"] == 5
    assert (Page.objects.count(), CustomImage.objects.count()) == (pages, images)
    assert Redirect.objects.count() == redirects

    changed = tmp_path / "changed.xml"
    text = EXPORT.read_text(encoding="utf-8")
    changed.write_text(
        text.replace("IHC hears petition against the X ban", "IHC adjourns X ban petition"),
        encoding="utf-8",
    )
    third = import_wordpress(changed, Options(uploads=uploads))
    assert third.counts["articles"]["unchanged"] == 9
    assert third.counts["articles"]["updated (publish)"] == 1
    story = article(11)
    assert story.title == "IHC adjourns X ban petition" and story.live
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_a_dry_run_writes_nothing(home, uploads):
    pages = Page.objects.count()
    report = import_wordpress(EXPORT, Options(uploads=uploads, dry_run=True))
    assert report.dry_run
    assert report.counts["articles"]["would be created"] == 12
    assert report.counts["pages"]["would be created"] == 1
    assert report.counts["pictures"]["would be created"] == 6
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists() and not CustomImage.objects.exists()


# Django closes the connection after each command: a real transaction, not the test's, so
# the test also passes on PostgreSQL.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_command_line_checks_writes_the_mapping_and_imports(home, uploads, tmp_path, capsys):
    from drmonitor.cli import main

    mapping = tmp_path / "map.yaml"
    main(["import-wordpress", str(EXPORT), "--write-mapping", str(mapping)])
    text = mapping.read_text(encoding="utf-8")
    assert '"in-media/news-in-media": "in-media/news"' in text
    assert '"local-desk/karachi": "local-desk/karachi"' in text
    # An editor files the Karachi bureau under DRM Exclusive › News instead.
    mapping.write_text(
        text.replace(
            '"local-desk/karachi": "local-desk/karachi"',
            '"local-desk/karachi": "drm-exclusive/news"',
        ),
        encoding="utf-8",
    )
    main(["import-wordpress", str(EXPORT), "--uploads", str(uploads), "--dry-run"])
    assert "Dry run, nothing written" in capsys.readouterr().out
    assert not ImportedItem.objects.exists()
    main(["import-wordpress", str(EXPORT), "--uploads", str(uploads), "--mapping", str(mapping)])
    assert "Imported in" in capsys.readouterr().out
    assert article(18).get_parent().specific == section("drm-exclusive/news")
