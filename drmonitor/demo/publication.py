"""The demo publication: authors, articles and site settings, created where missing.

Articles are keyed by slug, authors by slug; what exists is left exactly as editors left it.
"""

from __future__ import annotations

import html
from datetime import datetime

from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from drmonitor.advocacy.models import Signatory, StatementPage
from drmonitor.core.models import SiteSettings
from drmonitor.demo import body, library, media_pages
from drmonitor.demo.media import MediaLibrary
from drmonitor.demo.reading import Article, Located
from drmonitor.demo.saving import reported, save_checked
from drmonitor.demo.schema import AuthorSpec, FrontMatter, SiteSpec, SourceLink
from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, Author
from drmonitor.newsroom.sections import find_section
from drmonitor.tracker import models as tracker
from drmonitor.trends.models import TrendDriver, TrendPage

# Page fields that an article file names differently.
ARTICLE_FIELDS = {
    "date_published": "date",
    "featured_image": "picture",
    "slug": "file name",
    **{name: f"trend.{name}" for name in ("hashtag", "trended_from", "trended_until")},
    **{name: f"trend.{name}" for name in ("peak_volume", "new_account_share")},
    "suspicious_account_share": "trend.suspicious_account_share",
}


def ensure_authors(entries: list[Located[AuthorSpec]], media: MediaLibrary) -> dict[str, Author]:
    authors = {}
    for entry in entries:
        spec = entry.spec
        author = Author.objects.filter(slug=spec.slug).first()
        if author is None:
            author = Author(
                name=spec.name,
                slug=spec.slug,
                role=spec.role,
                bio=f"<p>{html.escape(spec.bio)}</p>",
                x_handle=spec.x_handle,
                photo=media.portrait(entry),
            )
            with reported(entry):
                save_checked(author)
        authors[spec.slug] = author
    return authors


def ensure_site_settings(entry: Located[SiteSpec], media: MediaLibrary) -> None:
    """Fill in the blank fields only, so an editor's wording survives a reload."""
    spec = entry.spec
    settings = SiteSettings.load()
    links = spec.follow_links.model_dump(exclude_none=True)
    wanted = {
        "tagline": spec.tagline,
        "about": spec.about,
        "about_mmfd": spec.about_mmfd or "",
        **{f"{name}_url": url for name, url in links.items()},
    }
    changed = [name for name, value in wanted.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, wanted[name])
    if settings.default_social_image_id is None:
        settings.default_social_image = media.image(spec.social_picture)
        changed.append("default_social_image")
    if changed:
        names = {f"{name}_url": f"follow_links.{name}" for name in links}
        with reported(entry, names={"default_social_image": "social_picture", **names}):
            save_checked(settings)


def sources_paragraph(sources: list[SourceLink]) -> str:
    links = "; ".join(
        f'<a href="{html.escape(source.url)}">{html.escape(source.publisher)}</a>'
        for source in sources
    )
    return f"<p><b>Sources:</b> {links}.</p>"


def stream_block(block: body.Block, media: MediaLibrary) -> tuple[str, object]:
    if isinstance(block, body.Paragraph):
        return ("paragraph", RichText(block.html))
    if isinstance(block, body.Heading):
        return ("heading", block.text)
    if isinstance(block, body.Quote):
        return ("quote", {"quote": block.text, "attribution": block.attribution})
    if isinstance(block, body.Picture):
        image = media.image(block.key)
        return (
            "image",
            {
                "image": image,
                "caption": block.caption or image.caption,
                "credit": block.credit or image.credit,
            },
        )
    if isinstance(block, body.DocumentLink):
        document = media.document(block.key)
        return ("document", {"document": document, "title": block.title or document.title})
    raise TypeError(f"unknown body block {block!r}")


def advocacy_type_of(
    front: FrontMatter, media: MediaLibrary
) -> tuple[type[ArticlePage], dict] | None:
    """A statement or a trend, with the fields its type adds; None for any other file."""
    if front.statement is not None:
        spec = front.statement
        return StatementPage, {
            "statement": tracker.Statement.objects.get(title=spec.record),
            "signatories": [Signatory(name=s.name, kind=s.kind) for s in spec.signatories],
            "downloads": [
                ("document", {"document": media.document(key), "title": ""})
                for key in spec.downloads
            ],
        }
    if front.trend is not None:
        spec = front.trend
        figures = spec.model_dump(exclude={"drivers", "screenshots"})
        return TrendPage, {
            **figures,
            "drivers": [TrendDriver(**driver.model_dump()) for driver in spec.drivers],
            "screenshots": [
                ("screenshot", {"image": media.image(key), "caption": "", "credit": ""})
                for key in spec.screenshots
            ],
        }
    return None


def local_time(value: datetime) -> datetime:
    """A front-matter date is local time where the newsroom is (settings.TIME_ZONE)."""
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def ensure_article(
    home: Page,
    entry: Located[Article],
    authors: dict[str, Author],
    media: MediaLibrary,
    now: datetime,
) -> ArticlePage | None:
    """Create the article if no page has its slug; return it only when it was created."""
    if Page.objects.filter(slug=entry.slug).exists():
        return None
    article_spec, front = entry.spec, entry.spec.front
    with reported(entry, "section"):
        section = find_section(home, article_spec.section)
    with reported(entry, "extra_sections"):
        extra_sections = [find_section(home, path) for path in front.extra_sections]
    scheduled = front.status == "scheduled"
    go_live_at = now + front.go_live_after if scheduled else None
    fields = {
        "title": front.title,
        "slug": entry.slug,
        "standfirst": front.standfirst,
        "date_published": go_live_at or local_time(front.date),
        "featured_image": media.image(front.picture) if front.picture else None,
        "body": [stream_block(block, media) for block in article_spec.blocks]
        + [("paragraph", RichText(sources_paragraph(front.sources)))],
        "live": front.status == "live",
        "go_live_at": go_live_at,
        "search_description": front.standfirst,
    }
    kind = front.library_kind()
    library_fields = library.entry_fields(front)
    # A library field is named in the file under its record: "law.passed_on".
    names = {name: f"{kind}.{name}" for name in [*library_fields, "tracker_laws"]}
    if kind is not None:
        article = library.entry_model(front)(**fields, **library_fields)
    elif (advocacy := advocacy_type_of(front, media)) is not None:
        page_type, typed = advocacy
        article = page_type(**fields, **typed)
    else:
        # An episode or an infographic where its section holds them, else an article.
        article = media_pages.page_for(entry, section, media, fields)
    article.article_authors = [
        ArticleAuthor(author=authors[slug], sort_order=position)
        for position, slug in enumerate(front.authors)
    ]
    article.extra_sections = extra_sections
    article.tags.add(*front.tags)
    library.attach_library_records(article, front, media)
    with reported(entry, names={**names, **ARTICLE_FIELDS}):
        # Wagtail validates the page (full_clean) as it adds it to the tree.
        section.add_child(instance=article)
    revision = article.save_revision()
    if front.status == "draft":
        return article
    # Publishing a revision whose go_live_at lies ahead schedules it (approved_go_live_at),
    # and Wagtail's scheduler publishes it when the time comes.
    revision.publish()
    if front.status == "live":
        when = local_time(front.date)
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=when, last_published_at=when
        )
    return article
