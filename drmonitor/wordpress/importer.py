"""Import a WordPress export: sections, tags, bylines, pictures, articles, old addresses.

Each post or picture is written in its own savepoint: one that fails is reported with its
reason and the others go on. Everything is found again by its WordPress identity
(models.py), so running the same export twice changes nothing, and a later export updates
what changed and adds what is new. An item whose export text is unchanged since the last run is
not touched at all.

Statuses: `publish` is published with its own date; `future` is scheduled (go-live at its date,
published by the background worker then); `draft` and `private` are drafts; `pending` is a
draft submitted to the "Editorial review" workflow. Trashed items and auto-drafts are left out.

The dry run reads and checks everything (the file, the mapping, each body, where each picture
would come from) and writes nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import willow
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageViewRestriction, Site

from drmonitor.core.caching import invalidation
from drmonitor.core.indexing import indexing_deferred
from drmonitor.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    InformationPage,
    SectionPage,
)
from drmonitor.wordpress import content, redirects
from drmonitor.wordpress.mapping import CategoryPlace, propose, section_pages
from drmonitor.wordpress.media import MediaSource, Wanted, fetch_all
from drmonitor.wordpress.models import ImportedAuthor, ImportedItem, ImportedTerm
from drmonitor.wordpress.report import ImportReport
from drmonitor.wordpress.tree import PageBatch
from drmonitor.wordpress.wxr import (
    Export,
    ExportError,
    Item,
    nicename,
    original_upload_path,
    read_export,
)

logger = logging.getLogger(__name__)

PICTURE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "avif", "heic"}
MAX_PIXELS = 128_000_000  # Wagtail's own default for uploads
PICTURE_FORMATS = {"jpeg", "png", "gif", "webp", "avif", "heic"}
LEFT_OUT_STATUSES = {"trash": "in the trash", "auto-draft": "an unsaved auto-draft"}
ARTICLE_TYPES = {"post"}
# New published posts are written this many at a time (tree.py); the others one by one.
BATCH = 200
Progress = Callable[[int, int], None]


@dataclass
class Options:
    uploads: Path | None = None
    media_base: str = ""
    dry_run: bool = False
    mapping: dict[str, str] | None = None
    user: object | None = None  # who submits pending posts for review
    progress: Progress | None = None
    home: Page | None = None


@dataclass
class _State:
    export: Export
    options: Options
    report: ImportReport
    home: Page
    offset: timedelta = timedelta(0)
    sections: dict[str, Page] = field(default_factory=dict)  # category slug -> section
    tags: dict[str, Tag] = field(default_factory=dict)  # tag slug -> tag
    authors: dict[str, Author] = field(default_factory=dict)  # login -> byline
    images: dict[int, tuple[int, str]] = field(default_factory=dict)  # wp id -> (pk, caption)
    by_file: dict[str, int] = field(default_factory=dict)  # upload path -> wp id
    known: dict[int, ImportedItem] = field(default_factory=dict)  # wp id -> what it became
    queued: list[Item] = field(default_factory=list)  # new published posts for the next batch
    batch: PageBatch = field(default_factory=PageBatch)
    done: int = 0
    total: int = 0

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.options.progress is not None:
            self.options.progress(self.done, self.total)


def import_wordpress(source: str | Path | IO[bytes], options: Options | None = None):
    """Import the export at `source`; returns the report."""
    options = options or Options()
    report = ImportReport(dry_run=options.dry_run)
    started = time.monotonic()
    try:
        export = read_export(str(source) if isinstance(source, Path) else source)
    except (ExportError, OSError) as error:
        report.file_error = str(error)
        return report
    home = options.home or Site.objects.get(is_default_site=True).root_page
    state = _State(export, options, report, home, offset=export.utc_offset())
    state.report.source = MediaSource(options.uploads, options.media_base).describe()
    for what, why in export.problems:
        report.skip(what, why)
    items = [item for item in export.items if item.wp_id]
    attachments = [item for item in items if item.post_type == "attachment"]
    articles = [item for item in items if item.post_type in ARTICLE_TYPES]
    pages = [item for item in items if item.post_type == "page"]
    state.total = len(attachments) + len(articles) + len(pages)
    for item in items:
        if item.post_type not in ARTICLE_TYPES | {"attachment", "page"}:
            report.count(item.post_type, "not imported")
    with invalidation.batched(), indexing_deferred():
        _categories(state, articles)
        _tags(state)
        _authors(state, articles)
        _pictures(state, attachments)
        state.known = {
            row.wp_id: row
            for row in ImportedItem.objects.exclude(post_type="attachment").select_related("page")
        }
        for item in articles:
            _article(state, item)
        _write_batch(state)
        for item in pages:
            _information_page(state, item)
        if not options.dry_run:
            count = redirects.build(export, options.home or home, report)
            report.count("old addresses", "redirected", count)
    _comments(state, articles)
    report.seconds = time.monotonic() - started
    return report


# --- sections, tags, bylines -----------------------------------------------------------------


def plan_sections(export: Export, home: Page, chosen: dict[str, str] | None = None):
    """Where each category would land (for --write-mapping and the dry run)."""
    return propose(export.categories, set(section_pages(home)), chosen)


def _categories(state: _State, articles: list[Item]) -> None:
    existing = section_pages(state.home)
    places = propose(state.export.categories, set(existing), state.options.mapping)
    used = {slug for item in articles for slug in item.terms("category")}
    used_paths = {place.wp_path for place in places if place.term.slug in used}
    for place in places:
        section = existing.get(place.section_path)
        wanted = any(p == place.wp_path or p.startswith(place.wp_path + "/") for p in used_paths)
        if section is None and not wanted:
            state.report.count("sections", "not made (no posts)")
            continue
        if section is None and not state.options.dry_run:
            section = _new_section(state, place, existing)
            state.report.count("sections", "created")
        elif section is not None:
            state.report.count("sections", "matched")
        else:
            state.report.count("sections", "would be created")
        if section is not None:
            existing[place.section_path] = section
            state.sections[place.term.slug] = section
            if not state.options.dry_run:
                ImportedTerm.objects.update_or_create(
                    taxonomy=ImportedTerm.CATEGORY,
                    slug=place.term.slug,
                    defaults={
                        "term_id": place.term.term_id,
                        "name": place.term.name,
                        "section": section,
                    },
                )
        state.report.notes.append(
            f"category {place.wp_path} ({place.term.name}) -> section {place.section_path}"
            + ("" if place.exists else " (new)")
        )


def _new_section(state: _State, place: CategoryPlace, existing: dict[str, Page]) -> Page:
    parent_path, _, slug = place.section_path.rpartition("/")
    parent = existing.get(parent_path) if parent_path else state.home
    if parent is None:  # a mapped path under a section that does not exist either
        parent = state.home
    section = SectionPage(title=place.term.name, slug=slug, introduction=place.term.description)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def _tags(state: _State) -> None:
    known = {
        t.slug: t.tag for t in ImportedTerm.objects.filter(taxonomy="post_tag", tag__isnull=False)
    }
    for term in state.export.tags:
        tag = known.get(term.slug) or Tag.objects.filter(name__iexact=term.name).first()
        if tag is not None:
            state.report.count("tags", "matched")
        elif state.options.dry_run:
            state.report.count("tags", "would be created")
            continue
        else:
            slug = term.slug if not Tag.objects.filter(slug=term.slug).exists() else ""
            tag = Tag.objects.create(name=term.name, slug=slug or _free_tag_slug(term.name))
            state.report.count("tags", "created")
        state.tags[term.slug] = tag
        if not state.options.dry_run and term.slug not in known:
            ImportedTerm.objects.update_or_create(
                taxonomy=ImportedTerm.TAG,
                slug=term.slug,
                defaults={"term_id": term.term_id, "name": term.name, "tag": tag},
            )


def _free_tag_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True) or "tag"
    slug, n = base, 1
    while Tag.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _authors(state: _State, articles: list[Item]) -> None:
    writers = {item.creator for item in articles}
    known = {a.login: a for a in ImportedAuthor.objects.select_related("author")}
    for person in state.export.authors:
        if person.login not in writers:
            state.report.count("authors", "without posts, not imported")
            continue
        record = known.get(person.login)
        author = record.author if record else None
        name = person.display_name or person.login
        slug = nicename(person.login) or slugify(name, allow_unicode=True)
        if author is None:
            author = (
                Author.objects.filter(slug=slug).first() or Author.objects.filter(name=name).first()
            )
            action = "matched" if author else "created"
        else:
            action = "matched"
        if state.options.dry_run:
            state.report.count("authors", "would be created" if action == "created" else action)
            continue
        if author is None:
            author = Author.objects.create(name=name, slug=slug)
        state.report.count("authors", action)
        state.authors[person.login] = author
        ImportedAuthor.objects.update_or_create(
            login=person.login,
            defaults={"wp_id": person.wp_id, "email": person.email, "author": author},
        )


# --- pictures --------------------------------------------------------------------------------


def _is_picture(item: Item) -> bool:
    name = item.attached_file or item.attachment_url
    return name.rsplit(".", 1)[-1].lower() in PICTURE_EXTENSIONS


def _pictures(state: _State, attachments: list[Item]) -> None:
    known = {
        row.wp_id: row
        for row in ImportedItem.objects.filter(post_type="attachment").select_related("image")
    }
    by_file = {
        row.source_file: row.image for row in known.values() if row.image and row.source_file
    }
    wanted: dict[str, list[Item]] = {}  # file -> the attachments that name it
    for item in attachments:
        key = item.attached_file or original_upload_path(item.attachment_url) or item.attachment_url
        state.by_file.setdefault(key, item.wp_id)
        row = known.get(item.wp_id)
        if not _is_picture(item):
            state.report.count("attachments", "not pictures, left out")
            state.report.skip(
                f"attachment {item.wp_id} {key}", "not a picture (documents are not imported)"
            )
            state.step()
            continue
        image = (row.image if row else None) or by_file.get(key)
        if image is not None:
            state.images[item.wp_id] = (image.pk, image.caption)
            if row is not None and row.fingerprint == item.fingerprint:
                state.report.count("pictures", "unchanged")
            elif state.options.dry_run:
                state.report.count("pictures", "would be updated")
            else:
                _save_in_savepoint(state, item, partial(_update_picture, item, image, key, row))
            state.step()
            continue
        if state.options.dry_run:
            state.report.count("pictures", "would be created")
            state.step()
            continue
        wanted.setdefault(key, []).append(item)
    source = MediaSource(state.options.uploads, state.options.media_base)
    collection = Collection.get_first_root_node()
    fetches = [Wanted(key, items[0].attachment_url) for key, items in wanted.items()]
    for want, data, why in fetch_all(source, fetches):
        first, *others = wanted[want.key]  # attachments that name the same file share it
        image = None
        if data is None:
            for item in (first, *others):
                state.report.count("pictures", "failed")
                state.report.skip(f"picture {item.wp_id} {want.key}", why)
        else:
            save = partial(_new_picture, first, want.key, data, collection)
            image = _save_in_savepoint(state, first, save)
        for item in (first, *others) if image is not None else ():
            if item is not first:
                _save_in_savepoint(
                    state, item, partial(_remember, item, image=image, source_file=want.key)
                )
                state.report.count("pictures", "reused")
            state.images[item.wp_id] = (image.pk, image.caption)
        state.step(1 + len(others))


def _picture_fields(item: Item) -> dict[str, str]:
    return {
        "title": (item.title or item.attached_file.rsplit("/", 1)[-1])[:255],
        "caption": content.plain_text(item.excerpt)[:400],
        "description": item.meta.get("_wp_attachment_image_alt", "").strip()[:255],
    }


def _new_picture(item: Item, key: str, data: bytes, collection: Collection):
    """A new picture in the library, checked as an upload is (a format Wagtail serves, a size
    it accepts) and saved once."""
    name = key.rsplit("/", 1)[-1] or "picture.jpg"
    try:
        picture = willow.Image.open(BytesIO(data))
        width, height = picture.get_size()
    except Exception as error:  # noqa: BLE001 - any reader error means "not a picture"
        raise ValidationError(f"{name} is not a picture this site can show ({error})") from error
    if picture.format_name not in PICTURE_FORMATS:
        raise ValidationError(f"{name}: {picture.format_name} pictures are not accepted")
    if width * height > getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", MAX_PIXELS):
        raise ValidationError(f"{name} has more pixels than this site accepts")
    image = get_image_model()(
        **_picture_fields(item), collection=collection, file=ImageFile(BytesIO(data), name=name)
    )
    image._set_image_file_metadata()
    image.save()
    _remember(item, image=image, source_file=key)
    return image


def _update_picture(item: Item, image, key: str, row: ImportedItem | None):
    fields = _picture_fields(item)
    changed = [name for name, value in fields.items() if getattr(image, name) != value]
    for name in changed:
        setattr(image, name, fields[name])
    if changed:
        image.save(update_fields=changed)
    _remember(item, image=image, source_file=key)
    return image


def _remember(item: Item, **made) -> None:
    """Record what an item of the export became (`page=` or `image=` and its `source_file=`),
    so the next run updates it instead of making it again."""
    ImportedItem.objects.update_or_create(
        wp_id=item.wp_id,
        defaults={
            "post_type": item.post_type,
            "status": item.status,
            "slug": item.slug,
            "fingerprint": item.fingerprint,
            **made,
        },
    )


def _save_in_savepoint(state: _State, item: Item, work: Callable[[], object]):
    """Run one item's writes in a savepoint; a failure is reported and undone alone."""
    kind = {"attachment": "pictures", "page": "pages"}.get(item.post_type, "articles")
    try:
        with transaction.atomic():
            result = work()
    except (ValidationError, DatabaseError, ValueError, OSError) as error:
        state.report.count(kind, "failed")
        state.report.skip(f"{item.post_type} {item.wp_id} {item.title!r}", _reason(error))
        logger.info("WordPress %s %s failed", item.post_type, item.wp_id, exc_info=True)
        return None
    if kind == "pictures" and result is not None:
        state.report.count(kind, "created" if item.wp_id not in state.images else "updated")
    return result


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        return " ".join(error.messages)
    return str(error) or type(error).__name__


