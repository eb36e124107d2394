"""Peers that misbehave below HTTP, and the loopback stand-in for an on-path censor.

A `Middlebox` listens on an address the censored resolver hands out. Connections from a
*victim* address (the probe's source address) get the interference; everyone else (the control
helper) is relayed to the real server, as an on-path censor would let them through:
  reset        wait for the first bytes (a ClientHello or request), answer with an RST
  hang         accept and read forever, never answer
  impersonate  terminate TLS with the given certificate and serve `handler` (e.g. a block page)
  serve        serve `handler` in cleartext (an HTTP block page)
  throttle     relay, but at `pace` bytes per second towards the victim
  relay        no interference
`Blackhole` drops SYNs for everybody (a full accept queue); `closed_port()` refuses everybody.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl

from drm_observatory.probe.server import Handler, connection_handler, reset

MODES = ("reset", "hang", "impersonate", "serve", "throttle", "relay")


class Middlebox:
    def __init__(
        self,
        mode: str,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        victims: set[str] | None = None,
        upstream: tuple[str, int] | None = None,
        tls: ssl.SSLContext | None = None,
        handler: Handler | None = None,
        pace: float | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode, self.host, self.port = mode, host, port
        self.victims, self.upstream, self.tls = victims, upstream, tls
        self.handler, self.pace = handler, pace
        self._open: set[asyncio.StreamWriter] = set()

    async def start(self) -> Middlebox:
        self.server = await asyncio.start_server(self._on, self.host, self.port)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    def _is_victim(self, writer: asyncio.StreamWriter) -> bool:
        peer = writer.get_extra_info("peername")
        return self.victims is None or (peer is not None and peer[0] in self.victims)

    async def _on(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open.add(writer)
        try:
            mode = self.mode if self._is_victim(writer) else "relay"
            if mode == "reset":
                await asyncio.wait_for(reader.read(1), 10)
                reset(writer)
            elif mode == "hang":
                while await reader.read(65536):
                    pass
            elif mode in ("impersonate", "serve"):
                if mode == "impersonate":
                    await writer.start_tls(self.tls)
                await connection_handler(self.handler)(reader, writer)
            else:
                await self._relay(reader, writer, self.pace if mode == "throttle" else None)
        except (TimeoutError, ConnectionError, ssl.SSLError, OSError):
            pass
        finally:
            writer.transport.abort()
            self._open.discard(writer)

    async def _relay(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, pace: float | None
    ) -> None:
        if self.upstream is None:
            return
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        self._open.add(up_writer)

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter, rate) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await src.read(4096 if rate else 65536):
                    dst.write(data)
                    await dst.drain()
                    if rate:
                        await asyncio.sleep(len(data) / rate)
            with contextlib.suppress(ConnectionError, OSError, RuntimeError):
                dst.write_eof()

        try:
            await asyncio.gather(pump(reader, up_writer, None), pump(up_reader, writer, pace))
        finally:
            up_writer.transport.abort()
            self._open.discard(up_writer)

    def close(self) -> None:
        self.server.close()
        for writer in list(self._open):
            writer.transport.abort()


class Blackhole:
    """A port whose SYNs go unanswered: a full accept queue that is never drained.

    The kernel drops SYNs for a listener whose backlog is full, so connect() times out, as it
    does behind a censor that drops packets. Loopback-only stand-in for an nftables drop; it
    cannot tell victims from others.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((host, port))
        self.sock.listen(0)
        self.host, self.port = host, self.sock.getsockname()[1]
        self.fillers: list[socket.socket] = []
        for _ in range(8):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.settimeout(0.2)
            try:
                filler.connect((host, self.port))
            except OSError:
                filler.close()
                break
            self.fillers.append(filler)

    def close(self) -> None:
        for filler in self.fillers:
            filler.close()
        self.sock.close()


def closed_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on (connect gets connection_refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]
