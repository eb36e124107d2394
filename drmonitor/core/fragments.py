"""Parts of a page that many pages share, rendered once per content generation.

The sidebar of recent articles, for instance, is the same on every article and section page
until something is published. Its HTML is kept in the cache under the content generation (see
core/cache.py), which every committed write to content changes, so a fragment is never older
than the content it shows; editors see their change on the next request, like everyone else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from drmonitor.core.cache import generation


def _seconds() -> int:
    """How long a fragment is kept; 0 turns fragments off (every one rendered every time)."""
    return settings.DRM_FRAGMENT_CACHE_SECONDS


def keeps(request: HttpRequest | None) -> bool:
    """Whether parts of the page this request renders may be kept.

    A preview renders an unsaved revision: what it derives from the page (related articles,
    neighbours, sections) must neither come from the cache nor be kept for the live page.
    """
    return request is not None and not getattr(request, "is_preview", False)


def _key(name: str, variant: object) -> str:
    return f"drm:fragment:{name}:{generation()}:{variant}"


def cached_fragment(
    name: str, variant: object, render: Callable[[], str], kept: bool = True
) -> SafeString:
    """The HTML of fragment `name` in its `variant`, rendered by `render` when not kept.

    `kept=False` (see `keeps`) renders it without looking in or writing to the cache.
    """
    seconds = _seconds()
    if seconds <= 0 or not kept:
        return mark_safe(str(render()))  # noqa: S308 - rendered by our own templates
    key = _key(name, variant)
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, seconds)
    return mark_safe(html)  # noqa: S308 - rendered by our own templates, escaped there


def cached_fragments(
    name: str,
    variant: object,
    ids: Sequence[int],
    render: Callable[[list[int]], dict[int, str]],
) -> list[SafeString]:
    """The fragments of several items in the order of `ids`, found in one cache round trip.

    `render` gets the ids of the items not kept, all at once, so that it can fetch them in one
    query, and answers their HTML by id; an id it leaves out is left out of the answer too.
    """
    seconds = _seconds()
    if seconds <= 0:
        rendered = render(list(ids))
        return [mark_safe(rendered[pk]) for pk in ids if pk in rendered]  # noqa: S308
    prefix = _key(name, variant)
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    kept = cache.get_many(list(keys.values()))
    missing = [pk for pk in ids if keys[pk] not in kept]
    if missing:
        fresh = {keys[pk]: str(html) for pk, html in render(missing).items()}
        cache.set_many(fresh, seconds)
        kept.update(fresh)
    # Rendered by our own templates, escaped there.
    return [mark_safe(kept[keys[pk]]) for pk in ids if keys[pk] in kept]  # noqa: S308


def cached_value(name: str, compute: Callable[[], object], kept: bool = True) -> object:
    """A small value derived from content (a list of ids, a flag), kept like a fragment."""
    seconds = _seconds()
    if seconds <= 0 or not kept:
        return compute()
    return cache.get_or_set(f"drm:value:{name}:{generation()}", compute, seconds)
