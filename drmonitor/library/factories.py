"""Factories for library tests: entries in their library sections, and PDFs with real text."""

from __future__ import annotations

import factory
from django.core.files.base import ContentFile
from fpdf import FPDF

from drmonitor.library.models import FrameworkPage, LawPage, LibraryDocument, ResearchPage
from drmonitor.newsroom.factories import ArticlePageFactory, DocumentFactory


def pdf_bytes(*paragraphs: str) -> bytes:
    """A PDF with a text layer holding these paragraphs, one after the other."""
    writer = FPDF(format="A4")
    writer.add_page()
    writer.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        writer.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    return bytes(writer.output())


def pdf(title: str, *paragraphs: str, **fields) -> object:
    """A document whose file is a PDF with these paragraphs as its text."""
    data = pdf_bytes(*(paragraphs or [title]))
    return DocumentFactory(title=title, file=ContentFile(data, name="document.pdf"), **fields)


def attach(page, document, kind: str = "", date=None) -> LibraryDocument:
    """Attach a document to an entry and publish it, as an editor does in the admin."""
    page.documents.add(LibraryDocument(document=document, kind=kind, date=date))
    page.save_revision().publish()
    page.refresh_from_db()
    return page.documents.get(document=document)


class LibraryPageFactory(ArticlePageFactory):
    """An entry of the library; `authors=[...]` sets its byline, as for any article."""

    title = factory.Sequence(lambda n: f"Entry {n}")
    standfirst = "What this entry is about."


class LawPageFactory(LibraryPageFactory):
    instrument_type = "act"
    status = "act"

    class Meta:
        model = LawPage


class FrameworkPageFactory(LibraryPageFactory):
    scope = "un"
    framework_type = "treaty"

    class Meta:
        model = FrameworkPage


class ResearchPageFactory(LibraryPageFactory):
    research_type = "report"

    class Meta:
        model = ResearchPage
