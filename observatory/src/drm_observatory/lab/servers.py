"""The lab's internet: its resolver (DNS over UDP, TCP, TLS and HTTPS) and its web sites.

Runs inside the "net" namespace (`python -m drm_observatory.lab.servers CERT KEY`). Each
site has its own address with an HTTP and an HTTPS listener; the down host's address has none,
so connecting to it is refused as it would be by a server whose web process is stopped. The
servers themselves are the loopback tests' (probe.server for HTTP, testing.dns_server for DNS);
this module only says what the lab's resolver and sites answer.
"""

from __future__ import annotations

import asyncio
import base64
import signal
import ssl
import sys
import urllib.parse

from drm_observatory.lab import addresses as net
from drm_observatory.lab.dnslogic import authoritative_answer
from drm_observatory.probe.server import Reply, Request, serve
from drm_observatory.testing.dns_server import DNSServer
from drm_observatory.testing.web import asset

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


def _doh(request: Request, query_string: str) -> Reply:
    if request.method == "POST":
        query = request.body
    else:
        encoded = urllib.parse.parse_qs(query_string).get("dns", [""])[0]
        try:
            query = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except ValueError:
            query = b""
    answer = authoritative_answer(query, RECORDS, net.ZONE)
    if answer is None:
        return Reply(400, b"not a DNS query\n", [("Content-Type", "text/plain")])
    return Reply(200, answer, [("Content-Type", "application/dns-message")])


async def route(request: Request) -> Reply:
    """The lab's answer to one request, chosen by the address, the path and the Host header."""
    parsed = urllib.parse.urlsplit(request.path)
    if raw := MISBEHAVIOURS.get(parsed.path):
        return Reply(raw=raw)
    if request.local == net.RESOLVER and parsed.path == "/dns-query":
        return _doh(request, parsed.query)
    if parsed.path.startswith("/bytes/"):
        size = parsed.path.removeprefix("/bytes/")
        if size.isdigit() and int(size) <= MAX_BYTES:
            return Reply(200, asset(int(size)), [("Content-Type", "application/octet-stream")])
        return Reply(400, b"bad size\n", [("Content-Type", "text/plain")])
    host = request.header("host").lower().rsplit(":", 1)[0]
    site = host if net.site_number(host) else _host_of(request.local)
    headers = [("Content-Type", "text/html; charset=utf-8"), ("X-Lab-Site", site)]
    return Reply(200, site_page(site), headers)


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


class LabResolver:
    """The lab's honest resolver, for testing.dns_server's DNSServer."""

    def answer(self, wire: bytes) -> bytes | None:
        return authoritative_answer(wire, RECORDS, net.ZONE)


async def serve_all(cert: str, key: str) -> None:
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    tls.set_alpn_protocols(["http/1.1"])
    resolver = LabResolver()
    dns_servers = [
        await DNSServer(resolver, net.RESOLVER, 53, idle=IDLE_TIMEOUT).start(),
        await DNSServer(resolver, net.RESOLVER, 853, tls=tls, idle=IDLE_TIMEOUT).start(),
    ]
    web = [await serve(route, net.RESOLVER, 443, ssl_context=tls, timeout=IDLE_TIMEOUT)]
    for address in net.site_addresses():
        web.append(await serve(route, address, 80, timeout=IDLE_TIMEOUT))
        web.append(await serve(route, address, 443, ssl_context=tls, timeout=IDLE_TIMEOUT))
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print("servers ready", flush=True)  # noqa: T201 - the lab waits for this line
    await stop.wait()
    for server in dns_servers:
        server.close()
    for server in web:
        server.close()


def main() -> None:
    asyncio.run(serve_all(sys.argv[1], sys.argv[2]))


if __name__ == "__main__":
    main()
