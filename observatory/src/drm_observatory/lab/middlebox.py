"""The censor's userspace middlebox: DNS tampering, SNI filtering and HTTP block pages.

Runs inside the censor namespace (`python -m drm_observatory.lab.middlebox POLICY`).
nftables redirects traffic to it; it finds each connection's real destination with
SO_ORIGINAL_DST and relays whatever the policy does not censor, so with an empty policy it is
invisible. The policy file is reread when it changes, so a test switches scenarios without
restarting anything.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import struct
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from drm_observatory.lab import addresses as net
from drm_observatory.lab.censor import (
    MIDDLEBOX_DNS_PORT,
    MIDDLEBOX_HTTP_PORT,
    MIDDLEBOX_TLS_PORT,
    Policy,
)
from drm_observatory.lab.dnslogic import censor_decision
from drm_observatory.lab.sni import parse_client_hello

SO_ORIGINAL_DST = 80
PEEK_LIMIT = 70_000
PEEK_TIMEOUT = 10.0
UPSTREAM_DNS_TIMEOUT = 3.0

BLOCK_PAGE = (
    b"<!DOCTYPE html><html><head><title>Access restricted by order</title></head>"
    b"<body><h1>Access restricted by order</h1><p>The site you asked for cannot be "
    b"shown on this network under a regulator's directive.</p></body></html>"
)


class PolicySource:
    """The current policy, reloaded when the file is replaced (tests write it atomically)."""

    def __init__(self, path: Path) -> None:
        self.path, self.stamp, self.policy = path, None, Policy()

    def current(self) -> Policy:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return Policy()
        stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if stamp != self.stamp:
            self.policy = Policy.from_json(self.path.read_text())
            self.stamp = stamp
        return self.policy


def original_destination(writer: asyncio.StreamWriter) -> tuple[str, int]:
    sock = writer.get_extra_info("socket")
    raw = sock.getsockopt(socket.SOL_IP, SO_ORIGINAL_DST, 16)
    port = struct.unpack("!H", raw[2:4])[0]
    return socket.inet_ntoa(raw[4:8]), port


def reset(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP RST, as an injecting censor does."""
    sock = writer.get_extra_info("socket")
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()
    except (ConnectionError, OSError):
        writer.transport.abort()


async def relay(
    first: bytes,
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    destination: tuple[str, int],
) -> None:
    """Connect to the real destination and pass bytes both ways, starting with `first`."""
    try:
        up_reader, up_writer = await asyncio.wait_for(asyncio.open_connection(*destination), 10)
    except (OSError, TimeoutError):
        reset(writer)
        return
    up_writer.write(first)
    await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
    for w in (writer, up_writer):
        w.close()


async def _peek(reader: asyncio.StreamReader, enough) -> bytes:
    """Read until `enough(data)` says so, the peer stops, the cap, or the timeout."""
    data = b""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PEEK_TIMEOUT
    while not enough(data) and len(data) < PEEK_LIMIT:
        remaining = deadline - loop.time()
        if remaining <= 0:
            break
        try:
            chunk = await asyncio.wait_for(reader.read(65536), remaining)
        except TimeoutError:
            break
        if not chunk:
            break
        data += chunk
    return data


