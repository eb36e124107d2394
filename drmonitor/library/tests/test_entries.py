"""A law's sections by anchor and the tracker records that cite it; a PDF's words found by site
search; each document's own page and its download; a publication's citation."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader
from wagtail.documents.forms import get_document_form
from wagtail.rich_text import RichText

from drmonitor.library.factories import (
    FrameworkPageFactory,
    LawPageFactory,
    ResearchPageFactory,
    attach,
    pdf,
    pdf_bytes,
)
from drmonitor.newsroom.factories import AuthorFactory
from drmonitor.tracker.factories import IncidentFactory, LawFactory, LegalCaseFactory


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def provision(number: str, heading: str, text: str) -> tuple[str, dict]:
    return ("provision", {"number": number, "heading": heading, "text": RichText(text)})


def test_a_reader_links_to_a_section_of_a_law_by_its_anchor(client, laws):
    law = LawPageFactory(
        parent=laws,
        title="Electronic Crimes Act",
        provisions=[
            provision("26A", "False information", "<p>Spreading false information.</p>"),
            provision("37", "Unlawful online content", "<p>Removal and blocking.</p>"),
        ],
    )
    soup = soup_of(client.get(law.url))
    section = soup.select_one("#section-37")
    assert section is not None and "Removal and blocking." in section.text
    assert "False information" in soup.select_one("#section-26a").text
    index = [a["href"] for a in soup.select(".provisions__index a")]
    assert index == ["#section-26a", "#section-37"]
    # The heading links to itself, so a reader can copy the address of one section.
    assert section.select_one("h3 a")["href"] == "#section-37"


def test_an_instrument_s_articles_have_anchors_too(client, frameworks):
    covenant = FrameworkPageFactory(
        parent=frameworks, provisions=[provision("19", "Freedom of expression", "")]
    )
    soup = soup_of(client.get(covenant.url))
    assert "Article 19: Freedom of expression" in soup.select_one("#article-19").text


def test_the_law_page_lists_the_incident_and_the_case_that_cite_it(client, laws):
    section_37 = LawFactory(title="Electronic Crimes Act, section 37")
    IncidentFactory(title="Platform blocked nationwide", legal_basis=[section_37])
    LegalCaseFactory(title="Journalist v. Federation", laws=[section_37])
    LegalCaseFactory(title="Unrelated v. Federation")
    law = LawPageFactory(parent=laws, title="Electronic Crimes Act")
    law.tracker_laws.add(section_37)
    law.save_revision().publish()

    citing = soup_of(client.get(law.url)).select_one(".citing")
    links = {a.text: a["href"] for a in citing.select("a")}
    assert set(links) == {"Platform blocked nationwide", "Journalist v. Federation"}
    assert links["Journalist v. Federation"].startswith("/cases/")


def test_the_law_page_follows_a_new_citation_at_once(client, laws, committed):
    section_37 = LawFactory(title="Electronic Crimes Act, section 37")
    law = LawPageFactory(parent=laws, title="Electronic Crimes Act")
    law.tracker_laws.add(section_37)
    law.save_revision().publish()
    assert "No incident or court case" in soup_of(client.get(law.url)).select_one(".citing").text
    with committed():
        LegalCaseFactory(title="Journalist v. Federation", laws=[section_37])
    assert "Journalist v. Federation" in soup_of(client.get(law.url)).select_one(".citing").text


def test_a_phrase_only_inside_a_pdf_is_found_by_site_search(client, laws):
    law = LawPageFactory(parent=laws, title="Electronic Crimes Act", standfirst="An act.")
    gazette = pdf("Gazette copy", "Whoever intercepts quarantined telemetry shall be punished.")
    attach(law, gazette, kind="Act as passed")

    def found(query: str) -> list[str]:
        results = soup_of(client.get("/search/", {"q": query}))
        return [a.text.strip() for a in results.select(".search-hit__title a")]

    assert found("quarantined telemetry") == ["Electronic Crimes Act"]
    assert found("telemetry zebra") == []


def test_each_document_has_a_page_with_its_metadata_and_a_download(client, laws):
    law = LawPageFactory(parent=laws, title="Electronic Crimes Act")
    gazette = pdf("Gazette copy", *["A paragraph of the act, long enough to wrap."] * 120)
    attach(law, gazette, kind="Act as passed", date=datetime.date(2016, 8, 18))

    entry = soup_of(client.get(law.url))
    about = entry.select_one(f'a[href="/library/documents/{gazette.pk}/"]')
    assert about is not None

    page = soup_of(client.get(about["href"]))
    facts = {
        dt.text: dd.text.strip()
        for dt, dd in zip(page.select("dt"), page.select("dd"), strict=True)
    }
    assert facts["Type"] == "Act as passed (PDF)"
    assert facts["Date"] == "18 August 2016"
    pages = len(PdfReader(gazette.file.path).pages)
    assert pages > 1 and facts["Pages"] == str(pages)
    assert facts["Used on"] == "Electronic Crimes Act"
    assert "KB" in facts["Size"]

    download = client.get(page.select_one("a.button")["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_document_no_published_entry_uses_has_no_page(client, laws):
    draft = LawPageFactory(parent=laws, title="Draft bill", live=False)
    orphan = pdf("Leaked draft")
    attach(draft, orphan)
    draft.unpublish()
    assert client.get(f"/library/documents/{orphan.pk}/").status_code == 404
    assert client.get(f"/library/documents/{pdf('Unused').pk}/").status_code == 404


def test_a_publication_can_be_cited_as_text_bibtex_and_ris(client, research):
    report = ResearchPageFactory(
        parent=research,
        title="Information Controls During the May 2025 Conflict",
        creators="OONI\nDigital Rights Foundation",
        publisher="OONI",
        issued=datetime.date(2025, 9, 4),
    )
    soup = soup_of(client.get(report.url))
    text = soup.select_one(".citation__text").text
    assert text.startswith("OONI and Digital Rights Foundation (2025, September 4). Information")
    bibtex = soup.select_one("#bibtex").text
    assert "author = {{OONI} and {Digital Rights Foundation}}" in bibtex
    assert "month = sep," in bibtex

    ris = client.get(f"/library/cite/{report.pk}.ris")
    assert ris["Content-Disposition"].startswith("attachment;")
    lines = ris.content.decode().splitlines()
    assert lines[0] == "TY  - RPRT" and "AU  - Digital Rights Foundation" in lines
    assert "DA  - 2025/09/04/" in lines
    assert client.get(f"/library/cite/{report.pk}.bib").content.decode() == bibtex.replace(
        "\r\n", "\n"
    )


def test_a_publication_known_only_by_its_month_is_cited_by_its_month(research):
    author = AuthorFactory(name="Farhan Iqbal")
    report = ResearchPageFactory(
        parent=research,
        title="Freedom on the Net 2024",
        issued=datetime.date(2024, 10, 1),
        issued_precision="month",
        authors=[author],
    )
    assert report.citation().text().startswith("Farhan Iqbal (2024, October). Freedom on the Net")
    assert "DA  - 2024/10//" in report.citation().ris()


def test_a_replaced_file_is_searched_by_its_new_words(client, laws):
    law = LawPageFactory(parent=laws, title="Electronic Crimes Act")
    gazette = pdf("Gazette copy", "The first printing mentions marmalade.")
    attach(law, gazette)
    # The editor uploads a corrected file through the document's edit form.
    form = get_document_form(type(gazette))(
        {"title": gazette.title, "collection": str(gazette.collection_id)},
        {
            "file": SimpleUploadedFile(
                "second.pdf", pdf_bytes("The corrected one mentions tamarind.")
            )
        },
        instance=gazette,
    )
    assert form.is_valid(), form.errors
    form.save()

    def found(query: str) -> list[str]:
        results = soup_of(client.get("/search/", {"q": query}))
        return [a.text.strip() for a in results.select(".search-hit__title a")]

    assert found("tamarind") == ["Electronic Crimes Act"]
    assert found("marmalade") == []


def test_editors_add_a_law_with_its_documents_in_the_admin(admin_client, laws):
    law = LawPageFactory(parent=laws, title="Electronic Crimes Act")
    attach(law, pdf("Gazette copy"), kind="Act as passed")
    assert admin_client.get(f"/admin/pages/{law.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/add/library/lawpage/{laws.pk}/").status_code == 200


def test_each_section_lists_the_records_that_cite_it(client, laws):
    section_37 = LawFactory(title="Electronic Crimes Act, section 37")
    section_26a = LawFactory(title="Electronic Crimes Act, section 26A")
    IncidentFactory(title="Platform blocked nationwide", legal_basis=[section_37])
    LegalCaseFactory(title="Journalist v. Federation", laws=[section_26a])
    law = LawPageFactory(
        parent=laws,
        title="Electronic Crimes Act",
        provisions=[
            ("provision", {"number": "26A", "heading": "", "tracker_law": section_26a}),
            ("provision", {"number": "37", "heading": "", "tracker_law": section_37}),
        ],
    )
    soup = soup_of(client.get(law.url))
    assert [a.text for a in soup.select("#section-37 .provision__citing a")] == [
        "Platform blocked nationwide"
    ]
    assert [a.text for a in soup.select("#section-26a .provision__citing a")] == [
        "Journalist v. Federation"
    ]
    # The page's own list gathers what cites any of its sections.
    assert {a.text for a in soup.select(".citing a")} == {
        "Platform blocked nationwide",
        "Journalist v. Federation",
    }


def test_a_constitution_has_articles(client, laws):
    constitution = LawPageFactory(
        parent=laws,
        title="Constitution",
        instrument_type="constitution",
        provisions=[provision("19", "Freedom of speech", "")],
    )
    soup = soup_of(client.get(constitution.url))
    assert "Article 19: Freedom of speech" in soup.select_one("#article-19").text
    assert soup.select_one("#provisions-title").text == "Articles"
