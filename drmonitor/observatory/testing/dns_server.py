"""A DNS server on UDP (and TCP) that answers as it is told: the lab's honest or lying resolver.

Zone rules, per name (case-insensitive, no trailing dot):
  ["1.2.3.4", "2001:db8::1"]  answer these addresses (A and AAAA as appropriate)
  "nxdomain" | "noanswer" | "servfail" | "refused" | "drop" (never answer: a timeout)
Names not in the zone get `default` (nxdomain unless told otherwise).

    python -m drmonitor.observatory.testing.dns_server --listen 127.0.0.1:5353 \
        --record site.test=127.0.0.1 --rule blocked.test=nxdomain
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import ssl
import struct
from pathlib import Path

import dns.exception
import dns.message
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset

from drmonitor.observatory.probe.server import parse_listen

Rule = list[str] | str


class Zone:
    def __init__(self, rules: dict[str, Rule] | None = None, default: Rule = "nxdomain") -> None:
        self.rules: dict[str, Rule] = {}
        self.default = default
        for name, rule in (rules or {}).items():
            self.set(name, rule)
        self.queries = 0

    def set(self, name: str, rule: Rule) -> None:
        self.rules[name.lower().rstrip(".")] = rule

    def answer(self, wire: bytes) -> bytes | None:
        """The reply to a query in wire format; None means stay silent."""
        self.queries += 1
        try:
            query = dns.message.from_wire(wire)
        except dns.exception.DNSException:
            return None
        if not query.question:
            reply = dns.message.make_response(query)
            reply.set_rcode(dns.rcode.FORMERR)
            return reply.to_wire()
        question = query.question[0]
        name = question.name.to_text().lower().rstrip(".")
        rule = self.rules.get(name, self.default)
        if rule == "drop":
            return None
        reply = dns.message.make_response(query)
        codes = {
            "nxdomain": dns.rcode.NXDOMAIN,
            "servfail": dns.rcode.SERVFAIL,
            "refused": dns.rcode.REFUSED,
        }
        if isinstance(rule, str):
            if rule in codes:
                reply.set_rcode(codes[rule])
            return reply.to_wire()
        version = {dns.rdatatype.A: 4, dns.rdatatype.AAAA: 6}.get(question.rdtype)
        addresses = [ip for ip in rule if version and ipaddress.ip_address(ip).version == version]
        if addresses:
            reply.answer.append(
                dns.rrset.from_text_list(
                    question.name, 60, dns.rdataclass.IN, question.rdtype, addresses
                )
            )
        return reply.to_wire()


class _UDP(asyncio.DatagramProtocol):
    def __init__(self, zone: Zone) -> None:
        self.zone = zone

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr) -> None:
        reply = self.zone.answer(data)
        if reply is not None:
            self.transport.sendto(reply, addr)


class DNSServer:
    """UDP and TCP on the same port; `port=0` picks a free one (read `.port`).

    With `tls` it speaks DNS over TLS on the TCP side (and still plain DNS over UDP).
    """

    def __init__(
        self, zone: Zone, host: str = "127.0.0.1", port: int = 0, tls: ssl.SSLContext | None = None
    ) -> None:
        self.zone, self.host, self.port, self.tls = zone, host, port, tls

    async def start(self) -> DNSServer:
        loop = asyncio.get_running_loop()
        self.tcp = await asyncio.start_server(self._tcp, self.host, self.port, ssl=self.tls)
        self.port = self.tcp.sockets[0].getsockname()[1]
        self.udp, _ = await loop.create_datagram_endpoint(
            lambda: _UDP(self.zone), local_addr=(self.host, self.port)
        )
        return self

    @property
    def url(self) -> str:
        return f"udp://{self.host}:{self.port}"

    @property
    def dot_url(self) -> str:
        return f"tls://{self.host}:{self.port}"

    async def _tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            (length,) = struct.unpack("!H", await asyncio.wait_for(reader.readexactly(2), 10))
            reply = self.zone.answer(await asyncio.wait_for(reader.readexactly(length), 10))
            if reply is not None:
                writer.write(struct.pack("!H", len(reply)) + reply)
                await writer.drain()
        except (asyncio.IncompleteReadError, TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    def close(self) -> None:
        self.udp.close()
        self.tcp.close()


def zone_from_args(args: argparse.Namespace) -> Zone:
    zone = Zone(json.loads(Path(args.zone).read_text()) if args.zone else {}, args.default)
    for item in args.record:
        name, _, ip = item.partition("=")
        current = zone.rules.get(name.lower(), [])
        zone.set(name, [*(current if isinstance(current, list) else []), ip])
    for item in args.rule:
        name, _, rule = item.partition("=")
        zone.set(name, rule)
    return zone


async def _run(args: argparse.Namespace) -> None:
    host, port = parse_listen(args.listen)
    server = await DNSServer(zone_from_args(args), host, port).start()
    print(f"dns on {host}:{server.port} (udp+tcp)", flush=True)  # noqa: T201
    await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="127.0.0.1:5353")
    parser.add_argument("--zone", help="JSON file {name: rule}")
    parser.add_argument("--record", action="append", default=[], help="NAME=IP (repeatable)")
    parser.add_argument("--rule", action="append", default=[], help="NAME=nxdomain|noanswer|...")
    parser.add_argument("--default", default="nxdomain")
    try:
        asyncio.run(_run(parser.parse_args(argv)))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