# --- articles --------------------------------------------------------------------------------


def _article(state: _State, item: Item) -> None:
    report = state.report
    if item.status in LEFT_OUT_STATUSES:
        report.count("articles", "left out")
        report.skip(f"post {item.wp_id} {item.title!r}", LEFT_OUT_STATUSES[item.status])
        state.step()
        return
    row = state.known.get(item.wp_id)
    page = row.page if row else None
    if page is not None and row.fingerprint == item.fingerprint:
        report.count("articles", "unchanged")
        state.step()
        return
    if state.options.dry_run:
        _check_article(state, item)
        report.count("articles", "would be updated" if page else "would be created")
        state.step()
        return
    if page is None and item.status == "publish" and not item.password:
        state.queued.append(item)
        if len(state.queued) >= BATCH:
            _write_batch(state)
        return
    _save_one(state, item, row, page)


def _save_one(state: _State, item: Item, row: ImportedItem | None, page: Page | None) -> None:
    result = _save_in_savepoint(state, item, lambda: _save_article(state, item, row, page))
    if result is not None:
        _count_saved(state, item, result, "updated" if page else "created")
    state.batch.forget_places()
    state.step()


def _count_saved(state: _State, item: Item, article: ArticlePage, action: str) -> None:
    state.report.count("articles", f"{action} ({item.status})")
    state.report.count("articles by kind", article._meta.verbose_name)


