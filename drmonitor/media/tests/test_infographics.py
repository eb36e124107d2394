"""An infographic as a reader meets it: the picture in modern formats with a fallback, a text
description for screen readers, the original at full size and to download, the data as a
table, and code to embed it on another site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from drmonitor.media.factories import InfographicPageFactory, TextDocumentFactory
from drmonitor.media.models import InfographicPage

DATA = "Cable,Status\nAAE-1,Faulty\nSMW4,Working\n"
DESCRIPTION = "Seven lines run into Pakistan; the AAE-1 line is drawn dashed as faulty."


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def graphic(infographics) -> InfographicPage:
    return InfographicPageFactory(
        parent=infographics,
        title="The seven cables",
        slug="the-seven-cables",
        alt_text="Diagram of seven cables into Pakistan, one faulty",
        long_description=DESCRIPTION,
        data_file=TextDocumentFactory(text=DATA, filename="cables.csv"),
    )


def test_the_picture_comes_in_avif_and_webp_with_a_sized_fallback(client, graphic):
    figure = soup(client.get(graphic.url)).select_one("figure.infographic")
    picture = figure.find("picture")
    assert [source["type"] for source in picture.find_all("source")] == [
        "image/avif",
        "image/webp",
    ]
    for source in picture.find_all("source"):
        widths = [part.split()[-1] for part in source["srcset"].split(",")]
        assert widths == ["480w", "800w", "1200w", "1600w"]
    image = picture.find("img")
    assert image["src"].endswith(".png") and image["width"] and image["height"]
    assert image["alt"] == "Diagram of seven cables into Pakistan, one faulty"


def test_screen_readers_get_the_long_description(client, graphic):
    page = soup(client.get(graphic.url))
    image = page.select_one("figure.infographic img")
    description = page.find(id=image["aria-describedby"])
    assert description.name == "details" and DESCRIPTION in description.text


def test_the_original_opens_at_full_size_without_script_and_downloads(client, graphic):
    page = soup(client.get(graphic.url))
    original = graphic.graphic.file.url
    zoom = page.find(id="full-size")
    assert page.find("a", href="#full-size")
    assert zoom.find("img")["src"] == original
    assert (zoom.find("img")["width"], zoom.find("img")["height"]) == ("1600", "900")
    download = page.find("a", href=original, download=True)
    assert "PNG, 1600 × 900 pixels" in download.text
    assert client.get(original).status_code == 200


def test_the_data_is_a_table_and_a_download(client, graphic):
    page = soup(client.get(graphic.url))
    table = page.select_one(".data-table table")
    assert [th.text for th in table.select("thead th")] == ["Cable", "Status"]
    assert [[c.text for c in row.find_all(["th", "td"])] for row in table.select("tbody tr")] == [
        ["AAE-1", "Faulty"],
        ["SMW4", "Working"],
    ]
    link = page.find("a", string="Download the data (CSV)")
    assert b"".join(client.get(link["href"]).streaming_content).decode() == DATA


@pytest.mark.parametrize(
    ("text", "filename", "message"),
    [
        (DATA, "cables.txt", "must be a CSV file"),
        ("Cable,Status\n", "cables.csv", "at least one row"),
    ],
)
def test_a_data_file_that_is_no_table_is_refused(infographics, text, filename, message):
    page = InfographicPage(
        title="Bad data",
        slug="bad-data",
        graphic=InfographicPageFactory.graphic.get_factory()(),
        long_description="Text.",
        data_file=TextDocumentFactory(text=text, filename=filename),
    )
    with pytest.raises(ValidationError) as refused:
        infographics.add_child(instance=page)
    assert message in " ".join(refused.value.message_dict["data_file"])


def test_embed_code_frames_a_minimal_view_that_other_sites_may_frame(client, graphic):
    page_response = client.get(graphic.url)
    assert page_response["X-Frame-Options"] == "DENY"
    codes = [box.text for box in soup(page_response).select(".embed-code textarea")]
    frame = BeautifulSoup(codes[0], "html.parser").find("iframe")
    assert frame["src"] == f"http://testserver{graphic.url}embed/"
    assert frame["title"] == "The seven cables"
    image = BeautifulSoup(codes[1], "html.parser").find("img")
    assert image["alt"] == "Diagram of seven cables into Pakistan, one faulty"
    assert client.get(image["src"]).status_code == 200

    embed = client.get(graphic.url + "embed/")
    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    view = soup(embed)
    assert not view.find("header") and not view.find("nav")  # the graphic alone
    assert view.find("a", target="_top")["href"] == f"http://testserver{graphic.url}"
    assert view.find("img")["alt"] == "Diagram of seven cables into Pakistan, one faulty"


def test_the_section_is_a_gallery_and_search_finds_the_description(client, graphic):
    gallery = soup(client.get("/infographics/")).select(".gallery__item a")
    assert [a["href"] for a in gallery] == [graphic.url]
    assert gallery[0].find("img")
    assert graphic.title in soup(client.get("/search/", {"q": "dashed faulty"})).text
    assert graphic.title in client.get("/infographics/feed/").content.decode()
