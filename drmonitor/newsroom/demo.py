"""Demo content for the newsroom: the section tree, authors and articles. Idempotent.

Everything is keyed by something an editor rarely changes (section and article slugs, author
slugs, image and document titles). What exists is left exactly as editors left it; only what is
missing is created, so loading twice changes nothing.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from drmonitor.core import imagegen
from drmonitor.core.models import CustomImage, SiteSettings
from drmonitor.newsroom.demo_articles import (
    ARTICLES,
    AUTHORS,
    ILLUSTRATIONS,
    PAPERS,
    SITE_ABOUT,
    SITE_FOLLOW_LINKS,
    SITE_TAGLINE,
)
from drmonitor.newsroom.demo_records import (
    BarChart,
    Block,
    DemoArticle,
    DemoAuthor,
    DocLink,
    Heading,
    HubDiagram,
    Illustration,
    Para,
    Picture,
    Post,
    Quote,
)
from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, Author, SectionPage
from drmonitor.newsroom.sections import SECTION_TREE, SectionTree

PAKISTAN = ZoneInfo("Asia/Karachi")


def section_slug(title: str) -> str:
    """'#PrivacyHumSabKe' -> 'privacyhumsabke', 'Gender & Tech' -> 'gender-tech'."""
    return slugify(title) or "section"


def ensure_sections(parent: Page, tree: SectionTree = SECTION_TREE) -> None:
    """Create the sections missing under `parent`; leave the others as editors left them."""
    for title, children in tree:
        slug = section_slug(title)
        section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
        if section is None:
            section = SectionPage(title=title, slug=slug, show_in_menus=True)
            parent.add_child(instance=section)
            section.save_revision().publish()
        ensure_sections(section, children)


def find_section(home: Page, path: str) -> SectionPage:
    """The section at a slug path such as 'drm-exclusive/campaigns/privacyhumsabke'."""
    page: Page = home
    for slug in path.split("/"):
        page = SectionPage.objects.child_of(page).get(slug=slug)
    return page


# --- Media ----------------------------------------------------------------------------------


def draw_illustration(spec: Illustration) -> bytes:
    figure = spec.figure
    if isinstance(figure, BarChart):
        return imagegen.bar_chart(
            spec.key, figure.title, list(figure.bars), figure.unit, figure.note
        )
    if isinstance(figure, HubDiagram):
        return imagegen.hub_diagram(
            spec.key,
            figure.title,
            figure.hub,
            list(figure.spokes),
            list(figure.broken),
            figure.note,
        )
    return imagegen.illustration(spec.key, spec.label)


def describe(spec: Illustration) -> str:
    """Alt text: what the picture shows, charts with their numbers."""
    figure = spec.figure
    if isinstance(figure, BarChart):
        values = "; ".join(f"{label}: {value:g} {figure.unit}" for label, value in figure.bars)
        return f"Bar chart, {figure.title}. {values}."
    if isinstance(figure, HubDiagram):
        broken = ", ".join(figure.broken)
        return (
            f"Diagram, {figure.title}: {len(figure.spokes)} lines into {figure.hub}; "
            f"{broken} drawn dashed as faulty."
        )
    return (
        "Abstract illustration of linked dots and shapes on a colour gradient, "
        f"labelled \u201c{spec.label}\u201d"
    )


class MediaLibrary:
    """Generated images and documents, made once and then found again by title."""

    def __init__(self) -> None:
        self.illustrations = {item.key: item for item in ILLUSTRATIONS}
        self.papers = {item.key: item for item in PAPERS}
        self._images: dict[str, CustomImage] = {}
        self._documents: dict[str, object] = {}

    def image(self, key: str) -> CustomImage:
        if key not in self._images:
            spec = self.illustrations[key]
            self._images[key] = self._ensure_image(
                spec.title,
                lambda: draw_illustration(spec),
                f"{spec.key}.{'png' if spec.figure else 'jpg'}",
                caption=spec.caption,
                credit=spec.credit,
                description=describe(spec),
            )
        return self._images[key]

    def portrait(self, author: DemoAuthor) -> CustomImage:
        return self._ensure_image(
            f"Portrait: {author.name}",
            lambda: imagegen.avatar(author.slug, author.name),
            f"author-{author.slug}.png",
            caption=author.name,
            credit="Illustration: DRM",
            description=f"The initials {imagegen.initials_of(author.name)} on a coloured disc",
        )

    def document(self, key: str):
        if key not in self._documents:
            spec = self.papers[key]
            model = get_document_model()
            document = model.objects.filter(title=spec.title).first()
            if document is None:
                data = imagegen.pdf_document(spec.title, list(spec.paragraphs), spec.subtitle)
                document = model(title=spec.title)
                document.file.save(f"{spec.key}.pdf", ContentFile(data), save=False)
                document.save()
            self._documents[key] = document
        return self._documents[key]

    @staticmethod
    def _ensure_image(
        title: str, draw, filename: str, caption: str, credit: str, description: str
    ) -> CustomImage:
        image = CustomImage.objects.filter(title=title).first()
        if image is None:
            image = CustomImage(
                title=title, caption=caption, credit=credit, description=description
            )
            image.file.save(filename, ImageFile(ContentFile(draw()), name=filename), save=False)
            image._set_image_file_metadata()
            image.save()
        return image


# --- Authors and site settings --------------------------------------------------------------


def ensure_authors(media: MediaLibrary) -> dict[str, Author]:
    authors = {}
    for spec in AUTHORS:
        author = Author.objects.filter(slug=spec.slug).first()
        if author is None:
            author = Author.objects.create(
                name=spec.name,
                slug=spec.slug,
                role=spec.role,
                bio=f"<p>{html.escape(spec.bio)}</p>",
                x_handle=spec.x_handle,
                photo=media.portrait(spec),
            )
        authors[spec.slug] = author
    return authors


def ensure_site_settings(media: MediaLibrary) -> None:
    """Fill in the blank fields only, so an editor's wording survives a reload."""
    settings = SiteSettings.load()
    wanted = {"tagline": SITE_TAGLINE, "about": SITE_ABOUT, **SITE_FOLLOW_LINKS}
    changed = [name for name, value in wanted.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, wanted[name])
    if settings.default_social_image_id is None:
        settings.default_social_image = media.image("social-card")
        changed.append("default_social_image")
    if changed:
        settings.save()