def _write_batch(state: _State) -> None:
    """The queued new published posts: each checked alone (one that fails is reported), then
    written together; when the batch cannot be written, each is saved alone instead."""
    items, state.queued = state.queued, []
    placed: list[tuple[Item, ArticlePage]] = []
    for item in items:
        article = _save_in_savepoint(state, item, partial(_place_live_article, state, item))
        if article is None:
            state.step()
        else:
            placed.append((item, article))
    if not placed:
        return
    try:
        with transaction.atomic():
            for _, article in placed:
                state.batch.add(article)
            state.batch.write()
            ImportedItem.objects.bulk_create(
                [_imported_row(item, page=article) for item, article in placed], batch_size=500
            )
    except DatabaseError:
        logger.info("A batch of WordPress posts failed; saving them one by one", exc_info=True)
        state.batch.forget_places()
        for item, _ in placed:
            _save_one(state, item, None, None)
        return
    for item, article in placed:
        _count_saved(state, item, article, "created")
        state.step()


def _check_article(state: _State, item: Item) -> None:
    """What the dry run can tell of one post without writing it."""
    _check_body(state, item)
    if not _sections_of(state, item)[0]:
        state.report.skip(
            f"post {item.wp_id} {item.title!r}", "none of its categories has a section"
        )


def _check_body(state: _State, item: Item) -> None:
    body = content.convert(
        item.content, lambda wp_id, url: _find_image(state, wp_id, url) or _placeholder()
    )
    _note_body(state, item, body)


