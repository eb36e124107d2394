"""Peers that misbehave below HTTP: reset, hang, blackhole, and a port where nobody listens.

python -m drmonitor.observatory.testing.raw --listen 127.0.0.1:9001 --mode reset|hang
"""

from __future__ import annotations

import argparse
import asyncio
import socket

from drmonitor.observatory.probe.server import parse_listen, reset


class RawServer:
    """`reset`: accept, wait for the first bytes (a ClientHello), answer with an RST.
    `hang`: accept and read forever, never answering (a timeout after connect)."""

    def __init__(self, mode: str, host: str = "127.0.0.1", port: int = 0) -> None:
        if mode not in ("reset", "hang"):
            raise ValueError(f"unknown mode {mode!r}")
        self.mode, self.host, self.port = mode, host, port
        self._open: set[asyncio.StreamWriter] = set()

    async def start(self) -> RawServer:
        self.server = await asyncio.start_server(self._on, self.host, self.port)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def _on(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open.add(writer)
        try:
            if self.mode == "reset":
                await asyncio.wait_for(reader.read(1), 10)
                reset(writer)
                return
            while await reader.read(65536):
                pass
        except (TimeoutError, ConnectionError):
            pass
        finally:
            self._open.discard(writer)
            writer.transport.abort()

    def close(self) -> None:
        self.server.close()
        for writer in list(self._open):
            writer.transport.abort()


class Blackhole:
    """A port whose SYNs go unanswered: a full accept queue that is never drained.

    The kernel drops SYNs for a listener whose backlog is full, so connect() times out, as it
    does behind a censor that drops packets. Loopback-only stand-in for an iptables DROP.
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


async def _run(args: argparse.Namespace) -> None:
    host, port = parse_listen(args.listen)
    if args.mode == "blackhole":
        hole = Blackhole(host, port)
        print(f"blackhole on {host}:{hole.port}", flush=True)  # noqa: T201
    else:
        server = await RawServer(args.mode, host, port).start()
        print(f"{args.mode} on {host}:{server.port}", flush=True)  # noqa: T201
    await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", required=True)
    parser.add_argument("--mode", choices=["reset", "hang", "blackhole"], required=True)
    try:
        asyncio.run(_run(parser.parse_args(argv)))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
