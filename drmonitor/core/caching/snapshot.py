"""One snapshot per request: where the ledger stood when it began, and whether it may use the
cache at all. Every kept value and the page cache read it; no call site passes a flag.

The snapshot also collects the dependency keys of everything the request renders, so that the
page (and each kept part inside it) is stored with the keys that make it stale.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from drmonitor.core.caching.ledger import LedgerView, make_ledger

# The key a part records when it prints something that changes with the date ("for 445 days").
DAY_PREFIX = "day:"


def today_key(day: datetime.date | None = None) -> str:
    return DAY_PREFIX + (day or timezone.localdate()).isoformat()


# Things written outside Django (a file another program writes, such as the measurement
# store): a key is the prefix and the version it was built from; it is stale as soon as the
# current version differs. The ledger never hears of such writes.
_versions: dict[str, Callable[[], str]] = {}


def register_version(prefix: str, current: Callable[[], str]) -> None:
    """Keys starting with `prefix` are fresh while `prefix + current()` equals them."""
    _versions[prefix] = current


def version_key(prefix: str) -> str:
    """The key of the current version of what `prefix` names (registered by its app)."""
    return prefix + _versions[prefix]()


def _outdated(key: str) -> bool:
    return any(
        key.startswith(prefix) and key != prefix + current()
        for prefix, current in _versions.items()
    )


_view: LedgerView | None = None


def ledger_view() -> LedgerView:
    """This process's view of the ledger, made on first use (settings are read by then)."""
    global _view
    if _view is None:
        _view = LedgerView(make_ledger())
    return _view


def reset_ledger_view() -> None:
    """Forget the view, e.g. between tests, whose caches start empty."""
    global _view
    _view = None


@receiver(setting_changed)
def _ledger_moved(setting: str, **kwargs) -> None:
    """A test that switches the cache or VAR_DIR switches the ledger with it."""
    if setting in ("CACHES", "VAR_DIR"):
        reset_ledger_view()


@dataclass
class Snapshot:
    """What one request may rely on. `position` is read once, so the whole render agrees."""

    position: int
    request: HttpRequest | None = None
    today: str = field(default_factory=lambda: today_key())
    collected: list[set[str]] = field(default_factory=lambda: [set()])

    @property
    def use_cache(self) -> bool:
        """Whether kept values may be read and written for this request now.

        Not in a preview (it renders an unsaved revision), and not for a signed-in editor, who
        must always see what the database holds now. Asked each time a part wants the cache:
        Wagtail marks a preview only once the request is under way.
        """
        request = self.request
        if request is None or getattr(request, "is_preview", False):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return True
        return not user.has_perm("wagtailadmin.access_admin")

    def fresh(self, keys: frozenset[str], built_at: int) -> bool:
        """Whether something built at `built_at` from `keys` may still be shown."""
        for key in keys:
            if key.startswith(DAY_PREFIX) and key != self.today:
                return False
            if _outdated(key):
                return False
        return ledger_view().fresh(keys, built_at)

    def depends_on(self, keys) -> None:
        self.collected[-1].update(keys)

    @contextmanager
    def collecting(self) -> Iterator[set[str]]:
        """Collect the keys recorded inside the block into a set of its own."""
        found: set[str] = set()
        self.collected.append(found)
        try:
            yield found
        finally:
            self.collected.pop()


_current: ContextVar[Snapshot | None] = ContextVar("drm_cache_snapshot", default=None)


def take(request: HttpRequest | None) -> Snapshot:
    """A new snapshot for `request` (or for work outside one, which never uses the cache)."""
    return Snapshot(position=ledger_view().refresh(), request=request)


@contextmanager
def bound(snapshot: Snapshot) -> Iterator[Snapshot]:
    """Make `snapshot` the current one for the code inside the block."""
    token = _current.set(snapshot)
    try:
        yield snapshot
    finally:
        _current.reset(token)


def current() -> Snapshot | None:
    return _current.get()


def depends_on(*keys: str) -> None:
    """Say that what is being rendered shows the things these keys name."""
    snapshot = _current.get()
    if snapshot is not None:
        snapshot.depends_on(keys)


def depends_on_today() -> None:
    """Say that what is being rendered prints something that changes at midnight."""
    snapshot = _current.get()
    if snapshot is not None:
        snapshot.depends_on((snapshot.today,))