def _placeholder() -> content.FoundImage:
    return content.FoundImage(0, "")


def _find_image(state: _State, wp_id: int | None, url: str) -> content.FoundImage | None:
    if wp_id is None and url:
        wp_id = state.by_file.get(original_upload_path(url))
    found = state.images.get(wp_id) if wp_id is not None else None
    if found is None and wp_id is not None and wp_id in state.by_file.values():
        return None
    return content.FoundImage(*found) if found else None


def _note_body(state: _State, item: Item, body: content.Body) -> None:
    for name, n in body.unknown_shortcodes.items():
        state.report.shortcodes[name][item.wp_id] += n
    for problem in body.problems:
        state.report.skip(f"post {item.wp_id} {item.title!r}", problem)


def article_model(section: Page) -> type[ArticlePage] | None:
    """The kind of article a section holds: a plain article, or the one article type of a
    section with its own content type (a trend in Trends Monitor, an episode in a series);
    None when it holds no article at all."""
    allowed = section.specific_class.allowed_subpage_models()
    if ArticlePage in allowed:
        return ArticlePage
    kinds = [model for model in allowed if issubclass(model, ArticlePage)]
    return kinds[0] if len(kinds) == 1 else None


def _sections_of(state: _State, item: Item) -> tuple[Page | None, list[SectionPage]]:
    """The primary section (the deepest of its categories that holds articles; the first
    listed wins a tie) and the others, less those that already hold the primary."""
    sections = []
    for slug in item.terms("category"):
        section = state.sections.get(slug)
        if section is not None and section not in sections:
            sections.append(section)
    holders = [s for s in sections if article_model(s) is not None]
    if not holders and sections:
        # Sections whose own kind of page takes no articles at all (a campaign's page): the
        # nearest section above that does.
        holders = [h for h in (_holder_above(s) for s in sections) if h is not None][:1]
    if not holders:
        return None, []
    primary = max(holders, key=lambda s: (s.depth, -holders.index(s)))
    extra = [
        s.specific
        for s in sections
        if s.pk != primary.pk
        and not primary.path.startswith(s.path)
        and isinstance(s.specific_deferred, SectionPage)
    ]
    return primary, extra


