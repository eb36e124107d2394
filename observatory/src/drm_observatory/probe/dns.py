"""DNS lookups the way Web Connectivity records them: one `queries[]` entry per query type.

The primary resolver is the system's (getaddrinfo), or a plain DNS server for vantage points and
labs that must name one. The second resolver speaks DoH (https://...), DoT (tls://host:port) or
plain UDP (udp://ip:port); comparing the two separates ISP DNS tampering from everything else.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import dns.asyncquery
import dns.flags
import dns.message
import dns.rdatatype

from drm_observatory.probe import http
from drm_observatory.probe.asn import AsnTable
from drm_observatory.probe.failures import (
    DNS_NO_ANSWER,
    ProbeFailure,
    classify,
    rcode_failure,
)


@dataclass
class Lookup:
    """The addresses a resolver gave for one hostname, and the OONI entries describing it."""

    addresses: list[str] = field(default_factory=list)
    failure: str | None = None
    queries: list[dict] = field(default_factory=list)


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _answers(ips: list[str], family: str, asns: AsnTable) -> list[dict]:
    out = []
    for ip in ips:
        asn, org, country = asns.lookup(ip)
        key = "ipv4" if family == "A" else "ipv6"
        answer = {"answer_type": family, key: ip, "asn": asn, "as_org_name": org, "ttl": None}
        if country:
            answer["x_as_cc"] = country  # the answer's country, ours: OONI's answers have none
        out.append(answer)
    return out


def _entry(
    host: str,
    qtype: str,
    engine: str,
    address: str,
    answers: list[dict],
    failure: str | None,
    t0: float,
    t: float,
) -> dict:
    return {
        "answers": answers,
        "engine": engine,
        "failure": failure,
        "hostname": host,
        "query_type": qtype,
        "resolver_address": address,
        "resolver_hostname": None,
        "resolver_port": None,
        "t0": round(t0, 6),
        "t": round(t, 6),
    }


class Resolver:
    """Interface: `await resolver.lookup(host, clock)` -> Lookup."""

    engine = ""
    address = ""

    def __init__(self, asns: AsnTable, timeout: float) -> None:
        self.asns = asns
        self.timeout = timeout

    async def lookup(self, host: str, clock: float) -> Lookup:
        raise NotImplementedError


class SystemResolver(Resolver):
    engine = "system"

    async def lookup(self, host: str, clock: float) -> Lookup:
        t0 = time.monotonic() - clock
        loop = asyncio.get_running_loop()
        v4: list[str] = []
        v6: list[str] = []
        failure = None
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(host, None, type=socket.SOCK_STREAM), self.timeout
            )
            for family, *_rest, sockaddr in infos:
                target = v6 if family == socket.AF_INET6 else v4
                if sockaddr[0] not in target:
                    target.append(sockaddr[0])
            if not v4 and not v6:
                failure = DNS_NO_ANSWER
        except Exception as exc:  # noqa: BLE001 - recorded as an OONI failure
            failure = classify(exc)
        t = time.monotonic() - clock
        queries = [_entry(host, "A", self.engine, "", _answers(v4, "A", self.asns), failure, t0, t)]
        if v6:
            queries.append(
                _entry(host, "AAAA", self.engine, "", _answers(v6, "AAAA", self.asns), None, t0, t)
            )
        return Lookup(v4 + v6, failure, queries)


class WireResolver(Resolver):
    """A DNS server spoken to in DNS wire format, over UDP, TLS or HTTPS."""

    def __init__(
        self,
        url: str,
        asns: AsnTable,
        timeout: float,
        ca_file: str | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(asns, timeout)
        self.url = url
        self.source = source
        parts = urlsplit(url)
        self.scheme = parts.scheme
        if self.scheme not in ("udp", "tcp", "tls", "https"):
            raise ValueError(f"resolver {url!r}: use udp://, tcp://, tls:// or https://")
        if not parts.hostname:
            raise ValueError(f"resolver {url!r} names no host")
        self.host = parts.hostname
        default_port = {"udp": 53, "tcp": 53, "tls": 853, "https": 443}[self.scheme]
        self.port = parts.port or default_port
        self.engine = {"udp": "udp", "tcp": "tcp", "tls": "dot", "https": "doh"}[self.scheme]
        self.address = url if self.scheme == "https" else f"{self.host}:{self.port}"
        self.context = http.tls_context(ca_file)
        self.context.set_alpn_protocols(["dot"] if self.scheme == "tls" else ["http/1.1"])

    async def _server_ip(self) -> str:
        if is_ip(self.host):
            return self.host
        return (await http.system_addresses(self.host, self.port, self.timeout))[0]

    async def _query(self, query: dns.message.Message) -> bytes:
        if self.scheme == "https":
            ex = await http.exchange(
                self.url,
                http.Dialer(context=self.context, timeout=self.timeout, source=self.source),
                method="POST",
                headers=[
                    ("Content-Type", "application/dns-message"),
                    ("Accept", "application/dns-message"),
                ],
                body=query.to_wire(),
                max_body=65535,
            )
            if ex.failure:
                raise ProbeFailure(ex.failure)
            assert ex.response is not None
            if ex.response.status != 200:
                raise ProbeFailure(f"unknown_failure: DoH status {ex.response.status}")
            return ex.response.body
        ip = await self._server_ip()
        return await self._exchange_wire(query, ip)

    async def _exchange_wire(self, query: dns.message.Message, ip: str) -> bytes:
        where = {"timeout": self.timeout, "port": self.port, "source": self.source}
        if self.scheme == "udp":
            reply = await dns.asyncquery.udp(query, ip, **where)
        elif self.scheme == "tcp":
            reply = await dns.asyncquery.tcp(query, ip, **where)
        else:
            tls = {"ssl_context": self.context, "server_hostname": self.host}
            reply = await dns.asyncquery.tls(query, ip, **where, **tls)
        return reply.to_wire()

    async def _one(self, host: str, qtype: str, clock: float) -> tuple[list[str], dict]:
        t0 = time.monotonic() - clock
        ips: list[str] = []
        failure = None
        try:
            query = dns.message.make_query(host, dns.rdatatype.from_text(qtype))
            wire = await asyncio.wait_for(self._query(query), self.timeout + 1)
            ips, failure = interpret_reply(wire, query, qtype)
        except Exception as exc:  # noqa: BLE001 - recorded as an OONI failure
            failure = classify(exc)
        t = time.monotonic() - clock
        answers = _answers(ips, qtype, self.asns)
        return ips, _entry(host, qtype, self.engine, self.address, answers, failure, t0, t)

    async def lookup(self, host: str, clock: float) -> Lookup:
        (v4, a), (v6, aaaa) = await asyncio.gather(
            self._one(host, "A", clock), self._one(host, "AAAA", clock)
        )
        failure = None
        if not v4 and not v6:
            failure = a["failure"] or aaaa["failure"] or DNS_NO_ANSWER
        return Lookup(v4 + v6, failure, [a, aaaa])


def interpret_reply(
    wire: bytes, query: dns.message.Message, qtype: str
) -> tuple[list[str], str | None]:
    """(addresses, OONI failure) from a reply in wire format; never raises on hostile bytes."""
    try:
        reply = dns.message.from_wire(wire)
    except Exception as exc:  # noqa: BLE001 - dnspython raises many kinds on garbage
        return [], f"unknown_failure: malformed DNS reply: {type(exc).__name__}"
    if reply.id != query.id or not reply.flags & dns.flags.QR:
        return [], "unknown_failure: DNS reply does not match the query"
    failure = rcode_failure(reply.rcode())
    if failure is not None:
        return [], failure
    ips = addresses_in(reply, qtype)
    return ips, None if ips else DNS_NO_ANSWER


def addresses_in(reply: dns.message.Message, qtype: str) -> list[str]:
    """The addresses of the asked type in a reply, following no CNAME chain beyond the answer."""
    want = dns.rdatatype.from_text(qtype)
    out: list[str] = []
    for rrset in reply.answer:
        if rrset.rdtype != want:
            continue
        for rdata in rrset:
            address = getattr(rdata, "address", None)
            if isinstance(address, str) and address not in out:
                out.append(address)
    return out


def make_resolver(
    spec: str | None,
    asns: AsnTable,
    timeout: float,
    ca_file: str | None = None,
    source: str | None = None,
) -> Resolver:
    """`system` (or nothing) for getaddrinfo, else a udp://, tcp://, tls:// or https:// URL."""
    if not spec or spec == "system":
        return SystemResolver(asns, timeout)
    return WireResolver(spec, asns, timeout, ca_file, source)
