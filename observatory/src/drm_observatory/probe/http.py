"""A small HTTP/1.1 client over asyncio streams, built to be measured rather than to be fast.

Libraries hide what the probe must record: which address answered, when the first byte came,
how many bytes arrived before a reset, and the OONI failure string of whatever went wrong. This
client does one request per connection (`Connection: close`), caps headers and bodies, and turns
every malformed response into a `ProbeFailure` instead of an exception that escapes.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import re
import socket
import ssl
import time
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from drm_observatory.probe.failures import ProbeFailure, classify

MAX_HEAD_BYTES = 64 * 1024
MAX_HEADERS = 200
REDIRECT_CODES = {301, 302, 303, 307, 308}
MALFORMED = "unknown_failure: malformed HTTP response"

BROWSER_HEADERS = [
    ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
    ("Accept-Language", "en-US,en;q=0.9"),
    (
        "User-Agent",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/124.0 Safari/537.36",
    ),
]

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)


@dataclass
class Target:
    """A URL split into what the connection needs."""

    scheme: str
    host: str
    port: int
    path: str

    @classmethod
    def parse(cls, url: str) -> Target:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise ProbeFailure(f"unknown_failure: invalid URL: {exc}") from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ProbeFailure(f"unknown_failure: unsupported URL {url!r}")
        port = port or (443 if parts.scheme == "https" else 80)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return cls(parts.scheme, parts.hostname, port, path)

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


@dataclass
class Response:
    """A parsed response; `body` is the (possibly truncated) decoded entity."""

    status: int
    reason: str
    headers_list: list[tuple[str, str]]
    body: bytes = b""
    truncated: bool = False
    wire_bytes: int = 0

    def header(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self.headers_list:
            if key.lower() == name:
                return value
        return None

    @property
    def headers(self) -> dict[str, str]:
        """OONI's `headers` map: the first value of each name, original spelling."""
        out: dict[str, str] = {}
        for key, value in self.headers_list:
            out.setdefault(key, value)
        return out

    @property
    def title(self) -> str:
        return extract_title(self.body)


@dataclass
class Exchange:
    """One request on one connection, with the timings and the failure the probe reports."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    address: str | None = None
    response: Response | None = None
    failure: str | None = None
    t0: float = 0.0
    t_connect: float | None = None
    t_tls: float | None = None
    t_first_byte: float | None = None
    t_done: float = 0.0
    tls: dict | None = field(default=None)


def extract_title(body: bytes) -> str:
    match = _TITLE.search(body[: 256 * 1024])
    if not match:
        return ""
    text = match.group(1).decode("utf-8", "replace")
    return " ".join(text.split())[:512]


def body_json(body: bytes) -> str | dict:
    """OONI stores a body as text when it is UTF-8, else as a base64 object."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return {"format": "base64", "data": base64.b64encode(body).decode("ascii")}


def _malformed(detail: str) -> ProbeFailure:
    return ProbeFailure(f"{MALFORMED}: {detail}")


async def _read_line(reader: asyncio.StreamReader, budget: list[int], timeout: float) -> bytes:
    try:
        line = await asyncio.wait_for(reader.readline(), timeout)
    except ValueError as exc:  # the stream's line limit was overrun
        raise _malformed("line too long") from exc
    budget[0] -= len(line)
    if budget[0] < 0:
        raise _malformed("header section too large")
    return line


def parse_status_line(line: bytes) -> tuple[int, str]:
    text = line.decode("latin-1").rstrip("\r\n")
    parts = text.split(" ", 2)
    if len(parts) < 2 or not re.fullmatch(r"HTTP/1\.[01]", parts[0]):
        raise _malformed(f"bad status line {text[:80]!r}")
    if not re.fullmatch(r"[1-9][0-9][0-9]", parts[1]):
        raise _malformed(f"bad status code {parts[1][:10]!r}")
    return int(parts[1]), parts[2] if len(parts) > 2 else ""


