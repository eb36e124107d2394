"""Which keys a write to the library's documents makes stale (registered by
LibraryConfig.ready()); library entries are pages and articles, whose keys core and the
newsroom register already."""

from __future__ import annotations

from wagtail.documents import get_document_model

from drmonitor.core.caching import invalidation
from drmonitor.core.caching import keys as core_keys
from drmonitor.library import keys
from drmonitor.library.models import LibraryDocument


def document_keys(document) -> list[str]:
    """The document's page, and every entry that lists it."""
    pages = LibraryDocument.objects.filter(document=document.pk).values_list("page_id", flat=True)
    return [keys.document(document.pk), *map(core_keys.page, pages)]


def register() -> None:
    invalidation.register(get_document_model(), document_keys)