# --- Articles -------------------------------------------------------------------------------


def sources_paragraph(sources: tuple[tuple[str, str], ...]) -> str:
    links = "; ".join(
        f'<a href="{html.escape(url)}">{html.escape(name)}</a>' for name, url in sources
    )
    return f"<p><b>Sources:</b> {links}.</p>"


def stream_block(block: Block, media: MediaLibrary) -> tuple[str, object]:
    if isinstance(block, Para):
        return ("paragraph", RichText(f"<p>{html.escape(block.text, quote=False)}</p>"))
    if isinstance(block, Heading):
        return ("heading", block.text)
    if isinstance(block, Quote):
        return ("quote", {"quote": block.text, "attribution": block.attribution})
    if isinstance(block, Picture):
        image = media.image(block.illustration)
        return (
            "image",
            {
                "image": image,
                "caption": block.caption or image.caption,
                "credit": block.credit or image.credit,
            },
        )
    if isinstance(block, Post):
        # A link, not an EmbedBlock: rendering an embed asks the provider over the network.
        link = f'<a href="{html.escape(block.url)}">{html.escape(block.url)}</a>'
        return ("paragraph", RichText(f"<p>{html.escape(block.caption)}: {link}</p>"))
    if isinstance(block, DocLink):
        document = media.document(block.paper)
        return ("document", {"document": document, "title": block.title or document.title})
    raise TypeError(f"unknown demo block {block!r}")


def published_at(spec: DemoArticle) -> datetime:
    return datetime.strptime(spec.date, "%Y-%m-%d %H:%M").replace(tzinfo=PAKISTAN)


def ensure_article(
    home: Page,
    spec: DemoArticle,
    authors: dict[str, Author],
    media: MediaLibrary,
    now: datetime,
) -> ArticlePage | None:
    """Create the article if no page has its slug; return it only when it was created."""
    if Page.objects.filter(slug=spec.slug).exists():
        return None
    section = find_section(home, spec.section)
    go_live_at = now + spec.go_live_after if spec.status == "scheduled" else None
    article = ArticlePage(
        title=spec.title,
        slug=spec.slug,
        standfirst=spec.standfirst,
        date_published=go_live_at or published_at(spec),
        featured_image=media.image(spec.image) if spec.image else None,
        body=[stream_block(block, media) for block in spec.body]
        + [("paragraph", RichText(sources_paragraph(spec.sources)))],
        live=spec.status == "live",
        go_live_at=go_live_at,
        search_description=spec.standfirst,
    )
    article.article_authors = [
        ArticleAuthor(author=authors[slug], sort_order=position)
        for position, slug in enumerate(spec.authors)
    ]
    article.extra_sections = [find_section(home, path) for path in spec.extra_sections]
    article.tags.add(*spec.tags)
    section.add_child(instance=article)
    revision = article.save_revision()
    if spec.status == "draft":
        return article
    # Publishing a revision whose go_live_at lies ahead schedules it (approved_go_live_at),
    # and Wagtail's scheduler publishes it when the time comes.
    revision.publish()
    if spec.status == "live":
        when = published_at(spec)
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=when, last_published_at=when
        )
    return article


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """Index each object the load saves once, at the end, rather than after every save.

    A new article is saved three times (tree insert, revision, publish) and each save would
    re-index it for search and for Wagtail's reference index; that was most of the load.
    """
    searched = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    saved: dict[tuple[type, object], None] = {}

    def remember(sender, instance, raw=False, **kwargs) -> None:
        model = type(instance)
        if not raw and (model in searched or ReferenceIndex.is_indexed(model)):
            saved[(model, instance.pk)] = None

    post_save.connect(remember, weak=False, dispatch_uid="newsroom-demo-deferred-indexing")
    paused = [model for model in searched if post_save.disconnect(search_on_save, sender=model)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="newsroom-demo-deferred-indexing")
        for model in paused:
            post_save.connect(search_on_save, sender=model)
    for model, pk in saved:
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:
            continue
        if model in searched:
            search_index.insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(model):
            ReferenceIndex.create_or_update_for_object(instance)


def load(home: Page) -> None:
    with indexing_deferred():
        ensure_sections(home)
        media = MediaLibrary()
        authors = ensure_authors(media)
        now = timezone.now()
        for spec in ARTICLES:
            ensure_article(home, spec, authors, media, now)
        ensure_site_settings(media)
