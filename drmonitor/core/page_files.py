"""Page files: cached anonymous pages written to disk for nginx to serve without Python.

No Python server answers a cached page anywhere near as fast as nginx sends a file (issue 2:
5.6k against 76k requests/s on two cores). So, as WP Super Cache does for WordPress, the page
cache also writes every page it stores to a file, and nginx (see `drmonitor manage
nginx_config`) sends that file to readers without a session cookie; everyone else still goes
to gunicorn. Off unless settings.DRM_PAGE_FILES_DIR names a directory.

Layout under that directory::

    <generation>-<YYYY-MM-DD>/<host>/<path>/index.html     one tree per generation and day
    current -> <generation>-<YYYY-MM-DD>                   the live tree; nginx reads only this

Making every file stale at once is one atomic symlink swap: a publish bumps the generation
(cache.bump_generation calls `after_bump`), and `current` then points at the new generation's
empty tree. Every page prints today's date, so the local date is part of the name too, and the
worker's `refresh` job moves `current` on at midnight and deletes trees that have been dead for
a while.

A request writes into the tree of the generation it saw when it started, and only if that tree
is still the live one: a page rendered while an editor published may hold the old text, and it
must never land where nginx looks. Who moves `current` (a publish, the worker, a request that
finds it stale) does so under a lock and after reading the live generation inside it, so the
last move always names the newest generation.

Writing is best effort: a full disk or a wrong permission is logged, and the reader still gets
the page from Django.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone

from drmonitor.core import cache as page_cache

logger = logging.getLogger(__name__)

CURRENT = "current"
LOCK = ".lock"
# A dead tree is kept this long after `current` left it: requests that started before the
# move may still be writing into it, and nginx may still be sending one of its files.
DEAD_TREE_SECONDS = 600
# nginx's workers run as another user (www-data) and must read every file and directory.
DIR_MODE, FILE_MODE = 0o755, 0o644
# The response headers a page file may have. nginx sends the same fixed set with every file
# (derived from a real page by nginx_config), so a page with any other header stays in Django.
FILE_HEADERS = frozenset(
    {
        "content-type",
        "content-length",
        "cache-control",
        "vary",
        "etag",
        "x-frame-options",
        "x-page-cache",
    }
)
UNSAFE_SEGMENTS = frozenset({"", ".", ".."})


def enabled() -> bool:
    return bool(settings.DRM_PAGE_FILES_DIR)


def root() -> Path:
    return Path(settings.DRM_PAGE_FILES_DIR)


def live_name() -> str:
    """The tree name of the live generation and today's date (Asia/Karachi)."""
    token = re.sub(r"[^A-Za-z0-9]+", "-", page_cache.generation()).strip("-") or "0"
    return f"{token}-{timezone.localdate().isoformat()}"


def ticket() -> str | None:
    """Taken when a request starts rendering; `store` writes only if it is still live."""
    return live_name() if enabled() else None


def current_name() -> str | None:
    """The tree `current` points at, or None before the first page was written."""
    try:
        return os.readlink(root() / CURRENT)
    except FileNotFoundError:
        return None


def _mkdir(path: Path) -> None:
    """Create one directory that nginx's workers can enter, whatever the umask."""
    try:
        path.mkdir(mode=DIR_MODE)
    except FileExistsError:
        return
    path.chmod(DIR_MODE)


@contextmanager
def _locked() -> Iterator[None]:
    """One mover of `current` at a time, across every process on this machine."""
    base = root()
    if not base.is_dir():
        base.mkdir(parents=True, exist_ok=True)
        base.chmod(DIR_MODE)
    fd = os.open(base / LOCK, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _repoint_locked() -> str:
    """Point `current` at the live tree (created empty if new); the caller holds the lock.

    The generation is read here, inside the lock, so whichever mover comes last has seen the
    newest bump. The old tree's mtime is set to the time it died, which `prune` goes by.
    """
    base = root()
    name = live_name()
    old = current_name()
    if old == name:
        return name
    _mkdir(base / name)
    link = base / f".{CURRENT}-{os.getpid()}-{time.monotonic_ns()}"
    os.symlink(name, link)  # relative, so the whole directory can move or be mounted elsewhere
    os.replace(link, base / CURRENT)
    if old:
        try:
            os.utime(base / old)
        except FileNotFoundError:
            pass
    return name


def repoint() -> str | None:
    """Make `current` follow the live generation and today's date; returns the live tree."""
    if not enabled():
        return None
    with _locked():
        return _repoint_locked()


def after_bump() -> None:
    """Called by cache.bump_generation: nginx stops serving every old file at once."""
    if not enabled():
        return
    try:
        repoint()
    except OSError:
        logger.exception("page files: could not point %s at the new generation", root())


def prune(keep_seconds: float = DEAD_TREE_SECONDS) -> int:
    """Delete trees (and leftover temporary links) that have not been live for a while."""
    base = root()
    live = current_name()
    removed = 0
    cutoff = time.time() - keep_seconds
    try:
        entries = list(os.scandir(base))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if entry.name in (CURRENT, LOCK, live):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime > cutoff:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except FileNotFoundError:
            continue  # another process pruned it first
        removed += 1
    return removed


def refresh() -> int:
    """The worker's job: move `current` on when the day changes, prune dead trees."""
    if not enabled():
        return 0
    before = current_name()
    moved = int(repoint() != before)
    return moved + prune()


def _file_path(request: HttpRequest, response: HttpResponse) -> tuple[str, list[str]] | None:
    """(host, path segments) of the file for this page, or None if it must not have one."""
    if response.status_code != 200 or request.META.get("QUERY_STRING"):
        return None
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type != "text/html" or (response.charset or "").lower() != "utf-8":
        return None  # nginx labels every file text/html; charset=utf-8
    if any(name.lower() not in FILE_HEADERS for name in response.headers):
        return None  # e.g. Content-Encoding, Content-Language: nginx would not send them
    if response.get("X-Frame-Options", settings.X_FRAME_OPTIONS) != settings.X_FRAME_OPTIONS:
        return None
    path = request.path
    if not path.endswith("/") or "\x00" in path:
        return None
    segments = path.strip("/").split("/") if path != "/" else []
    if any(segment in UNSAFE_SEGMENTS for segment in segments):
        return None  # nginx normalises "..", "." and "//" away; such a path never maps here
    # The same name nginx's $host gives: validated, without port, lower case.
    host = split_domain_port(request.get_host())[0].lower()
    if not host or host.startswith(".") or "/" in host or "\x00" in host:
        return None
    return host, segments


def store(request: HttpRequest, response: HttpResponse, started: str | None) -> bool:
    """Write the page the page cache just stored, if it may be a file; never raises.

    `started` is the `ticket()` taken before the page was rendered.
    """
    if started is None or not page_cache._storable(request, response):
        return False
    try:
        where = _file_path(request, response)
        if where is None:
            return False
        with _locked():
            live = _repoint_locked()
        if live != started:
            return False  # content changed while this page was rendered
        host, segments = where
        directory = root() / started
        for part in (host, *segments):
            directory = directory / part
            _mkdir(directory)
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".index-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(response.content)
                os.fchmod(handle.fileno(), FILE_MODE)
            os.replace(temporary, directory / "index.html")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except Exception:  # noqa: BLE001 - a cache write must never cost the reader the page
        logger.exception("page files: could not write %s", request.path)
        return False
    return True
