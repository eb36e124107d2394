"""The dependency keys of what vodcasts and infographics show besides pages (core/caching).

An episode or infographic is an article: its own content is `core.caching.keys.page(pk)` and
its lists are the newsroom's (a series' episodes are `newsroom.keys.section_articles`). The
files they show are records of their own: media/dependencies.py makes a replaced file stale
the pages that show it.
"""

from __future__ import annotations

from drmonitor.core.caching.keys import record


def recording(media_pk: int) -> str:
    """An uploaded video or audio file (wagtailmedia)."""
    return record("wagtailmedia.media", media_pk)


def document(document_pk: int) -> str:
    """A document an episode or infographic shows: captions, a data file."""
    return record("wagtaildocs.document", document_pk)
