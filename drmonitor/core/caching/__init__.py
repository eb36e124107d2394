"""Caching, in one place: what is kept, under which keys, and what makes it stale.

- `snapshot`: one per request; where the invalidation ledger stood when it began and whether
  the request may use the cache at all (not in previews, not for signed-in editors).
- `kept`: values and HTML fragments kept with the dependency keys they were built from.
- `middleware`: binds the snapshot; the anonymous page cache.
- `invalidation`: which keys a write makes stale (an allow-list of models), recorded in the
  `ledger` at commit.
- `frontend`: the same keys purged from nginx by URL.

A feature that renders through `keep()` and names what it shows with `depends_on()` needs
nothing else; a model whose content pages show registers its keys with
`invalidation.register()`. docs/performance.md tells the whole story.
"""

from drmonitor.core.caching.kept import keep, keep_many
from drmonitor.core.caching.snapshot import current, depends_on, depends_on_today

__all__ = ["current", "depends_on", "depends_on_today", "keep", "keep_many"]
