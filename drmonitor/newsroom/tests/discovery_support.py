"""Articles made the way an editor makes them, for the search, feed and discovery tests.

`publish` gives authors, tags and extra sections in memory and publishes once, as the admin's
edit form does, so the tests also prove the search index sees what was saved with the page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from wagtail.rich_text import RichText

from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, Author, SectionPage


def section(home, *slugs: str) -> SectionPage:
    page = home
    for slug in slugs:
        page = SectionPage.objects.child_of(page).get(slug=slug)
    return page


def publish(
    parent: SectionPage,
    title: str,
    *,
    body: str = "",
    standfirst: str = "",
    tags: Iterable[str] = (),
    authors: Iterable[Author] = (),
    extra_sections: Iterable[SectionPage] = (),
    when: datetime.datetime | None = None,
    image=None,
    live: bool = True,
) -> ArticlePage:
    article = ArticlePage(
        title=title,
        standfirst=standfirst,
        date_published=when or timezone.now(),
        featured_image=image,
        live=False,
    )
    if body:
        article.body = [("paragraph", RichText(f"<p>{body}</p>"))]
    parent.add_child(instance=article)
    article.tags.add(*tags)
    for position, author in enumerate(authors):
        article.article_authors.add(ArticleAuthor(author=author, sort_order=position))
    article.extra_sections.add(*extra_sections)
    revision = article.save_revision()
    if live:
        revision.publish()
    article.refresh_from_db()
    return article
