"""Reading the export and a body: what WordPress stored, as WordPress would show it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from drmonitor.wordpress import content
from drmonitor.wordpress.tests.conftest import EXPORT
from drmonitor.wordpress.wxr import ExportError, nicename, read_export


def test_slugs_and_names_are_decoded_as_wordpress_shows_them():
    export = read_export(str(EXPORT))
    urdu = next(item for item in export.items if item.wp_id == 12)
    assert urdu.slug == "بلوچستان-میں-بندش"
    assert urdu.title == "بلوچستان میں موبائل انٹرنیٹ کی بندش"
    tags = {tag.slug: tag.name for tag in export.tags}
    assert tags["ڈیجیٹل-حقوق"] == "ڈیجیٹل حقوق"
    names = {category.slug: category.name for category in export.categories}
    assert names["local-desk"] == "Local Desk & Bureaus"
    assert export.utc_offset() == timedelta(hours=5)
    assert nicename("ayesha.malik") == "ayesha-malik"


def test_an_item_that_cannot_be_read_is_noted_and_the_rest_are_read():
    export = read_export(str(EXPORT))
    assert [what for what, _ in export.problems] == ["item 'An item without a number'"]
    assert {item.wp_id for item in export.items if item.post_type == "post"} >= {10, 11, 12}


def test_a_file_that_is_not_an_export_is_refused(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>hi</note></notes>")
    with pytest.raises(ExportError, match="not a WordPress export"):
        read_export(str(path))
    path.write_text('<!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>')
    with pytest.raises(ExportError):
        read_export(str(path))


def no_pictures(wp_id, url):
    return content.FoundImage(wp_id or 99, "")


@pytest.mark.django_db
def test_classic_shortcodes_become_blocks_and_unknown_ones_stay_readable():
    body = content.convert(
        "Intro line one\nline two\n\n"
        '[caption id="attachment_5" width="640"]<img class="wp-image-5" src="x.jpg" /> '
        "The caption[/caption]\n\n"
        '[gallery ids="6,7"]\n\n'
        "https://www.youtube.com/watch?v=abcdefghijk\n\n"
        '[jnews_block_9 title="Related"]\n\n'
        "Escaped [[gallery]] stays.<script>alert(1)</script>",
        no_pictures,
    )
    kinds = [block["type"] for block in body.blocks]
    assert kinds == ["paragraph", "image", "gallery", "embed", "paragraph"]
    assert "Intro line one<br/>line two" in body.blocks[0]["value"]
    assert body.blocks[1]["value"]["image"] == 5
    assert body.blocks[1]["value"]["caption"] == "The caption"
    assert [p["image"] for p in body.blocks[2]["value"]["pictures"]] == [6, 7]
    assert body.blocks[3]["value"]["embed"] == "https://www.youtube.com/watch?v=abcdefghijk"
    last = body.blocks[4]["value"]
    assert '[jnews_block_9 title="Related"]' in last
    assert "Escaped [gallery] stays." in last
    assert "script" not in last and "alert" not in last
    assert body.unknown_shortcodes == {"jnews_block_9": 1}


@pytest.mark.django_db
def test_a_picture_the_export_does_not_have_is_reported_not_dropped_silently():
    body = content.convert('<p>Text</p><img src="http://elsewhere.example/a.jpg">', lambda *_: None)
    assert [block["type"] for block in body.blocks] == ["paragraph"]
    assert body.problems == [
        "picture http://elsewhere.example/a.jpg is not among the export's attachments: left out"
    ]


@pytest.mark.django_db
def test_an_iframe_from_an_unknown_site_becomes_a_link():
    body = content.convert('<iframe src="https://tracker.example/widget"></iframe>', no_pictures)
    assert body.blocks[0]["type"] == "paragraph"
    assert 'href="https://tracker.example/widget"' in body.blocks[0]["value"]
    assert "<iframe" not in body.blocks[0]["value"]
