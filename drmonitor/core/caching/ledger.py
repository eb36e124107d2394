"""The invalidation ledger: an append-only, shared record of which keys changed, in order.

Every committed write to content appends one entry: the dependency keys it made stale
("page:12", "section:5:articles", ...). Entries have positions that only grow. A kept value or
page remembers the position its request started at; it stays good while no later entry names
one of its keys. Nothing is deleted from the cache: a stale entry is not used, and the next
render overwrites it.

Every process serving the site must see every entry, so the ledger lives where they all can
read it: in a file under var/ when each process has a private cache (the embedded default,
Django's local-memory cache), or in the shared cache itself (Redis in production). A process
reads only what was appended since it last looked: one `stat`, or one cache read, per request.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

# A shared-cache entry missing this long after a later one was counted was lost (evicted, or
# the cache restarted), not merely still being written: everything kept before is distrusted.
LOST_ENTRY_SECONDS = 2.0
# Shared-cache entries outlive any kept value or page by far.
ENTRY_SECONDS = 24 * 60 * 60
# The file is begun afresh past this size (some 100,000 publishes).
MAX_FILE_BYTES = 8 * 1024 * 1024


class Reading(NamedTuple):
    entries: list[tuple[int, frozenset[str]]]  # (position, keys) in order
    up_to: int  # the position read up to
    lost_before: int  # 0, or the position before which history is not known any more


class Ledger(Protocol):
    def end(self) -> int:
        """The position after the last entry: where a process that starts up begins."""

    def read_after(self, position: int) -> Reading:
        """What was appended after `position`; cheap when nothing was."""

    def append(self, keys: frozenset[str]) -> int:
        """Record that `keys` changed; returns the entry's position."""


class FileLedger:
    """Entries as lines of a file; an entry's position is where its line ends, plus the
    position the file starts at (its header), so positions keep growing when a full file is
    replaced by an empty one. Writers lock the file; readers take only whole lines."""

    HEADER_SIZE = 32

    def __init__(self, path: Path):
        self.path = path
        self._seen: tuple[int, int] = (0, 0)  # (inode, size) at the last read

    @classmethod
    def _header(cls, start: int) -> bytes:
        header = f"drm-ledger {start:020d}\n".encode()
        assert len(header) == cls.HEADER_SIZE
        return header

    @classmethod
    def _start(cls, fd: int) -> int:
        return int(os.pread(fd, cls.HEADER_SIZE, 0).split()[1])

    def end(self) -> int:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return 0
        try:
            size = os.fstat(fd).st_size
            if size < self.HEADER_SIZE:
                return 0
            # The end of the last whole line: a writer may be halfway through the next one.
            tail = 4096
            while True:
                offset = max(size - tail, self.HEADER_SIZE)
                newline = os.pread(fd, size - offset, offset).rfind(b"\n")
                if newline >= 0:
                    return self._start(fd) + offset + newline + 1
                if offset == self.HEADER_SIZE:
                    return self._start(fd) + self.HEADER_SIZE
                tail *= 4
        finally:
            os.close(fd)

    def read_after(self, position: int) -> Reading:
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return Reading([], position, 0)
        if (stat.st_ino, stat.st_size) == self._seen or stat.st_size < self.HEADER_SIZE:
            return Reading([], position, 0)
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return Reading([], position, 0)
        try:
            stat = os.fstat(fd)
            start = self._start(fd)
            lost_before = 0
            if position < start:
                # The file was begun afresh after this process last read the old one.
                lost_before = start + self.HEADER_SIZE
                position = start
            offset = max(position - start, self.HEADER_SIZE)
            data = os.pread(fd, stat.st_size - offset, offset)
        finally:
            os.close(fd)
        entries = []
        end = offset
        for line in data.split(b"\n")[:-1]:  # what follows the last newline is not whole yet
            end += len(line) + 1
            entries.append((start + end, frozenset(line.decode().split())))
        if start + end == start + stat.st_size:
            self._seen = (stat.st_ino, stat.st_size)
        return Reading(entries, max(start + end, position), lost_before)

    def append(self, keys: frozenset[str]) -> int:
        line = (" ".join(sorted(keys)) + "\n").encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                if os.fstat(fd).st_ino != os.stat(self.path).st_ino:
                    continue  # another writer replaced the file meanwhile: use the new one
                size = os.fstat(fd).st_size
                if size == 0:
                    os.write(fd, self._header(0))
                elif size > MAX_FILE_BYTES:
                    self._begin_afresh(self._start(fd) + size)
                    continue
                os.write(fd, line)
                return self._start(fd) + os.fstat(fd).st_size
            finally:
                os.close(fd)  # closing releases the lock

    def _begin_afresh(self, start: int) -> None:
        """Replace the full file (the caller holds its lock) by one that begins at `start`."""
        fresh = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        fresh.write_bytes(self._header(start))
        fresh.chmod(0o644)
        os.replace(fresh, self.path)


