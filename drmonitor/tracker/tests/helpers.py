"""Small builders shared by the tracker tests."""

from __future__ import annotations

from drmonitor.newsroom.models import SectionPage


def court_updates_section() -> SectionPage:
    return SectionPage.objects.get(slug="court-updates")


def publish_article(title: str, cites: str = "", section: SectionPage | None = None, **kw):
    """A live article whose body links to `cites` (how the demo matches stories to records)."""
    from drmonitor.newsroom.factories import ArticlePageFactory

    body = f'We report the hearing. <a href="{cites}">Source</a>' if cites else "Reporting."
    article = ArticlePageFactory(
        parent=section or court_updates_section(), title=title, body_text=body, **kw
    )
    article.save_revision().publish()
    article.refresh_from_db()
    return article
