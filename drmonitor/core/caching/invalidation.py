"""Which dependency keys a write makes stale: an allow-list of models, each with its keys.

An app registers, for each model whose content its pages show, a function that names the keys
an object of it stands behind, read from the database as it is at the moment of the call:

    invalidation.register(Author, lambda author: [f"author:{author.pk}", ...])

A model whose keys take several queries to read registers a function of many objects instead
(`register_many`): an import that writes thousands of them reads their keys in a few queries.

The function is called before the write (the old state: the sections an article leaves, the
tags it loses) and again after the transaction commits (the new state), and every key either
call names is appended to the ledger. Each write carries its keys in its own commit callback, so
nothing a rolled-back transaction wrote is recorded; an import wraps its writes in `batched()`
to record them as one entry. A model nobody registered invalidates nothing, so a model added
later never empties the cache; a write that bypasses model signals (`QuerySet.update`) calls
`invalidate()` itself.

Pages are special in two ways. Every page type gets the keys of `page_keys` (its own page, its
parent's list of children, the menu when it is in it) without registering anything. And a
page's row is also saved, in part, for every draft revision, which readers never see: only a
whole save (a publish, an unpublish, a new page, a page saved directly) or a move or deletion
counts. The same holds for every model with a draft state (the tracker's reviewed records).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import post_page_move, pre_page_move

from drmonitor.core.caching import frontend, keys
from drmonitor.core.caching.snapshot import ledger_view

KeysOf = Callable[[Model], Iterable[str]]
KeysOfMany = Callable[[list[Model]], Iterable[str]]
CHUNK = 500  # objects per query when keys are read for many

_registry: dict[type[Model], list[KeysOf]] = {}
_registry_many: dict[type[Model], list[KeysOfMany]] = {}


def register(model: type[Model], keys_of: KeysOf) -> None:
    """Make writes to `model` (and its subclasses) stale the keys `keys_of` names."""
    _registry.setdefault(model, []).append(keys_of)


def register_many(model: type[Model], keys_of_many: KeysOfMany) -> None:
    """As `register`, with a function that names the keys of many objects at once."""
    _registry_many.setdefault(model, []).append(keys_of_many)


def is_registered(model: type[Model]) -> bool:
    return any(cls in _registry or cls in _registry_many for cls in model.__mro__)


def keys_of(instance: Model) -> set[str]:
    """Every key the registered functions name for `instance`, as the database has it now."""
    return keys_of_all([instance])


def keys_of_all(instances: Iterable[Model]) -> set[str]:
    """Every key the registered functions name for these objects, as the database has it now;
    the objects of one model are read together."""
    by_model: dict[type[Model], list[Model]] = defaultdict(list)
    for instance in instances:
        if instance.pk is not None:
            by_model[type(instance)].append(instance)
    found: set[str] = set()
    for model, group in by_model.items():
        for cls in model.__mro__:
            for function in _registry.get(cls, ()):
                for instance in group:
                    found.update(function(instance))
            for many in _registry_many.get(cls, ()):
                for start in range(0, len(group), CHUNK):
                    found.update(many(group[start : start + CHUNK]))
    return found


def pages_keys(pages: list[Page]) -> set[str]:
    """What every page stands behind: itself, its parent's children, the list of all pages,
    and the menu when it is in it."""
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).values_list(
        "pk", "path", "depth", "show_in_menus"
    )
    found: set[str] = set()
    parent_paths = set()
    for pk, path, depth, in_menu in rows:
        found.update((keys.PAGES, keys.page(pk)))
        if depth > 1:
            parent_paths.add(path[: -Page.steplen])
        if in_menu:
            found.add(keys.MENU)
    parents = Page.objects.filter(path__in=parent_paths).values_list("pk", flat=True)
    found.update(keys.children(pk) for pk in parents)
    return found


def page_keys(page: Page) -> set[str]:
    return pages_keys([page])


register_many(Page, pages_keys)


# --- recording at commit -------------------------------------------------------------------


def _append(before: frozenset[str], written: list[Model]) -> None:
    """Once committed: read the new state of what was written; append one ledger entry."""
    stale = set(before) | keys_of_all(written)
    if stale:
        ledger_view().ledger.append(frozenset(stale))
        frontend.purge(stale)


class _Batch:
    """What the writes inside `batched()` made stale, recorded as one entry at commit."""

    def __init__(self) -> None:
        self.before: set[str] = set()
        self.written: dict[tuple[type[Model], object], Model] = {}

    def record(self, before: Iterable[str], instance: Model | None) -> None:
        self.before.update(before)
        if instance is not None:
            self.written[(type(instance), instance.pk)] = instance


class _Local(threading.local):
    def __init__(self) -> None:
        self.batch: _Batch | None = None
        # Old states taken when a row is about to be written, until the write is known to
        # count (a page's draft save does not).
        self.before: dict[tuple[type[Model], object], set[str]] = {}


_local = _Local()


def _record(before: Iterable[str], instance: Model | None = None) -> None:
    """Append `before` and the new keys of `instance` when the transaction commits.

    Each write carries its own keys in its own commit callback, so what a rolled-back
    transaction (or savepoint) wrote is never recorded.
    """
    if _local.batch is not None:
        _local.batch.record(before, instance)
        return
    transaction.on_commit(partial(_append, frozenset(before), [instance] if instance else []))


@contextmanager
def batched() -> Iterator[None]:
    """Record everything written inside the block as one ledger entry (for imports)."""
    batch = _local.batch = _Batch()
    try:
        yield
    finally:
        _local.batch = None
    transaction.on_commit(partial(_append, frozenset(batch.before), list(batch.written.values())))


def written_in_bulk(instances: Iterable[Model]) -> None:
    """Objects inserted without their save signals (a bulk insert): recorded as saves are."""
    if _local.batch is None:
        transaction.on_commit(partial(_append, frozenset(), list(instances)))
        return
    for instance in instances:
        _local.batch.record((), instance)


def invalidate(*stale: str) -> None:
    """Make these keys stale when the current transaction commits (at once outside one)."""
    _record(stale)


# --- signals -------------------------------------------------------------------------------


def _take_before(instance: Model) -> None:
    _local.before[(type(instance), instance.pk)] = keys_of(instance)


def _take_before_of_move(page: Page) -> None:
    """A move changes the address of the page and of every page below it."""
    moved = keys_of(page)
    below = Page.objects.descendant_of(page).values_list("pk", flat=True)
    moved.update(keys.page(pk) for pk in below)
    _local.before[(type(page), page.pk)] = moved


def _before_of(instance: Model) -> set[str]:
    return _local.before.pop((type(instance), instance.pk), set())


def _counts(instance: Model, update_fields) -> bool:
    """Whether readers may see this save: not a draft revision of a page or of a reviewed
    snippet (a partial save)."""
    return not isinstance(instance, DraftStateMixin) or update_fields is None


def _on_pre_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if is_registered(sender) and instance.pk is not None and _counts(instance, update_fields):
        _take_before(instance)


def _on_post_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if is_registered(sender) and _counts(instance, update_fields):
        _record(_before_of(instance), instance)


def _on_pre_delete(sender, instance, **kwargs) -> None:
    if is_registered(sender):
        _record(keys_of(instance))


def _on_pre_page_move(sender, instance, **kwargs) -> None:
    _take_before_of_move(instance.specific)


def _on_post_page_move(sender, instance, **kwargs) -> None:
    page = instance.specific
    _record(_before_of(page), page)


def _on_m2m_changed(sender, instance, action, model, pk_set, **kwargs) -> None:
    """A many-to-many change belongs to both sides: the object and the ones added or removed."""
    sides = []
    if is_registered(type(instance)) and not isinstance(instance, Page):
        sides.append(instance)
    if pk_set and is_registered(model):
        sides.extend(
            o for o in model._default_manager.filter(pk__in=pk_set) if not isinstance(o, Page)
        )
    for side in sides:
        if action.startswith("pre_"):
            _take_before(side)
        else:
            _record(_before_of(side), side)


def connect() -> None:
    """Listen to every write; called once by core's AppConfig.ready()."""
    uid = "drm-caching"
    pre_save.connect(_on_pre_save, dispatch_uid=f"{uid}-pre-save")
    post_save.connect(_on_post_save, dispatch_uid=f"{uid}-post-save")
    pre_delete.connect(_on_pre_delete, dispatch_uid=f"{uid}-pre-delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid=f"{uid}-m2m")
    pre_page_move.connect(_on_pre_page_move, dispatch_uid=f"{uid}-pre-move")
    post_page_move.connect(_on_post_page_move, dispatch_uid=f"{uid}-post-move")
