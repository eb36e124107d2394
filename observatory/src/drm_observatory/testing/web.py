"""HTTP and HTTPS sites for tests and the lab, chosen by Host header (and path).

Site kinds:
  {"kind": "page", "title": "...", "body": "...", "status": 200, "headers": {...}}
  {"kind": "redirect", "location": "https://...", "status": 302}
  {"kind": "asset", "size": 1000000, "pace": 50000}   bytes of known size, optionally slow
  {"kind": "doh"}                                       DNS over HTTPS backed by the server's zone
  {"kind": "reset"} | {"kind": "hang"}                  kill or stall after reading the request
Keys are "host/path", "host" or "*", tried in that order.
"""

from __future__ import annotations

import asyncio
import ssl

from drm_observatory.probe.server import Reply, Request, serve
from drm_observatory.testing.dns_server import Zone


def page(title: str, text: str = "", status: int = 200, **headers: str) -> dict:
    return {"kind": "page", "title": title, "body": text, "status": status, "headers": headers}


def render(title: str, text: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title></head>"
        f"<body><h1>{title}</h1><p>{text}</p></body></html>"
    ).encode()


def asset(size: int) -> bytes:
    """A static asset of known size and content, for throughput checks."""
    block = bytes(range(256)) * 256
    return (block * (size // len(block) + 1))[:size]


class WebServer:
    def __init__(
        self,
        sites: dict[str, dict],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        ssl_context: ssl.SSLContext | None = None,
        zone: Zone | None = None,
    ) -> None:
        self.sites, self.host, self.port = sites, host, port
        self.ssl_context, self.zone = ssl_context, zone
        self.closing = asyncio.Event()

    async def start(self) -> WebServer:
        self.server = await serve(
            self.handle, self.host, self.port, ssl_context=self.ssl_context, timeout=30
        )
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    def url(self, host: str, path: str = "/") -> str:
        scheme = "https" if self.ssl_context else "http"
        return f"{scheme}://{host}:{self.port}{path}"

    def close(self) -> None:
        self.closing.set()
        self.server.close()

    def site_for(self, request: Request) -> dict | None:
        host = request.header("host").rsplit(":", 1)[0].strip("[]").lower()
        path = request.path.split("?", 1)[0]
        for key in (f"{host}{path}", host, "*"):
            if key in self.sites:
                return self.sites[key]
        return None

    async def handle(self, request: Request) -> Reply:
        site = self.site_for(request)
        if site is None:
            return Reply(404, render("Not found", "no such site here"))
        kind = site.get("kind", "page")
        if kind == "page":
            body = render(site.get("title", ""), site.get("body", ""))
            headers = [("Content-Type", "text/html; charset=utf-8")]
            headers += [("X-Served-By", "origin")] if site.get("origin", True) else []
            headers += list(site.get("headers", {}).items())
            return Reply(site.get("status", 200), body, headers, chunked=site.get("chunked", False))
        if kind == "redirect":
            return Reply(site.get("status", 302), b"", [("Location", site["location"])])
        if kind == "asset":
            content = asset(site["size"])
            return Reply(
                200, content, [("Content-Type", "application/octet-stream")], pace=site.get("pace")
            )
        if kind == "doh":
            reply = self.zone.answer(request.body) if self.zone and request.body else None
            if reply is None:
                return Reply(400, b"bad DNS query")
            return Reply(200, reply, [("Content-Type", "application/dns-message")])
        if kind == "reset":
            return Reply.reset()
        if kind == "hang":
            await self.closing.wait()
            return Reply.reset()
        return Reply(500, b"unknown site kind")
