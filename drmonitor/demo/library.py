"""The demo's library entries: a law, an international instrument or a publication is an article
file with a `law:`, `framework:` or `research:` record and its `documents:`; this turns those
into the library's page fields."""

from __future__ import annotations

import html

from wagtail.rich_text import RichText

from drmonitor.demo.media import MediaLibrary
from drmonitor.demo.schema import FrontMatter, ProvisionSpec
from drmonitor.library.models import FrameworkPage, LawPage, LibraryDocument, ResearchPage
from drmonitor.newsroom.models import ArticlePage
from drmonitor.tracker import models as tracker

MODELS: dict[str | None, type[ArticlePage]] = {
    None: ArticlePage,
    "law": LawPage,
    "framework": FrameworkPage,
    "research": ResearchPage,
}


def entry_model(front: FrontMatter) -> type[ArticlePage]:
    return MODELS[front.library_kind()]


def _provision(spec: ProvisionSpec) -> tuple[str, dict]:
    text = "".join(f"<p>{html.escape(p)}</p>" for p in spec.text.split("\n\n") if p.strip())
    return (
        "provision",
        {
            "number": spec.number,
            "heading": spec.heading,
            "text": RichText(text),
            "source": spec.source or "",
            "tracker_law": (
                tracker.Law.objects.get(title=spec.tracker_law) if spec.tracker_law else None
            ),
        },
    )


def entry_fields(front: FrontMatter) -> dict[str, object]:
    """The library fields of the entry's page (none for a plain article)."""
    if front.law is not None:
        law = front.law
        return {
            "instrument_type": law.instrument_type,
            "status": law.status,
            "jurisdiction": (
                tracker.Country.objects.get(code=law.jurisdiction) if law.jurisdiction else None
            ),
            "year": law.year,
            "tabled_on": law.tabled_on,
            "passed_on": law.passed_on,
            "amended_on": law.amended_on,
            "provisions": [_provision(p) for p in law.provisions],
        }
    if front.framework is not None:
        framework = front.framework
        return {
            "scope": framework.scope,
            "framework_type": framework.framework_type,
            "adopted_by": framework.adopted_by,
            "adopted_on": framework.adopted_on,
            "provisions": [_provision(p) for p in framework.provisions],
        }
    if front.research is not None:
        research = front.research
        return {
            "research_type": research.research_type,
            "creators": "\n".join(research.creators),
            "publisher": research.publisher,
            "issued": research.issued,
            "issued_precision": research.issued_precision,
            "external_url": research.external_url or "",
        }
    return {}


def attach_library_records(page: ArticlePage, front: FrontMatter, media: MediaLibrary) -> None:
    """Set the entry's documents and tracker laws before the page is first saved."""
    if front.documents:
        page.documents = [
            LibraryDocument(document=media.document(item.document), kind=item.kind, date=item.date)
            for item in front.documents
        ]
    facts = front.law or front.framework
    if facts is not None and facts.tracker_laws:
        page.tracker_laws = list(tracker.Law.objects.filter(title__in=facts.tracker_laws))
