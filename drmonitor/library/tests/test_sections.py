"""The library's sections have their own types, list their own entries, and filter them."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup

from drmonitor.library.factories import LawPageFactory, ResearchPageFactory
from drmonitor.library.models import LawLibraryPage, ResearchLibraryPage
from drmonitor.newsroom.sections import find_section


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".library-list .record-list__title a")]


def test_each_library_section_has_its_own_type(home):
    assert isinstance(find_section(home, "resources/laws-and-policies"), LawLibraryPage)
    assert isinstance(find_section(home, "drm-advocacy/publications"), ResearchLibraryPage)


def test_laws_are_filtered_by_type_status_and_year_without_javascript(client, laws):
    LawPageFactory(parent=laws, title="Electronic Crimes Act", status="amended", year=2016)
    LawPageFactory(
        parent=laws, title="Content Rules", instrument_type="rules", status="rules", year=2021
    )
    LawPageFactory(parent=laws, title="Data Protection Bill", status="bill", year=2023)

    everything = client.get(laws.url)
    assert sorted(titles(everything)) == [
        "Content Rules",
        "Data Protection Bill",
        "Electronic Crimes Act",
    ]
    form = BeautifulSoup(everything.content, "html.parser").select_one("form.filters")
    assert form["method"] == "get"
    assert {field["name"] for field in form.select("select")} == {"type", "status", "year"}

    assert titles(client.get(laws.url, {"status": "amended"})) == ["Electronic Crimes Act"]
    assert titles(client.get(laws.url, {"type": "rules"})) == ["Content Rules"]
    assert titles(client.get(laws.url, {"year": "2023"})) == ["Data Protection Bill"]
    assert titles(client.get(laws.url, {"type": "act", "year": "2023"})) == ["Data Protection Bill"]
    assert titles(client.get(laws.url, {"type": "act", "year": "2021"})) == []


def test_a_bad_filter_value_is_reported_and_left_out(client, laws):
    LawPageFactory(parent=laws, title="Electronic Crimes Act", year=2016)
    response = client.get(laws.url, {"status": "repealed", "year": "2016"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert "repealed is not one of the available choices" in soup.select_one(".field-error").text
    assert titles(response) == ["Electronic Crimes Act"]


def test_research_is_filtered_by_the_year_it_was_issued(client, research):
    ResearchPageFactory(parent=research, title="Index 2024", issued=datetime.date(2024, 10, 1))
    ResearchPageFactory(parent=research, title="Report 2025", issued=datetime.date(2025, 9, 4))
    assert titles(client.get(research.url, {"year": "2025"})) == ["Report 2025"]
    options = BeautifulSoup(client.get(research.url).content, "html.parser").select(
        "select[name=year] option"
    )
    assert [o.text for o in options] == ["Any", "2025", "2024"]


def test_library_sections_have_feeds_of_their_entries(client, laws):
    LawPageFactory(parent=laws, title="Electronic Crimes Act")
    feed = client.get(f"{laws.url}feed/")
    assert feed.status_code == 200
    assert b"Electronic Crimes Act" in feed.content