class CacheLedger:
    """Entries as keys of the shared cache, numbered by an atomic counter.

    The cache may lose the counter (Redis restarted without its data, or evicted it). Counting
    again from 0 would hand out positions every process has already read past, so their pages
    would never go stale; the counter starts instead from the clock in microseconds, above any
    position counted before unless the site made a million writes a second, and START records
    where it started. A reader that read less far than that distrusts what it kept, which the
    lost cache no longer holds anyway (so does the first write to a new cache).

    While the cache cannot be reached at all, a write's entry cannot be recorded: pages it made
    stale expire on their own (DRM_PAGE_CACHE_SECONDS), and nginx's are purged as usual.
    """

    COUNTER = "drm:ledger:position"
    START = "drm:ledger:start"

    def __init__(self, alias: str = "default"):
        self.cache = caches[alias]
        self._missing_since: dict[int, float] = {}

    @staticmethod
    def _entry(position: int) -> str:
        return f"drm:ledger:entry:{position}"

    def end(self) -> int:
        return int(self.cache.get(self.COUNTER) or 0)

    def read_after(self, position: int) -> Reading:
        counted = self.cache.get_many([self.COUNTER, self.START])
        last = int(counted.get(self.COUNTER) or 0)
        if last <= position:
            return Reading([], position, 0)
        if counted.get(self.START, last) > position:
            # The counter was started afresh since this reader last read (or is being started
            # right now): what happened in between is not known.
            return Reading([], last, last)
        wanted = range(position + 1, last + 1)
        found = self.cache.get_many([self._entry(n) for n in wanted])
        entries: list[tuple[int, frozenset[str]]] = []
        for n in wanted:
            keys = found.get(self._entry(n))
            if keys is None:
                since = self._missing_since.setdefault(n, time.monotonic())
                if time.monotonic() - since < LOST_ENTRY_SECONDS:
                    # Counted, not yet written: stop short of it and read it next time, as
                    # if this request had started a moment earlier.
                    return Reading(entries, n - 1, 0)
                self._missing_since.clear()
                return Reading([], last, last)
            entries.append((n, frozenset(keys)))
        self._missing_since.clear()
        return Reading(entries, last, 0)

    def append(self, keys: frozenset[str]) -> int:
        """The entry's position, or 0 when the cache could not count it (unreachable)."""
        start = time.time_ns() // 1_000
        if self.cache.add(self.COUNTER, start, timeout=None):
            self.cache.set(self.START, start, timeout=None)
        try:
            position = self.cache.incr(self.COUNTER)
        except ValueError:
            logger.error("the cache could not record changed keys: %s", " ".join(sorted(keys)))
            return 0
        self.cache.set(self._entry(position), sorted(keys), ENTRY_SECONDS)
        return position


def make_ledger() -> Ledger:
    """A file when the cache is private to each process, else the shared cache."""
    if isinstance(caches["default"], LocMemCache):
        return FileLedger(Path(settings.VAR_DIR) / "cache-ledger")
    return CacheLedger()


@dataclass
class LedgerView:
    """What this process knows of the ledger: the last position at which each key changed."""

    ledger: Ledger
    read_up_to: int = -1
    trusted_from: int = 0  # nothing built before this position can be checked
    changed_at: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def refresh(self) -> int:
        """Take in what was appended since the last call; returns the position now known."""
        with self.lock:
            if self.read_up_to < 0:
                # A process starting up has kept nothing yet, so it needs no history.
                self.read_up_to = self.trusted_from = self.ledger.end()
            reading = self.ledger.read_after(self.read_up_to)
            if reading.lost_before:
                self.changed_at.clear()
                self.trusted_from = reading.lost_before
            for position, keys in reading.entries:
                for key in keys:
                    self.changed_at[key] = position
            self.read_up_to = max(self.read_up_to, reading.up_to)
            return self.read_up_to

    def fresh(self, keys: frozenset[str], built_at: int) -> bool:
        """Whether something built at position `built_at` from `keys` is still current."""
        if built_at < self.trusted_from:
            return False
        changed_at = self.changed_at
        return all(changed_at.get(key, -1) <= built_at for key in keys)