def _slug_for(item: Item, parent: Page, page: Page | None) -> str:
    slug = item.slug or slugify(item.title, allow_unicode=True)[:80] or f"post-{item.wp_id}"
    taken = Page.objects.child_of(parent).filter(slug=slug)
    if page is not None:
        taken = taken.exclude(pk=page.pk)
    if taken.exists():
        slug = f"{slug}-{item.wp_id}"
    return slug


def _placing(state: _State, item: Item):
    """Where a post goes (its section, its other sections), its body and its date."""
    primary, extra = _sections_of(state, item)
    if primary is None:
        raise ValidationError("none of its categories has a section that can hold articles")
    return primary, extra, _body(state, item), item.published_at(state.offset) or timezone.now()


def _save_article(state: _State, item: Item, row: ImportedItem | None, page: Page | None):
    primary, extra, body, when = _placing(state, item)
    if page is None:
        article = _new_article(state, item, primary, extra, body, when, _add_child)
    else:
        article = page.specific
        if article.get_parent().pk != primary.pk and article_model(primary) is type(article):
            article.move(primary, pos="last-child")
            article.refresh_from_db()
        parent = article.get_parent()
        _fill(state, item, article, _also_listed_in(primary, parent, extra), body, when)
        article.slug = _slug_for(item, article.get_parent(), article)
    _apply_status(state, item, article, when)
    _password(item, article)
    _remember_page(item, article)
    return article


