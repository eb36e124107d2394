"""A DNS server (UDP, TCP, TLS) that answers as it is told, and the DNS answer builder.

The loopback world serves `Zone`s with it; the censorship lab serves its resolver with it and
forges its censor's answers with `reply()`, so there is one way to build a DNS answer.

Zone rules, per name (case-insensitive, no trailing dot):
  ["1.2.3.4", "2001:db8::1"]  answer these addresses (A and AAAA as appropriate)
  "nxdomain" | "noanswer" | "servfail" | "refused" | "drop" (never answer: a timeout)
Names not in the zone get `default` (nxdomain unless told otherwise).
"""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
import struct
from typing import Protocol

import dns.exception
import dns.flags
import dns.message
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset

Rule = list[str] | str

_RCODES = {
    "nxdomain": dns.rcode.NXDOMAIN,
    "servfail": dns.rcode.SERVFAIL,
    "refused": dns.rcode.REFUSED,
}


def parse_query(wire: bytes) -> dns.message.Message | None:
    """A query read off the network, or None for anything else: a real resolver drops those."""
    try:
        message = dns.message.from_wire(wire)
    except (dns.exception.DNSException, ValueError, UnicodeError):
        return None
    if message.flags & dns.flags.QR or len(message.question) != 1:
        return None
    return message


def reply(
    query: dns.message.Message,
    addresses: list[str],
    rcode: dns.rcode.Rcode = dns.rcode.NOERROR,
    *,
    authoritative: bool = False,
) -> bytes:
    """The response to `query`, answering with those `addresses` of the family it asks for."""
    response = dns.message.make_response(query)
    response.flags |= dns.flags.RA | (dns.flags.AA if authoritative else 0)
    response.set_rcode(rcode)
    question = query.question[0]
    rdtype = dns.rdatatype.A if question.rdtype == dns.rdatatype.ANY else question.rdtype
    version = {dns.rdatatype.A: 4, dns.rdatatype.AAAA: 6}.get(rdtype)
    matching = [ip for ip in addresses if version and ipaddress.ip_address(ip).version == version]
    if matching:
        response.answer.append(
            dns.rrset.from_text_list(question.name, 60, dns.rdataclass.IN, rdtype, matching)
        )
    return response.to_wire()


class Zone:
    def __init__(self, rules: dict[str, Rule] | None = None, default: Rule = "nxdomain") -> None:
        self.rules: dict[str, Rule] = {}
        self.default = default
        for name, rule in (rules or {}).items():
            self.set(name, rule)

    def set(self, name: str, rule: Rule) -> None:
        self.rules[name.lower().rstrip(".")] = rule

    def answer(self, wire: bytes) -> bytes | None:
        """The reply to a query in wire format; None means stay silent."""
        query = parse_query(wire)
        if query is None:
            return None
        name = query.question[0].name.to_text().lower().rstrip(".")
        rule = self.rules.get(name, self.default)
        if rule == "drop":
            return None
        if isinstance(rule, str):
            return reply(query, [], _RCODES.get(rule, dns.rcode.NOERROR))
        return reply(query, rule)


class Answers(Protocol):
    """What a DNSServer serves: a Zone, or the lab's resolver."""

    def answer(self, wire: bytes) -> bytes | None: ...


class _UDP(asyncio.DatagramProtocol):
    def __init__(self, zone: Answers) -> None:
        self.zone = zone

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr) -> None:
        reply = self.zone.answer(data)
        if reply is not None:
            self.transport.sendto(reply, addr)


class DNSServer:
    """UDP and TCP on the same port; `port=0` picks a free one (read `.port`).

    With `tls` it speaks DNS over TLS on the TCP side (and still plain DNS over UDP). A stream
    carries queries one after another until the client closes it or stays quiet for `idle`.
    """

    def __init__(
        self,
        zone: Answers,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
        idle: float = 10.0,
    ) -> None:
        self.zone, self.host, self.port, self.tls, self.idle = zone, host, port, tls, idle

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
            while True:
                header = await asyncio.wait_for(reader.readexactly(2), self.idle)
                wire = await asyncio.wait_for(reader.readexactly(*struct.unpack("!H", header)), 10)
                reply = self.zone.answer(wire)
                if reply is None:
                    break
                writer.write(struct.pack("!H", len(reply)) + reply)
                await writer.drain()
        except (asyncio.IncompleteReadError, TimeoutError, ConnectionError, OSError, ssl.SSLError):
            pass
        finally:
            writer.close()

    def close(self) -> None:
        self.udp.close()
        self.tcp.close()
