"""Bad content is refused with a message naming the file and the field, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from drmonitor.core.models import CustomImage
from drmonitor.demo.loader import load
from drmonitor.demo.reading import DemoContentError
from drmonitor.newsroom.models import ArticlePage, Author
from drmonitor.tracker.models import Incident, LegalCase, Source

pytestmark = pytest.mark.django_db

STORY = "articles/drm-exclusive/news/x-goes-dark.md"
INCIDENT = "tracker/incidents/x-blocked.yaml"


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text()
    assert old in text, f"{old!r} is not in {relative}"
    path.write_text(text.replace(old, new, 1))


def nothing_written() -> bool:
    return not any(
        model.objects.exists()
        for model in (ArticlePage, Author, CustomImage, Incident, LegalCase, Source)
    )


def refusal(root: Path) -> str:
    with pytest.raises(DemoContentError) as refused:
        load(root)
    return str(refused.value)


def test_a_malformed_field_is_named_with_its_file_and_nothing_is_written(sample, media):
    pages = Page.objects.count()
    edit(sample, STORY, "date: 2024-02-17 23:10", "date: last Saturday")
    message = refusal(sample)
    assert message.startswith(f"{STORY}: date: ")
    assert nothing_written() and Page.objects.count() == pages


def test_every_problem_is_reported_at_once(sample, media):
    edit(sample, STORY, "standfirst:", "stand_first:")
    edit(sample, "authors.yaml", "role: Courts correspondent", "role: ''")
    edit(
        sample, "tracker/cases/petition-against-x-block.yaml", "- date: 2024-03-20", "- date: soon"
    )
    lines = refusal(sample).splitlines()
    assert f"{STORY}: stand_first: not a field of this record (misspelt?)" in lines
    assert f"{STORY}: standfirst: Field required" in lines
    assert any(line.startswith("authors.yaml: [2].role: ") for line in lines)
    case = "tracker/cases/petition-against-x-block.yaml"
    assert any(line.startswith(f"{case}: hearings[1].date: ") for line in lines)
    assert nothing_written()


def test_a_record_takes_only_its_models_own_fields_one_value_each(sample, media):
    edit(sample, INCIDENT, "summary:", "sumary:")
    edit(sample, INCIDENT, "status: Ended", "status: [Ended]")
    lines = refusal(sample).splitlines()
    assert f"{INCIDENT}: sumary: not a field of this record (misspelt?)" in lines
    assert f"{INCIDENT}: status: one value is expected here, not a list or a mapping" in lines
    assert nothing_written()


def test_a_reference_to_nothing_is_refused(sample, media):
    edit(sample, STORY, "authors: [ayesha-khan, drm]", "authors: [ayesha-kahn, drm]")
    edit(sample, INCIDENT, "services: [X]", "services: [Twitter]")
    message = refusal(sample)
    assert f"{STORY}: authors: no author 'ayesha-kahn'" in message
    assert f"{INCIDENT}: services: no service 'Twitter'" in message
    assert nothing_written()


def test_a_section_is_the_folder_the_article_is_in(sample, media):
    (sample / "articles/drm-exclusive/newz").mkdir()
    (sample / STORY).rename(sample / "articles/drm-exclusive/newz/x-goes-dark.md")
    message = refusal(sample)
    assert "articles/drm-exclusive/newz/x-goes-dark.md: section: " in message
    assert "'drm-exclusive/newz' is not a section" in message


def test_a_body_the_article_page_cannot_show_is_refused_with_its_line(sample, media):
    edit(sample, STORY, "## An order nobody announced", "### An order nobody announced")
    lines = (sample / STORY).read_text().splitlines()
    line = lines.index("### An order nobody announced") + 1
    message = refusal(sample)
    assert (
        message == f"{STORY}: body: line {line}: headings are written '## Heading' (one level only)"
    )


def test_broken_yaml_is_refused_with_its_line(sample, media):
    edit(sample, "tracker/services.yaml", "- name: X", "- name: [X")
    message = refusal(sample)
    assert message.startswith("tracker/services.yaml: line ")
    assert "not valid YAML" in message


def test_a_refusal_by_a_models_own_rules_rolls_back_everything(sample, media):
    """The files are well formed, but the model refuses an end before the start: the authors,
    pictures and articles saved before it are undone with it."""
    edit(sample, INCIDENT, "end_date: 2025-05-07", "end_date: 2023-05-07")
    message = refusal(sample)
    assert message.startswith(f"{INCIDENT}: end_date: The end (07 May 2023) is before the start")
    assert nothing_written()


def test_the_command_says_what_is_wrong(sample, media):
    edit(sample, INCIDENT, "kind: platform_block", "kind: meteor")
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", "--content", str(sample))
    assert f"{INCIDENT}: kind: Value 'meteor' is not a valid choice." in str(refused.value)
    assert nothing_written()


def test_a_playlist_names_only_articles_of_the_demo_and_is_featured_only_when_public(sample, media):
    edit(sample, "playlists.yaml", "court-hears-petition", "court-hears-a-petition")
    assert "playlists.yaml: [1].pages: no page 'court-hears-a-petition'" in refusal(sample)
    edit(sample, "playlists.yaml", "court-hears-a-petition", "court-hears-petition")
    edit(sample, "playlists.yaml", "is_featured: true", "is_featured: true\n  is_public: false")
    message = refusal(sample)
    assert message == "playlists.yaml: [1].is_featured: Make the playlist public to feature it."
    assert nothing_written()