def _remember_page(item: Item, page: Page) -> None:
    row = _imported_row(item, page=page)
    ImportedItem.objects.update_or_create(
        wp_id=item.wp_id,
        defaults={name: getattr(row, name) for name in IMPORTED_FIELDS},
    )


IMPORTED_FIELDS = ("post_type", "status", "slug", "page", "fingerprint")


def _imported_row(item: Item, page: Page) -> ImportedItem:
    return ImportedItem(
        wp_id=item.wp_id,
        post_type=item.post_type,
        status=item.status,
        slug=item.slug,
        page=page,
        fingerprint=item.fingerprint,
    )


def _add_child(state: _State, item: Item, article: ArticlePage, parent: Page) -> None:
    """Saved at once, as a draft; checked then in full (a draft is saved with only the checks
    drafts get; this kind may need more)."""
    parent.add_child(instance=article)
    article.full_clean()


def _place_live_article(state: _State, item: Item) -> ArticlePage:
    """A new published post, placed in the tree and checked, for the next batch to write."""
    return _new_article(state, item, *_placing(state, item), _place_live)


def _place_live(state: _State, item: Item, article: ArticlePage, parent: Page) -> None:
    if state.batch.slug_taken(parent, article.slug):
        article.slug = f"{article.slug}-{item.wp_id}"
    state.batch.place(article, parent)
    article.live, article.has_unpublished_changes = True, False
    article.last_published_at = article.first_published_at
    article.full_clean()


def _body(state: _State, item: Item) -> content.Body:
    body = content.convert(
        item.content.replace(f'href="{state.export.base_url}/', 'href="/'),
        lambda wp_id, url: _find_image(state, wp_id, url),
    )
    _note_body(state, item, body)
    return body


def _new_article(state, item, primary: Page, extra, body, when, save) -> ArticlePage:
    """A new article of the kind its section holds, given to `save` with its section. A section
    with its own kind (a trend, an episode) may need what a post does not give (a hashtag, a
    video): then the post becomes a plain article in the nearest section above that holds
    them, listed in its own section too, and the report says so."""
    model = article_model(primary)
    article = _new_of_kind(state, item, model, primary, extra, body, when)
    try:
        with transaction.atomic():
            save(state, item, article, primary)
        return article
    except (ValidationError, DatabaseError) as error:
        holder = _holder_above(primary)
        if model is ArticlePage:
            raise
        if holder is None:
            raise ValidationError(
                f"{primary.title} holds {model._meta.verbose_name_plural}, which need what the "
                f"post does not give ({_reason(error)}); map its category to a plain section "
                "(--mapping) to keep it as an article"
            ) from error
        state.report.skip(
            f"post {item.wp_id} {item.title!r}",
            f"{primary.title} holds {model._meta.verbose_name_plural}, which need what the "
            f"post does not give ({_reason(error)}): filed as an article in {holder.title}, "
            f"listed in {primary.title}",
        )
    listed = _also_listed_in(primary, holder, extra)
    article = _new_of_kind(state, item, ArticlePage, holder, listed, body, when)
    save(state, item, article, holder)
    return article


