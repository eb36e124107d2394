"""New live pages added to the page tree in batches, for an import of thousands of posts.

Wagtail adds a page with `add_child` (a tree lookup, the insert, its parent's count), and a
publish saves it twice more with a revision: some sixty queries a post, most of a first import.
Here each page is placed under its parent in memory (its tree path the next free one, as
`add_child` would give it), checked in full as a publish checks it (`full_clean`, the slug free
among its siblings), then a batch is written together: each table of the page's type in one
insert per few hundred pages, its tags, bylines and extra sections likewise, its parent's count
of children once. The pages are live from the start, with no revision: the text an editor opens
is the page's own, as for any page never edited; the first edit makes the first revision.

Saves send no signals here, so the batch tells the deferred search and reference indexing and
the cache invalidation what it wrote (`core.indexing.saved_in_bulk`,
`invalidation.written_in_bulk`). A batch is written inside the caller's transaction: when any
insert fails, nothing of it stays, and the caller adds those pages one by one instead.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import connections, router
from django.db.models import F, Model
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page

from drmonitor.core.caching import invalidation
from drmonitor.core.indexing import saved_in_bulk


class PageBatch:
    """Pages placed under their parents in memory, written together by `write()`."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self._last_path: dict[int, str] = {}  # parent pk -> the last child path given out
        self._slugs: dict[int, set[str]] = defaultdict(set)  # parent pk -> slugs given out

    def slug_taken(self, parent: Page, slug: str) -> bool:
        """Whether a page already placed in this batch under `parent` has this slug."""
        return slug in self._slugs[parent.pk]

    def place(self, page: Page, parent: Page) -> None:
        """Give `page` its place under `parent` (tree path, depth, address, locale), as
        `add_child` would, without writing it; `full_clean()` can check it then."""
        if parent.pk not in self._last_path:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self._last_path[parent.pk] = last or ""
        last = self._last_path[parent.pk]
        step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page._cached_parent_obj = parent
        self._last_path[parent.pk] = page.path

    def add(self, page: Page) -> None:
        """Keep a placed, checked page for the next `write()`."""
        self.pages.append(page)
        self._slugs[page._cached_parent_obj.pk].add(page.slug)

    def write(self) -> list[Page]:
        """Insert every page kept, with its tags, bylines and extra sections; the pages."""
        pages, self.pages = self.pages, []
        self._slugs.clear()
        by_model: dict[type[Page], list[Page]] = defaultdict(list)
        for page in pages:
            by_model[type(page)].append(page)
        for model, group in by_model.items():
            _insert(model, group)
            saved_in_bulk(model, [page.pk for page in group])
        children = Counter(page._cached_parent_obj.pk for page in pages)
        for parent_pk, count in children.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)
        invalidation.written_in_bulk(pages)
        return pages

    def forget_places(self) -> None:
        """Read the parents' last children again (pages were added beside the batch)."""
        self._last_path.clear()


def _insert(model: type[Page], pages: list[Page]) -> None:
    """Each table of the page type (Page's, then each subclass's) in a few multi-row inserts."""
    db = router.db_for_write(Page)
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    for batch in _batches(db, page_fields, pages):
        rows = Page._base_manager._insert(
            batch,
            fields=page_fields,
            returning_fields=Page._meta.db_returning_fields,
            using=db,
        )
        for page, (pk,) in zip(batch, rows, strict=True):
            page.id = pk
    for cls in [*reversed(model._meta.get_parent_list()), model]:
        if cls is Page:
            continue
        for link in cls._meta.parents.values():
            for page in pages:
                setattr(page, link.attname, page.id)
        fields = cls._meta.local_concrete_fields
        for batch in _batches(db, fields, pages):
            cls._base_manager._insert(batch, fields=fields, using=db)
    for page in pages:
        page._state.adding = False
        page._state.db = db
    _insert_children(model, pages)


def _insert_children(model: type[Page], pages: list[Page]) -> None:
    """What modelcluster would commit on save: child objects (tags, bylines) and the rows of
    parental many-to-many fields (extra sections), held in memory until now."""
    for relation in get_all_child_relations(model):
        children: list[Model] = []
        for page in pages:
            for order, child in enumerate(getattr(page, relation.get_accessor_name()).all()):
                setattr(child, relation.field.attname, page.pk)
                if hasattr(child, "sort_order") and child.sort_order is None:
                    child.sort_order = order
                children.append(child)
        relation.related_model.objects.bulk_create(children, batch_size=500)
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{own}_id": page.pk, f"{other}_id": target.pk})
            for page in pages
            for target in getattr(page, field.name).all()
        ]
        through.objects.bulk_create(rows, batch_size=500)


def _batches(db: str, fields: list, objects: list) -> list[list]:
    size = max(1, connections[db].ops.bulk_batch_size(fields, objects) or len(objects))
    return [objects[start : start + size] for start in range(0, len(objects), size)]
