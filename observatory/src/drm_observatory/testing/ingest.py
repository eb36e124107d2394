"""An ingest endpoint as the probe's delivery expects one: records what probes deliver, dedups
by uid. The site has no such endpoint yet; this is the contract one must keep.

`mode` can be switched while it runs: "ok" (store, 201; 200 for a duplicate), "fail" (503),
"crash" (store, then drop the connection without answering: a server dying mid-request).
`stop()`/`start()` take it off the network entirely.
"""

from __future__ import annotations

import asyncio
import json

from drm_observatory.probe.server import Reply, Request, serve


class IngestServer:
    def __init__(self, token: str, host: str = "127.0.0.1", port: int = 0) -> None:
        self.token, self.host, self.port = token, host, port
        self.mode = "ok"
        self.stored: dict[str, dict] = {}
        self.attempts: list[str] = []
        self.server: asyncio.Server | None = None

    async def start(self) -> IngestServer:
        self.server = await serve(self.handle, self.host, self.port, max_body=8 << 20)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self.server:
            self.server.close()
            await self.server.wait_closed()
            self.server = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/api/v1/measurements"

    async def handle(self, request: Request) -> Reply:
        if request.header("authorization") != f"Bearer {self.token}":
            return Reply.error(401, "bad token")
        if self.mode == "fail":
            return Reply.error(503, "ingest is down for maintenance")
        try:
            measurement = json.loads(request.body)
            uid = request.header("idempotency-key") or measurement["measurement_uid"]
        except (ValueError, KeyError, TypeError):
            return Reply.error(400, "not a measurement")
        self.attempts.append(uid)
        duplicate = uid in self.stored
        self.stored.setdefault(uid, measurement)
        if self.mode == "crash":
            return Reply.reset()
        return Reply.json(200 if duplicate else 201, {"uid": uid, "duplicate": duplicate})