def _also_listed_in(primary: Page, parent: Page, extra: list[SectionPage]) -> list[SectionPage]:
    """The sections an article is listed in besides its own: when its section could not hold
    it (a post in Laws and Policies filed as an article in Resources), that section too, so
    its readers still find the post there, as they did on the old site."""
    if parent.pk == primary.pk or not isinstance(primary.specific_deferred, SectionPage):
        return extra
    return [*extra, primary.specific]


def _new_of_kind(state, item, model, parent: Page, extra, body, when) -> ArticlePage:
    article = model()
    _fill(state, item, article, extra, body, when)
    article.slug = _slug_for(item, parent, None)
    return article


def _holder_above(section: Page) -> Page | None:
    """The nearest section above this one that holds plain articles."""
    for ancestor in reversed(section.get_ancestors()):
        if article_model(ancestor) is ArticlePage:
            return ancestor.specific_deferred
    return None


def _fill(state: _State, item: Item, article: ArticlePage, extra, body, when) -> None:
    article.title = item.title or f"(untitled {item.wp_id})"
    article.standfirst = content.plain_text(item.excerpt)
    article.date_published = when
    article.body = body.blocks
    thumbnail = state.images.get(item.thumbnail_id) if item.thumbnail_id else None
    article.featured_image_id = thumbnail[0] if thumbnail else None
    _fill_kind(article)
    article.extra_sections = extra
    article.tags.set([state.tags[slug] for slug in item.terms("post_tag") if slug in state.tags])
    author = state.authors.get(item.creator)
    article.article_authors = [ArticleAuthor(author=author)] if author else []
    if article.pk is None:
        article.live = False
        article.first_published_at = when if item.status == "publish" else None
        if item.thumbnail_id and thumbnail is None:
            state.report.skip(
                f"post {item.wp_id} {item.title!r}",
                f"its featured picture (attachment {item.thumbnail_id}) could not be imported",
            )
        if author is None:
            state.report.skip(
                f"post {item.wp_id} {item.title!r}",
                f"author {item.creator!r} is not in the export",
            )


VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com")


def _fill_kind(article: ArticlePage) -> None:
    """What a section's own kind of article needs, where the post gives it (the kinds are
    named by their fields: this app imports none of the apps that define them).

    - an episode (a video link): the post's first YouTube or Vimeo embed, which the episode's
      player then shows in place of the embed;
    - an infographic (its picture and a description in words): the featured picture, else the
      first picture of the body, described by the post's text.

    The other kinds need what no post says (a law's status, a trend's one hashtag, the
    statement record a statement page shows): such posts become plain articles (see
    `_new_article`).
    """
    fields = {field.name for field in article._meta.concrete_fields}
    blocks = list(article.body.raw_data)
    if "external_video_url" in fields:
        for block in blocks:
            host = (
                (urlsplit(str(block["value"].get("embed", ""))).hostname or "")
                if (block["type"] == "embed")
                else ""
            )
            if host.removeprefix("www.") in VIDEO_HOSTS:
                article.external_video_url = block["value"]["embed"]
                article.body = [b for b in blocks if b is not block]
                break
    if "graphic" in fields and "long_description" in fields:
        pictures = [b["value"]["image"] for b in blocks if b["type"] == "image"]
        article.graphic_id = article.featured_image_id or (pictures[0] if pictures else None)
        words = [b["value"] for b in blocks if b["type"] in ("heading", "paragraph")]
        article.long_description = content.plain_text("\n".join(words))


