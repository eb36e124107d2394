"""The dependency keys of the library (see core/caching). An entry's own content is its page
key; what it shows of the tracker goes stale with the tracker's records (tracker/keys.py)."""

from __future__ import annotations

from drmonitor.core.caching.keys import record


def document(document_pk: int) -> str:
    """A document's title, file and size, shown on its own page and on the entries using it."""
    return record("wagtaildocs.document", document_pk)