async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Black-hole a connection: read and discard until the client gives up."""
    with contextlib.suppress(ConnectionError, OSError):
        while await reader.read(65536):
            pass
    writer.transport.abort()


class Middlebox:
    def __init__(self, policy: PolicySource) -> None:
        self.policy = policy

    async def tls(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        destination = original_destination(writer)
        data = await _peek(reader, lambda d: parse_client_hello(d).state != "incomplete")
        name = parse_client_hello(data).server_name
        policy = self.policy.current()
        if name in policy.tls_reset:
            reset(writer)
        elif name in policy.tls_drop:
            await swallow(reader, writer)
        else:
            await relay(data, reader, writer, destination)

    async def http(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        destination = original_destination(writer)
        data = await _peek(reader, lambda d: b"\r\n\r\n" in d)
        host = http_host(data)
        policy = self.policy.current()
        if host in policy.http_reset:
            reset(writer)
        elif host in policy.http_blockpage:
            # Like many injected block pages: a bare head, the body ended by closing.
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + BLOCK_PAGE)
            with contextlib.suppress(ConnectionError, OSError):
                await writer.drain()
            writer.close()
        else:
            await relay(data, reader, writer, destination)

    async def dns_tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while header := await reader.readexactly(2):
                query = await reader.readexactly(struct.unpack("!H", header)[0])
                async for reply in self.dns_replies(query):
                    writer.write(struct.pack("!H", len(reply)) + reply)
                    await writer.drain()
                    break  # over TCP only one answer per query can arrive
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass
        writer.close()

    async def dns_replies(self, query: bytes) -> AsyncIterator[bytes]:
        """The replies the client receives for one query, in the order they arrive."""
        policy = self.policy.current()
        decision = censor_decision(
            query,
            policy.dns_nxdomain,
            policy.dns_inject,
            policy.dns_drop,
            net.ZONE,
            race=policy.dns_race,
        )
        if decision.action == "drop":
            return
        if decision.reply is not None:
            yield decision.reply
            if decision.action != "race":
                return
        if (real := await forward_dns(query)) is not None:
            yield real


async def forward_dns(query: bytes) -> bytes | None:
    """Ask the real resolver, from the censor's own address (not redirected: output path)."""
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[bytes] = loop.create_future()

    class Upstream(asyncio.DatagramProtocol):
        def datagram_received(self, data: bytes, addr: object) -> None:
            if not answer.done():
                answer.set_result(data)

    transport, _ = await loop.create_datagram_endpoint(Upstream, remote_addr=(net.RESOLVER, 53))
    try:
        transport.sendto(query)
        return await asyncio.wait_for(answer, UPSTREAM_DNS_TIMEOUT)
    except TimeoutError:
        return None
    finally:
        transport.close()


class DnsUdp(asyncio.DatagramProtocol):
    def __init__(self, box: Middlebox) -> None:
        self.box, self.transport = box, None
        self.pending: set[asyncio.Task] = set()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        task = asyncio.get_running_loop().create_task(self._answer(data, addr))
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)

    async def _answer(self, data: bytes, addr: tuple[str, int]) -> None:
        async for reply in self.box.dns_replies(data):
            if self.transport is not None:
                self.transport.sendto(reply, addr)


def http_host(data: bytes) -> str | None:
    """The Host header of an HTTP/1 request head, lower-case and without port; None if absent."""
    head = data.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n")[1:]:
        name, sep, value = line.partition(b":")
        if sep and name.strip().lower() == b"host":
            host = value.strip().decode("latin-1").lower()
            if host.startswith("["):
                return host.split("]")[0] + "]"
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return None


async def serve(policy_path: Path) -> None:
    box = Middlebox(PolicySource(policy_path))
    loop = asyncio.get_running_loop()
    await loop.create_datagram_endpoint(
        lambda: DnsUdp(box),
        local_addr=("0.0.0.0", MIDDLEBOX_DNS_PORT),  # noqa: S104
    )
    servers = [
        await asyncio.start_server(box.dns_tcp, "0.0.0.0", MIDDLEBOX_DNS_PORT),  # noqa: S104
        await asyncio.start_server(box.tls, "0.0.0.0", MIDDLEBOX_TLS_PORT, backlog=512),  # noqa: S104
        await asyncio.start_server(box.http, "0.0.0.0", MIDDLEBOX_HTTP_PORT, backlog=512),  # noqa: S104
    ]
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("middlebox ready", flush=True)  # noqa: T201 - the lab waits for this line
    await stop.wait()
    for server in servers:
        server.close()


def main() -> None:
    os.umask(0o077)
    asyncio.run(serve(Path(sys.argv[1])))


if __name__ == "__main__":
    main()