async def read_head(
    reader: asyncio.StreamReader, timeout: float
) -> tuple[int, str, list[tuple[str, str]]]:
    """Read a status line and headers, skipping 1xx interim responses."""
    budget = [MAX_HEAD_BYTES]
    while True:
        line = await _read_line(reader, budget, timeout)
        if not line:
            raise EOFError("connection closed before a response")
        status, reason = parse_status_line(line)
        headers: list[tuple[str, str]] = []
        while True:
            line = await _read_line(reader, budget, timeout)
            if not line:
                raise EOFError("connection closed inside the headers")
            if line in (b"\r\n", b"\n"):
                break
            text = line.decode("latin-1").rstrip("\r\n")
            if text[:1] in (" ", "\t") and headers:  # obsolete line folding
                name, value = headers[-1]
                headers[-1] = (name, f"{value} {text.strip()}")
                continue
            name, sep, value = text.partition(":")
            if not sep or not name or name != name.strip() or not name.isprintable():
                raise _malformed(f"bad header line {text[:80]!r}")
            headers.append((name, value.strip()))
            if len(headers) > MAX_HEADERS:
                raise _malformed("too many headers")
        if 100 <= status < 200:
            continue
        return status, reason, headers


class _Sink:
    """Collects body bytes up to a cap, decoding gzip/deflate on the way."""

    def __init__(self, max_body: int, encoding: str | None, deadline: float | None = None) -> None:
        self.max_body = max_body
        self.deadline = deadline
        self.parts: list[bytes] = []
        self.size = 0
        self.wire = 0
        self.truncated = False
        encoding = (encoding or "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            self.inflate: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.inflate = zlib.decompressobj()
        else:
            self.inflate = None

    @property
    def full(self) -> bool:
        """Stop reading: the cap is reached, or the time allowed for the body is up."""
        if self.deadline is not None and time.monotonic() >= self.deadline:
            self.truncated = True
            return True
        return self.size >= self.max_body

    def feed(self, data: bytes) -> None:
        self.wire += len(data)
        if self.inflate is not None:
            try:
                data = self.inflate.decompress(data, max(1, self.max_body - self.size + 1))
            except zlib.error as exc:
                raise _malformed(f"bad content encoding: {exc}") from exc
        room = self.max_body - self.size
        if len(data) > room:
            data = data[:room]
            self.truncated = True
        self.parts.append(data)
        self.size += len(data)
        if self.size >= self.max_body:
            self.truncated = True

    def body(self) -> bytes:
        return b"".join(self.parts)


async def _read_exact(reader: asyncio.StreamReader, n: int, sink: _Sink, timeout: float) -> None:
    while n > 0 and not sink.full:
        chunk = await asyncio.wait_for(reader.read(min(n, 65536)), timeout)
        if not chunk:
            raise EOFError("connection closed inside the body")
        n -= len(chunk)
        sink.feed(chunk)


async def read_body(
    reader: asyncio.StreamReader,
    status: int,
    headers: list[tuple[str, str]],
    method: str,
    max_body: int,
    timeout: float,
    deadline: float | None = None,
) -> _Sink:
    lookup = {k.lower(): v for k, v in headers}
    sink = _Sink(max_body, lookup.get("content-encoding"), deadline)
    if method == "HEAD" or status in (204, 304):
        return sink
    if "chunked" in lookup.get("transfer-encoding", "").lower():
        budget = [MAX_HEAD_BYTES]
        while not sink.full:
            line = await _read_line(reader, budget, timeout)
            if not line:
                raise EOFError("connection closed inside a chunk header")
            size_text = line.split(b";", 1)[0].strip()
            if not re.fullmatch(rb"[0-9a-fA-F]{1,8}", size_text):
                raise _malformed(f"bad chunk size {size_text[:20]!r}")
            size = int(size_text, 16)
            if size == 0:
                while (await _read_line(reader, budget, timeout)) not in (b"\r\n", b"\n", b""):
                    pass  # trailers carry nothing the probe needs
                break
            await _read_exact(reader, size, sink, timeout)
            if not sink.full:
                await _read_line(reader, budget, timeout)
        return sink
    length_text = lookup.get("content-length")
    if length_text is not None:
        values = {v.strip() for v in length_text.split(",")}
        if len(values) != 1 or not next(iter(values)).isdigit():
            raise _malformed(f"bad content-length {length_text[:40]!r}")
        await _read_exact(reader, int(values.pop()), sink, timeout)
        return sink
    while not sink.full:
        chunk = await asyncio.wait_for(reader.read(65536), timeout)
        if not chunk:
            break
        sink.feed(chunk)
    return sink


async def read_response(
    reader: asyncio.StreamReader, method: str, max_body: int, timeout: float
) -> Response:
    status, reason, headers = await read_head(reader, timeout)
    sink = await read_body(reader, status, headers, method, max_body, timeout)
    return Response(status, reason, headers, sink.body(), sink.truncated, sink.wire)


async def parse_response_bytes(data: bytes, method: str = "GET", max_body: int = 1 << 20):
    """Parse a complete response held in memory; the fuzz tests drive the parser through here."""
    reader = asyncio.StreamReader(limit=MAX_HEAD_BYTES)
    reader.feed_data(data)
    reader.feed_eof()
    return await read_response(reader, method, max_body, timeout=5)


def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """Certificate validation on, system roots unless the operator names a CA file."""
    context = (
        ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()
    )
    context.set_alpn_protocols(["http/1.1"])
    return context


def tls_summary(writer: asyncio.StreamWriter, server_name: str) -> dict:
    sslobj = writer.get_extra_info("ssl_object")
    der = sslobj.getpeercert(binary_form=True) if sslobj else None
    cipher = writer.get_extra_info("cipher")
    return {
        "server_name": server_name,
        "tls_version": sslobj.version() if sslobj else None,
        "cipher_suite": cipher[0] if cipher else None,
        "negotiated_protocol": (sslobj.selected_alpn_protocol() or "") if sslobj else "",
        "peer_certificates": (
            [{"format": "base64", "data": base64.b64encode(der).decode("ascii")}] if der else []
        ),
    }


async def open_connection(
    ip: str, port: int, timeout: float, source: str | None = None
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """TCP connect, from `source` when the vantage point pins its outgoing address."""
    local = (source, 0) if source and (":" in source) == (":" in ip) else None
    return await asyncio.wait_for(
        asyncio.open_connection(ip, port, limit=MAX_HEAD_BYTES, local_addr=local), timeout
    )


async def start_tls(
    writer: asyncio.StreamWriter, context: ssl.SSLContext, server_name: str, timeout: float
) -> None:
    # Our own deadline fires first, so a stalled handshake is a timeout, not an abort.
    await asyncio.wait_for(
        writer.start_tls(context, server_hostname=server_name, ssl_handshake_timeout=timeout + 5),
        timeout,
    )


def close(writer: asyncio.StreamWriter | None) -> None:
    if writer is None:
        return
    with contextlib.suppress(Exception):  # closing a broken socket must never raise
        writer.transport.abort()


async def system_addresses(host: str, port: int, timeout: float) -> list[str]:
    """getaddrinfo, for endpoints the operator configured (helper, ingest, DoH server)."""
    loop = asyncio.get_running_loop()
    infos = await asyncio.wait_for(loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout)
    return list(dict.fromkeys(info[4][0] for info in infos))


Resolve = Callable[[str], Awaitable[list[str]]]


@dataclass(frozen=True)
class Dialer:
    """How one measurement reaches the network, handed whole to every step that connects.

    As Go's net.Dialer (on which OONI's engine is built): which addresses a name has (`resolve`;
    None asks the system), whom TLS trusts (`context`; None, the system's roots), how long each
    step may take (`timeout`), the local address connections leave from (`source`; a chosen
    uplink), and the measurement's start (`clock`, a time.monotonic(); None, each step's own),
    from which every recorded time counts, as OONI's `t0`/`t` do.
    """

    resolve: Resolve | None = None
    context: ssl.SSLContext | None = None
    timeout: float = 10.0
    source: str | None = None
    clock: float | None = None

    def start(self) -> float:
        """The time recorded times count from."""
        return time.monotonic() if self.clock is None else self.clock


async def exchange(
    url: str,
    dialer: Dialer,
    *,
    method: str = "GET",
    headers: list[tuple[str, str]] | None = None,
    body: bytes = b"",
    addresses: list[str] | None = None,
    max_body: int = 1 << 20,
    body_seconds: float | None = None,
) -> Exchange:
    """Do one request and never raise: the outcome, timings and failure are in the Exchange.

    Times in the Exchange are seconds since the dialer's clock. `addresses`, when given, are
    connected to instead of resolving the URL's host.
    """
    start = dialer.start()
    timeout = dialer.timeout
    sent_headers = [("Host", "")] + list(headers if headers is not None else BROWSER_HEADERS)
    result = Exchange(url, method, sent_headers, t0=time.monotonic() - start)
    writer = None
    try:
        target = Target.parse(url)
        sent_headers[0] = ("Host", target.host_header)
        if addresses is None:
            addresses = await (dialer.resolve or _system_resolver(target.port, timeout))(
                target.host
            )
        if not addresses:
            raise ProbeFailure("dns_no_answer")
        last: BaseException | None = None
        for ip in addresses:
            try:
                reader, writer = await open_connection(ip, target.port, timeout, dialer.source)
            except (OSError, TimeoutError) as exc:
                last = exc
                continue
            result.address = _endpoint(ip, target.port)
            break
        else:
            assert last is not None
            raise last
        result.t_connect = time.monotonic() - start
        if target.scheme == "https":
            await start_tls(writer, dialer.context or tls_context(), target.host, timeout)
            result.t_tls = time.monotonic() - start
            result.tls = tls_summary(writer, target.host)
        lines = [f"{method} {target.path} HTTP/1.1"]
        lines += [f"{k}: {v}" for k, v in sent_headers]
        if body:
            lines.append(f"Content-Length: {len(body)}")
        lines += ["Connection: close", "", ""]
        writer.write("\r\n".join(lines).encode("latin-1") + body)
        await asyncio.wait_for(writer.drain(), timeout)
        # Each read has `timeout`; the head and the body also have an overall budget, so a
        # server dripping one byte at a time cannot hold the probe for hours.
        status, reason, head = await asyncio.wait_for(read_head(reader, timeout), timeout * 3)
        result.t_first_byte = time.monotonic() - start
        deadline = time.monotonic() + (body_seconds or timeout * 3)
        sink = await read_body(reader, status, head, method, max_body, timeout, deadline)
        result.response = Response(status, reason, head, sink.body(), sink.truncated, sink.wire)
    except Exception as exc:  # noqa: BLE001 - every failure becomes an OONI string
        result.failure = classify(exc)
    finally:
        close(writer)
        result.t_done = time.monotonic() - start
    return result


def _system_resolver(port: int, timeout: float) -> Resolve:
    async def resolve(host: str) -> list[str]:
        return await system_addresses(host, port, timeout)

    return resolve


def _endpoint(ip: str, port: int) -> str:
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


async def follow(
    url: str, dialer: Dialer, *, max_body: int, max_redirects: int = 10
) -> list[Exchange]:
    """GET `url`, following redirects; the chain in the order it happened."""
    chain: list[Exchange] = []
    current = url
    for _ in range(max_redirects + 1):
        ex = await exchange(current, dialer, max_body=max_body)
        chain.append(ex)
        response = ex.response
        if ex.failure or response is None or response.status not in REDIRECT_CODES:
            return chain
        location = response.header("location")
        if not location:
            return chain
        current = urljoin(current, location)
    chain[-1].failure = "unknown_failure: too many redirects"
    return chain
