"""`helper`: the control service probes ask "what does this URL look like from here?".

Runs outside the censored network. POST /api/v1/control (or /) with a Bearer token; each token
has a token bucket (burst, refill per second), requests are size-limited, and every error is a
JSON object {"error", "status"}: malformed input never takes the service down.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from drm_observatory.probe import control
from drm_observatory.probe.server import Reply, Request, serve

MAX_REQUEST = 16 * 1024
log = logging.getLogger("drm_observatory.helper")


def load_tokens(path: str | Path) -> dict[str, str]:
    """Token file: one token a line, optionally `NAME TOKEN`; `#` comments. -> {token: name}."""
    tokens: dict[str, str] = {}
    for number, raw in enumerate(Path(path).read_text().splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) > 2 or len(parts[-1]) < 16:
            raise ValueError(f"{path}:{number}: expected 'TOKEN' or 'NAME TOKEN' (16+ chars)")
        tokens[parts[-1]] = parts[0] if len(parts) == 2 else f"token{number}"
    if not tokens:
        raise ValueError(f"{path}: no tokens")
    return tokens


@dataclass
class Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per client: `burst` requests at once, refilled at `rate` per second."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.buckets: dict[str, Bucket] = {}

    def take(self, key: str) -> float:
        """0 when allowed, else the seconds to wait before the next request will be."""
        now = time.monotonic()
        bucket = self.buckets.setdefault(key, Bucket(float(self.burst), now))
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate if self.rate > 0 else 3600.0


class ControlService:
    def __init__(
        self,
        tokens: dict[str, str],
        settings: control.ControlSettings,
        limiter: RateLimiter,
        max_concurrent: int = 32,
    ) -> None:
        self.tokens, self.settings, self.limiter = tokens, settings, limiter
        self.slots = asyncio.Semaphore(max_concurrent)

    def authenticate(self, request: Request) -> str | None:
        scheme, _, presented = request.header("authorization").partition(" ")
        if scheme.lower() != "bearer" or not presented:
            return None
        for token, name in self.tokens.items():
            if hmac.compare_digest(token.encode(), presented.strip().encode()):
                return name
        return None

    async def handle(self, request: Request) -> Reply:
        reply = await self._handle(request)
        log.info(
            "%s %s %s -> %d",
            request.peer,
            self.authenticate(request) or "-",
            request.method,
            reply.status,
        )
        return reply

    async def _handle(self, request: Request) -> Reply:
        if request.path.split("?", 1)[0] not in ("/", "/api/v1/control"):
            return Reply.error(404, "unknown path; POST /api/v1/control")
        if request.method != "POST":
            return Reply.error(405, "use POST", [("Allow", "POST")])
        name = self.authenticate(request)
        if name is None:
            return Reply.error(
                401, "missing or unknown bearer token", [("WWW-Authenticate", "Bearer")]
            )
        wait = self.limiter.take(name)
        if wait:
            return Reply.error(
                429, f"rate limit: retry in {wait:.1f} s", [("Retry-After", str(int(wait) + 1))]
            )
        if "json" not in request.header("content-type", "application/json"):
            return Reply.error(415, "send application/json")
        try:
            parsed = control.parse_control_request(request.body)
        except control.BadRequest as exc:
            return Reply.error(400, str(exc))
        async with self.slots:
            result = await control.control_measure(parsed, self.settings)
        return Reply(200, json.dumps(result).encode(), [("Content-Type", "application/json")])

    async def start(self, host: str, port: int) -> asyncio.Server:
        return await serve(self.handle, host, port, max_body=MAX_REQUEST, timeout=15)
