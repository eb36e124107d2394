"""The lab's internet: its resolver (DNS over UDP, TCP, TLS and HTTPS) and its web sites.

Runs inside the "net" namespace (`python -m drmonitor.observatory.lab.servers CERT KEY`). Each
site has its own address with an HTTP and an HTTPS listener; the down host's address has none,
so connecting to it is refused as it would be by a server whose web process is stopped.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import signal
import ssl
import struct
import sys
import urllib.parse

from drmonitor.observatory.lab import addresses as net
from drmonitor.observatory.lab.dnslogic import authoritative_answer

MAX_HEAD = 64 * 1024
MAX_BODY = 64 * 1024
MAX_BYTES = 64 * 1024 * 1024
IDLE_TIMEOUT = 30.0
RECORDS = net.records()


def site_page(host: str) -> bytes:
    """A page whose title and length the probe and helper can compare."""
    number = net.site_number(host)
    label = f"Site {number:03d}" if number else host
    paragraphs = "".join(
        f"<p>Paragraph {i} of {label}: an ordinary page that the lab serves to whoever asks, "
        f"so that a page which differs from it can only have been changed on the way.</p>"
        for i in range(1, 25)
    )
    return (
        f"<!DOCTYPE html><html><head><title>{label} in the censorship laboratory</title>"
        f"</head><body><h1>{label}</h1>{paragraphs}</body></html>"
    ).encode()


def pattern(size: int) -> bytes:
    block = bytes(range(256)) * 256
    return (block * (size // len(block) + 1))[:size]


def _response(status: str, headers: dict[str, str], body: bytes, keep_alive: bool) -> bytes:
    lines = [f"HTTP/1.1 {status}"]
    headers = {**headers, "Content-Length": str(len(body))}
    headers["Connection"] = "keep-alive" if keep_alive else "close"
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _doh(method: str, query_string: str, body: bytes) -> tuple[str, dict[str, str], bytes]:
    if method == "POST":
        query = body
    else:
        encoded = urllib.parse.parse_qs(query_string).get("dns", [""])[0]
        try:
            query = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except ValueError:
            query = b""
    answer = authoritative_answer(query, RECORDS, net.ZONE)
    if answer is None:
        return "400 Bad Request", {"Content-Type": "text/plain"}, b"not a DNS query\n"
    return "200 OK", {"Content-Type": "application/dns-message"}, answer


def route(method: str, target: str, host: str, local: str, body: bytes):
    """Status, headers and body for one request."""
    parsed = urllib.parse.urlsplit(target)
    if local == net.RESOLVER and parsed.path == "/dns-query":
        return _doh(method, parsed.query, body)
    if parsed.path.startswith("/bytes/"):
        size = parsed.path.removeprefix("/bytes/")
        if size.isdigit() and int(size) <= MAX_BYTES:
            return "200 OK", {"Content-Type": "application/octet-stream"}, pattern(int(size))
        return "400 Bad Request", {"Content-Type": "text/plain"}, b"bad size\n"
    site = host if net.site_number(host) else _host_of(local)
    headers = {"Content-Type": "text/html; charset=utf-8", "X-Lab-Site": site}
    if method == "HEAD":
        return "200 OK", headers, b""
    return "200 OK", headers, site_page(site)


def _misbehaviours() -> dict[str, bytes]:
    """Broken answers a probe must survive, recording a failure: path -> raw bytes to send."""
    return {
        "/lab/garbage": bytes(range(256)) * 4,
        "/lab/bad-status": b"HTTP/1.1 two hundred OK\r\nContent-Length: 2\r\n\r\nok",
        "/lab/truncated": b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 100,
        "/lab/bad-chunked": (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"
        ),
        "/lab/header-flood": b"HTTP/1.1 200 OK\r\n"
        + b"".join(b"X-Filler-%d: %s\r\n" % (i, b"y" * 200) for i in range(2000))
        + b"Content-Length: 2\r\n\r\nok",
        "/lab/redirect-loop": (
            b"HTTP/1.1 302 Found\r\nLocation: /lab/redirect-loop\r\nContent-Length: 0\r\n\r\n"
        ),
    }


MISBEHAVIOURS = _misbehaviours()


def _host_of(address: str) -> str:
    for name, addrs in RECORDS.items():
        if address in addrs:
            return name
    return address


async def http_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    local = writer.get_extra_info("sockname")[0]
    try:
        while True:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), IDLE_TIMEOUT)
            if len(head) > MAX_HEAD:
                break
            request_line, *header_lines = head.decode("latin-1").split("\r\n")
            parts = request_line.split(" ")
            if len(parts) != 3:
                writer.write(_response("400 Bad Request", {}, b"", keep_alive=False))
                break
            method, target, version = parts
            headers = {}
            for line in header_lines:
                name, sep, value = line.partition(":")
                if sep:
                    headers[name.strip().lower()] = value.strip()
            if raw := MISBEHAVIOURS.get(urllib.parse.urlsplit(target).path):
                writer.write(raw)
                await writer.drain()
                break
            length = int(headers.get("content-length", "0") or 0)
            body = await reader.readexactly(min(length, MAX_BODY)) if length else b""
            host = headers.get("host", "").lower().rsplit(":", 1)[0]
            status, out_headers, out_body = route(method, target, host, local, body)
            keep_alive = version == "HTTP/1.1" and headers.get("connection", "") != "close"
            writer.write(_response(status, out_headers, out_body, keep_alive))
            await writer.drain()
            if not keep_alive:
                break
    except (
        asyncio.IncompleteReadError,
        asyncio.LimitOverrunError,
        TimeoutError,
        ConnectionError,
        ValueError,
        OSError,
        ssl.SSLError,
    ):
        pass
    with contextlib.suppress(ConnectionError, OSError, ssl.SSLError):
        writer.close()


class DnsUdp(asyncio.DatagramProtocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        answer = authoritative_answer(data, RECORDS, net.ZONE)
        if answer is not None:
            self.transport.sendto(answer, addr)


async def dns_stream(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """DNS over TCP and over TLS: two-byte length, message, repeated."""
    try:
        while True:
            header = await asyncio.wait_for(reader.readexactly(2), IDLE_TIMEOUT)
            query = await reader.readexactly(struct.unpack("!H", header)[0])
            answer = authoritative_answer(query, RECORDS, net.ZONE)
            if answer is None:
                break
            writer.write(struct.pack("!H", len(answer)) + answer)
            await writer.drain()
    except (asyncio.IncompleteReadError, TimeoutError, ConnectionError, OSError, ssl.SSLError):
        pass
    with contextlib.suppress(ConnectionError, OSError, ssl.SSLError):
        writer.close()


async def serve(cert: str, key: str) -> None:
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    tls.set_alpn_protocols(["http/1.1"])
    loop = asyncio.get_running_loop()
    await loop.create_datagram_endpoint(DnsUdp, local_addr=(net.RESOLVER, 53))
    servers = [
        await asyncio.start_server(dns_stream, net.RESOLVER, 53),
        await asyncio.start_server(dns_stream, net.RESOLVER, 853, ssl=tls),
        await asyncio.start_server(http_connection, net.RESOLVER, 443, ssl=tls),
    ]
    for address in net.site_addresses():
        servers.append(await asyncio.start_server(http_connection, address, 80, backlog=256))
        servers.append(
            await asyncio.start_server(http_connection, address, 443, ssl=tls, backlog=256)
        )
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("servers ready", flush=True)  # noqa: T201 - the lab waits for this line
    await stop.wait()
    for server in servers:
        server.close()


def main() -> None:
    asyncio.run(serve(sys.argv[1], sys.argv[2]))


if __name__ == "__main__":
    main()
