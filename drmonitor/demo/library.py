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


# How a fact of the front matter becomes the page's field of the same name; the rest are kept
# as they are. The tracker laws are set once the page exists (attach_library_records).
_STORED = {
    "jurisdiction": lambda code: tracker.Country.objects.get(code=code) if code else None,
    "provisions": lambda provisions: [_provision(p) for p in provisions],
    "creators": "\n".join,
    "external_url": lambda url: url or "",
}


def entry_fields(front: FrontMatter) -> dict[str, object]:
    """The library fields of the entry's page (none for a plain article)."""
    facts = front.law or front.framework or front.research
    if facts is None:
        return {}
    return {
        name: _STORED.get(name, _as_is)(getattr(facts, name))
        for name in type(facts).model_fields
        if name != "tracker_laws"
    }


def _as_is(value: object) -> object:
    return value


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
