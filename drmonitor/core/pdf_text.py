"""The text inside an uploaded PDF (a library entry's document, a court order), so that site
search finds what a document says and its page can say how many pages it has.

pypdf reads the text layer; a scanned PDF without one yields no text, which is kept as such
(the document is still listed and downloadable, and simply not found by its words).
"""

from __future__ import annotations

import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)

# A very long document must not make one page's search entry unbounded.
MAX_TEXT_CHARS = 200_000


def read_pdf(file) -> tuple[str, int | None]:
    """(text, number of pages) of an open PDF file; ("", None) when it cannot be read."""
    try:
        reader = PdfReader(file)
        texts = []
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            texts.append(text)
            size += len(text)
            if size > MAX_TEXT_CHARS:
                break
        return " ".join(" ".join(texts).split())[:MAX_TEXT_CHARS], len(reader.pages)
    except (PdfReadError, ValueError, OSError, KeyError, TypeError) as error:
        logger.warning("could not read a PDF's text: %s", error)
        return "", None