def _apply_status(state: _State, item: Item, article: Page, when) -> None:
    status = item.status
    if status == "publish":
        article.go_live_at = None
        article.save_revision(user=None, log_action=False).publish(user=None, log_action=False)
    elif status == "future":
        article.go_live_at = when
        revision = article.save_revision(user=None, log_action=False)
        revision.publish(user=None, log_action=False)  # scheduled: live at go_live_at
    else:
        if article.live:  # was published, now a draft in WordPress
            article.unpublish(log_action=False)
        article.save_revision(user=None, log_action=False)
        if status == "pending":
            _submit_for_review(state, article)
        elif status == "private":
            state.report.skip(f"post {item.wp_id} {item.title!r}", "was private: kept as a draft")


def _submit_for_review(state: _State, article: ArticlePage) -> None:
    workflow = article.get_workflow()
    if workflow is None:
        state.report.notes.append(f"{article.title!r}: no review workflow; kept as a draft")
        return
    if article.workflow_in_progress:
        return
    workflow.start(article, state.options.user)


def _password(item: Item, article: ArticlePage) -> None:
    restriction = PageViewRestriction.objects.filter(page=article).first()
    if item.password:
        if restriction is None:
            restriction = PageViewRestriction(page=article)
        restriction.restriction_type = PageViewRestriction.PASSWORD
        restriction.password = item.password
        restriction.save()
    elif restriction is not None and restriction.restriction_type == PageViewRestriction.PASSWORD:
        restriction.delete()


# --- pages ---------------------------------------------------------------------------------


def _information_page(state: _State, item: Item) -> None:
    """A WordPress page (About us, Contact us) as an information page under the home page."""
    report = state.report
    if item.status in LEFT_OUT_STATUSES:
        report.count("pages", "left out")
        report.skip(f"page {item.wp_id} {item.title!r}", LEFT_OUT_STATUSES[item.status])
    elif (row := state.known.get(item.wp_id)) and row.page and row.fingerprint == item.fingerprint:
        report.count("pages", "unchanged")
    elif state.options.dry_run:
        _check_body(state, item)
        report.count("pages", "would be updated" if row and row.page else "would be created")
    else:
        page = row.page if row else None
        saved = _save_in_savepoint(state, item, partial(_save_information_page, state, item, page))
        if saved is not None:
            report.count("pages", f"{'updated' if page else 'created'} ({item.status})")
    state.step()


def _save_information_page(state: _State, item: Item, page: Page | None) -> InformationPage:
    info = page.specific if page is not None else InformationPage()
    info.title = item.title or f"(untitled {item.wp_id})"
    info.introduction = content.plain_text(item.excerpt)
    info.body = _body(state, item).blocks
    when = item.published_at(state.offset) or timezone.now()
    if page is None:
        info.slug = _slug_for(item, state.home, None)
        info.live = False
        info.first_published_at = when if item.status == "publish" else None
        state.home.add_child(instance=info)
    else:
        info.slug = _slug_for(item, info.get_parent(), info)
    _apply_status(state, item, info, when)
    _password(item, info)
    _remember_page(item, info)
    return info


# --- comments --------------------------------------------------------------------------------


def _comments(state: _State, articles: Iterable[Item]) -> None:
    """This site keeps no reader comments: each is listed (never with its e-mail or address)."""
    for item in articles:
        for comment in item.comments:
            state.report.count("comments", f"listed ({_approval(comment.approved)})")
            state.report.comments.append(
                f"post {item.wp_id} {item.title!r}: comment {comment.wp_id} by "
                f"{comment.author or 'anonymous'}, {comment.date_gmt} UTC, "
                f"{_approval(comment.approved)}"
                + (f", reply to {comment.parent}" if comment.parent else "")
            )


def _approval(approved: str) -> str:
    return {"1": "approved", "0": "pending", "spam": "spam", "trash": "trash"}.get(
        approved, approved or "unknown"
    )
