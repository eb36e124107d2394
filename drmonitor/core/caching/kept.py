"""Kept values: anything derived from content (a list of ids, a fragment of HTML) kept in the
cache with the dependency keys it was built from, and used while none of them has changed.

    ids = keep("section-page:5:1", lambda: ..., depends=["section:5:articles"])

What a kept value's computation renders or keeps in turn records its own keys (see
`depends_on`); they are stored with the value, and handed on to whatever includes it, so the
page that shows a teaser is stale when the teaser is. A part that every page shows and that
every publish changes (the newest articles in the sidebar) is kept with `propagate=False`:
pages that show it do not go stale with it, and show its new state when they expire on their
own (settings.DRM_PAGE_CACHE_SECONDS).

Outside a request, in a preview, for a signed-in editor, or with
settings.DRM_FRAGMENT_CACHE_SECONDS = 0, values are computed every time and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from django.conf import settings
from django.core.cache import cache

from drmonitor.core.caching.snapshot import Snapshot, current

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class Entry(NamedTuple):
    built_at: int
    keys: frozenset[str]
    value: object


def _cache_key(name: str) -> str:
    return f"drm:kept:{name}"


def _usable(snapshot: Snapshot | None) -> bool:
    return snapshot is not None and settings.DRM_FRAGMENT_CACHE_SECONDS > 0 and snapshot.use_cache


def keep[T](
    name: str,
    compute: Callable[[], T],
    depends: Iterable[str] = (),
    propagate: bool = True,
) -> T:
    """The value kept as `name`, or `compute()`'s, kept with `depends` and what it recorded."""
    snapshot = current()
    if snapshot is None:
        return compute()
    entry = cache.get(_cache_key(name)) if _usable(snapshot) else None
    if entry is None or not snapshot.fresh(entry.keys, entry.built_at):
        with snapshot.collecting() as recorded:
            value = compute()
        entry = Entry(snapshot.position, frozenset(recorded.union(depends)), value)
        if _usable(snapshot):
            cache.set(_cache_key(name), entry, settings.DRM_FRAGMENT_CACHE_SECONDS)
    if propagate:
        snapshot.depends_on(entry.keys)
    return entry.value


def keep_many[K: Hashable, T](
    name: str,
    items: Sequence[K],
    build: Callable[[list[K]], dict[K, tuple[T, Iterable[str]]]],
) -> list[T]:
    """The values kept for several items, in the order of `items`, in one cache round trip.

    `build` gets the items not kept, all at once (so it can fetch them in one query), and
    answers each one's value and dependency keys; an item it leaves out is left out here too.
    """
    snapshot = current()
    if snapshot is None:
        return [value for value, _keys in _in_order(items, build(list(items)))]
    usable = _usable(snapshot)
    keys = {item: _cache_key(f"{name}:{item}") for item in items}
    found = cache.get_many(list(keys.values())) if usable else {}
    entries: dict[K, Entry] = {}
    for item, key in keys.items():
        entry = found.get(key)
        if entry is not None and snapshot.fresh(entry.keys, entry.built_at):
            entries[item] = entry
    missing = [item for item in items if item not in entries]
    if missing:
        with snapshot.collecting() as recorded:  # anything `build` records for all items
            built = build(missing)
        fresh = {
            keys[item]: Entry(snapshot.position, frozenset(recorded.union(depends)), value)
            for item, (value, depends) in built.items()
        }
        if usable:
            cache.set_many(fresh, settings.DRM_FRAGMENT_CACHE_SECONDS)
        entries.update({item: fresh[keys[item]] for item in built})
    for entry in entries.values():
        snapshot.depends_on(entry.keys)
    return [entries[item].value for item in items if item in entries]


def _in_order[K: Hashable, T](items: Sequence[K], built: dict[K, tuple[T, Iterable[str]]]):
    return [built[item] for item in items if item in built]
