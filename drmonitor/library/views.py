"""The library's pages beside its entries: one page per document (what it is, how long, which
entry uses it, a download) and the citation downloads of a publication."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from wagtail.documents import get_document_model

from drmonitor.core.caching import depends_on
from drmonitor.core.caching import keys as core_keys
from drmonitor.library import keys
from drmonitor.library.models import DocumentText, LibraryDocument, LibraryPage, ResearchPage


def document_page(request, pk: str):
    """A document used by a live, public library entry; any other document is not shown here
    (a draft's attachment must not be announced before the draft is published)."""
    document = get_object_or_404(get_document_model().objects.select_related("collection"), pk=pk)
    if document.collection.get_view_restrictions().exists():
        raise Http404("This document is not public.")
    entries = LibraryPage.objects.live().public().filter(documents__document=document)
    uses = list(
        LibraryDocument.objects.filter(document=document, page__in=entries)
        .select_related("page")
        .order_by("page__title")
    )
    if not uses:
        raise Http404("No published entry of the library uses this document.")
    depends_on(keys.document(document.pk), *(core_keys.page(use.page_id) for use in uses))
    reading = DocumentText.of(document)
    first = uses[0]
    return render(
        request,
        "library/document_page.html",
        {
            "document": document,
            "kind": first.kind,
            "date": first.date,
            "pages": reading.pages,
            "uses": uses,
        },
    )


def citation(request, pk: str, style: str):
    """A publication's citation as a file a reference manager imports: BibTeX or RIS."""
    page = get_object_or_404(ResearchPage.objects.live().public(), pk=pk)
    depends_on(core_keys.page(page.pk))
    cite = page.citation(request)
    body, content_type = {
        "bib": (cite.bibtex(), "application/x-bibtex; charset=utf-8"),
        "ris": (cite.ris(), "application/x-research-info-systems; charset=utf-8"),
    }[style]
    response = HttpResponse(body, content_type=content_type)
    filename = f"{slugify(page.title)[:60] or 'citation'}.{style}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
