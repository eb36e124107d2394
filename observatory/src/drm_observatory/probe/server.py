"""A small HTTP/1.1 server over asyncio streams: the control helper's, the tests' and the lab's.

One request per connection, bounded request line, headers and body, a read timeout, and every
malformed request answered with a JSON error: a server facing the Internet must never crash on
what a client sends.
"""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import struct
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    409: "Conflict",
    411: "Length Required",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    peer: str
    local: str = ""  # the address the client connected to (the lab serves many sites by it)

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    pace: float | None = None  # bytes per second, for slow (throttled) test assets
    chunked: bool = False
    raw: bytes | None = None  # sent as it is instead of a response: broken servers in tests

    @classmethod
    def json(cls, status: int, payload: object, headers: list | None = None) -> Reply:
        body = json.dumps(payload).encode()
        return cls(status, body, [("Content-Type", "application/json"), *(headers or [])])

    @classmethod
    def reset(cls) -> Reply:
        """Tell the connection handler to answer with a TCP RST instead of a response."""
        return cls(status=0)

    @classmethod
    def error(cls, status: int, message: str, headers: list | None = None) -> Reply:
        return cls.json(status, {"error": message, "status": status}, headers)


Handler = Callable[[Request], Awaitable[Reply]]


class HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def read_request(
    reader: asyncio.StreamReader, max_body: int, timeout: float, peer: str, local: str = ""
) -> Request:
    budget = 16 * 1024

    async def line() -> bytes:
        nonlocal budget
        try:
            data = await asyncio.wait_for(reader.readline(), timeout)
        except ValueError as exc:
            raise HTTPError(431, "request line or header too long") from exc
        budget -= len(data)
        if budget < 0:
            raise HTTPError(431, "header section too large")
        return data

    first = await line()
    if not first:
        raise EOFError
    parts = first.decode("latin-1").strip().split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1.") or not parts[0].isalpha():
        raise HTTPError(400, "malformed request line")
    headers: dict[str, str] = {}
    while True:
        raw = await line()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, sep, value = raw.decode("latin-1").partition(":")
        if not sep or not name.strip() or name != name.strip():
            raise HTTPError(400, "malformed header line")
        headers[name.strip().lower()] = value.strip()
        if len(headers) > 100:
            raise HTTPError(431, "too many headers")
    if "transfer-encoding" in headers:
        raise HTTPError(411, "send a Content-Length, not a transfer encoding")
    length_text = headers.get("content-length", "0")
    if not length_text.isdigit():
        raise HTTPError(400, "bad Content-Length")
    length = int(length_text)
    if length > max_body:
        raise HTTPError(413, f"request body larger than {max_body} bytes")
    try:
        body = await asyncio.wait_for(reader.readexactly(length), timeout) if length else b""
    except asyncio.IncompleteReadError as exc:
        raise HTTPError(400, "request body shorter than its Content-Length") from exc
    return Request(parts[0].upper(), parts[1], headers, body, peer, local)


async def write_reply(writer: asyncio.StreamWriter, reply: Reply, head_only: bool = False) -> None:
    if reply.raw is not None:
        writer.write(reply.raw)
        await writer.drain()
        return
    reason = REASONS.get(reply.status, "Status")
    names = {k.lower() for k, _ in reply.headers}
    lines = [f"HTTP/1.1 {reply.status} {reason}"]
    lines += [f"{k}: {v}" for k, v in reply.headers]
    if reply.chunked:
        lines.append("Transfer-Encoding: chunked")
    elif "content-length" not in names:
        lines.append(f"Content-Length: {len(reply.body)}")
    lines += ["Connection: close", "", ""]
    writer.write("\r\n".join(lines).encode("latin-1"))
    if head_only:
        await writer.drain()
        return
    body = reply.body
    step = 16384 if reply.pace is None else max(1, int(reply.pace / 20))
    for offset in range(0, len(body), step):
        piece = body[offset : offset + step]
        writer.write(b"%x\r\n%s\r\n" % (len(piece), piece) if reply.chunked else piece)
        await writer.drain()
        if reply.pace:
            await asyncio.sleep(len(piece) / reply.pace)
    if reply.chunked:
        writer.write(b"0\r\n\r\n")
    await writer.drain()


def reset(writer: asyncio.StreamWriter) -> None:
    """Close with an RST (SO_LINGER 0), as a middlebox that kills the connection does."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def connection_handler(
    handler: Handler,
    *,
    max_body: int = 64 * 1024,
    timeout: float = 10.0,
    max_connections: int = 512,
) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
    """Serve one request per connection. `timeout` bounds each read and twice it the whole
    request (a client trickling bytes is cut off); past `max_connections` open connections a
    new one gets 503 at once."""
    active = 0

    async def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal active
        active += 1
        peername = writer.get_extra_info("peername")
        peer = str(peername[0]) if peername else ""
        sockname = writer.get_extra_info("sockname")
        local = str(sockname[0]) if sockname else ""
        reply: Reply | None = None
        method = ""
        try:
            try:
                if active > max_connections:
                    raise HTTPError(503, "too many connections; retry later")
                request = await asyncio.wait_for(
                    read_request(reader, max_body, timeout, peer, local), timeout * 2
                )
                method = request.method
                reply = await handler(request)
            except HTTPError as exc:
                reply = Reply.error(exc.status, exc.message)
            except (EOFError, TimeoutError, ConnectionError, ssl.SSLError):
                return
            except Exception as exc:  # noqa: BLE001 - a handler bug answers 500, never crashes
                reply = Reply.error(500, f"internal error: {type(exc).__name__}")
            if reply.status == 0:
                reset(writer)
                return
            await write_reply(writer, reply, head_only=method == "HEAD")
        except (ConnectionError, TimeoutError, ssl.SSLError):
            pass
        finally:
            active -= 1
            if reply is None:
                writer.transport.abort()
            else:
                writer.close()

    return on_connection


async def serve(
    handler: Handler,
    host: str,
    port: int,
    *,
    ssl_context: ssl.SSLContext | None = None,
    max_body: int = 64 * 1024,
    timeout: float = 10.0,
    max_connections: int = 512,
) -> asyncio.Server:
    return await asyncio.start_server(
        connection_handler(
            handler, max_body=max_body, timeout=timeout, max_connections=max_connections
        ),
        host,
        port,
        ssl=ssl_context,
        limit=16 * 1024,
        reuse_address=True,
    )


def parse_listen(text: str) -> tuple[str, int]:
    """HOST:PORT (or [v6]:PORT) from the command line."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)
