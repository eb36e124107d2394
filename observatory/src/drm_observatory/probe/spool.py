"""The spool: measurements wait on disk until the ingest endpoint has acknowledged them.

Files move pending/ -> done/ only after a 2xx (or 409, "already have it"), so a crash or an
unreachable server loses nothing; the measurement uid travels as the Idempotency-Key, so a
delivery repeated after a crash mid-request is deduplicated by the server. Every write is
atomic: temp file, fsync, rename, fsync of the directory.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import re
import ssl
from pathlib import Path

from drm_observatory.probe import http

# The server says the measurement itself is unacceptable: retrying cannot help.
REJECTED_STATUSES = {400, 413, 422}
log = logging.getLogger("drm_observatory.probe")
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def write_atomically(path: Path, data: bytes) -> None:
    tmp = path.parent / f".{path.name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Spool:
    def __init__(self, directory: str | Path) -> None:
        self.root = Path(directory)
        self.pending_dir = self.root / "pending"
        self.done_dir = self.root / "done"
        self.rejected_dir = self.root / "rejected"
        for d in (self.pending_dir, self.done_dir, self.rejected_dir):
            d.mkdir(parents=True, exist_ok=True)

    def put(self, measurement: dict) -> Path:
        uid = _SAFE.sub("_", str(measurement.get("measurement_uid") or "unknown"))
        path = self.pending_dir / f"{uid}.json"
        write_atomically(path, json.dumps(measurement, sort_keys=True).encode())
        return path

    def pending(self) -> list[Path]:
        return sorted(p for p in self.pending_dir.glob("*.json"))

    def _move(self, path: Path, directory: Path) -> None:
        os.replace(path, directory / path.name)
        fsync_dir(directory)
        fsync_dir(path.parent)

    def mark_delivered(self, path: Path) -> None:
        self._move(path, self.done_dir)

    def mark_rejected(self, path: Path, reason: str) -> None:
        write_atomically(self.rejected_dir / f"{path.stem}.reason.txt", reason.encode())
        self._move(path, self.rejected_dir)


class Deliverer:
    """POSTs pending measurements in order; stops a sweep at the first transient failure."""

    def __init__(
        self,
        spool: Spool,
        url: str,
        token: str | None,
        *,
        context: ssl.SSLContext,
        timeout: float = 30.0,
        backoff_min: float = 1.0,
        backoff_max: float = 300.0,
    ) -> None:
        self.spool, self.url, self.token, self.context = spool, url, token, context
        self.timeout = timeout
        self.backoff_min, self.backoff_max = backoff_min, backoff_max
        self.delay = backoff_min
        self.last_error: str | None = None

    async def send(self, path: Path) -> str:
        """'delivered', 'rejected' or 'retry' for one spooled file."""
        try:
            body = path.read_bytes()
            uid = json.loads(body).get("measurement_uid") or path.stem
        except (OSError, ValueError, AttributeError) as exc:
            self.spool.mark_rejected(path, f"unreadable spool file: {exc}")
            return "rejected"
        headers = [
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
            ("Idempotency-Key", str(uid)),
        ]
        if self.token:
            headers.append(("Authorization", f"Bearer {self.token}"))
        ex = await http.exchange(
            self.url,
            http.Dialer(context=self.context, timeout=self.timeout),
            method="POST",
            headers=headers,
            body=body,
            max_body=64 * 1024,
        )
        if ex.failure or ex.response is None:
            self.last_error = ex.failure
            return "retry"
        status = ex.response.status
        if 200 <= status < 300 or status == 409:
            self.spool.mark_delivered(path)
            return "delivered"
        detail = ex.response.body[:500].decode("utf-8", "replace")
        if status in REJECTED_STATUSES:
            self.spool.mark_rejected(path, f"HTTP {status}: {detail}")
            return "rejected"
        self.last_error = f"HTTP {status}: {detail[:120]}"
        return "retry"

    async def sweep(self) -> tuple[int, int]:
        """Try every pending file once in order; (delivered, still pending)."""
        delivered = 0
        for path in self.spool.pending():
            outcome = await self.send(path)
            if outcome == "retry":
                break
            delivered += outcome == "delivered"
        return delivered, len(self.spool.pending())

    async def run(self, stop: asyncio.Event, wake: asyncio.Event | None = None) -> None:
        """Deliver until `stop`; back off exponentially (with jitter) while the server is away."""
        wake = wake or asyncio.Event()
        while not stop.is_set():
            delivered, remaining = await self.sweep()
            if delivered:
                log.info("delivered %d, %d pending", delivered, remaining)
            if remaining:
                self.delay = (
                    min(self.backoff_max, self.delay * 2) if not delivered else (self.backoff_min)
                )
                log.warning(
                    "ingest unavailable (%s); %d pending, retry in %.0f s",
                    self.last_error,
                    remaining,
                    self.delay,
                )
                wait = self.delay * random.uniform(0.8, 1.2)
            else:
                self.delay = self.backoff_min
                wait = self.backoff_max
            wake.clear()
            waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(wake.wait())]
            await asyncio.wait(waiters, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
            for task in waiters:
                task.cancel()
