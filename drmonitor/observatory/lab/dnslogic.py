"""DNS answers in the lab: the honest resolver's and the censor's.

Both sides read queries from the network, so a query that does not parse gets no answer from
the resolver (as a real one would drop it) and is passed on untouched by the censor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset

TTL = 60


def _parse(query: bytes) -> dns.message.Message | None:
    try:
        message = dns.message.from_wire(query)
    except (dns.exception.DNSException, ValueError, UnicodeError):
        return None
    if message.flags & dns.flags.QR or len(message.question) != 1:
        return None
    return message


def _reply(
    message: dns.message.Message, zone: str, addresses: list[str] | None, rcode: int
) -> bytes:
    response = dns.message.make_response(message)
    response.flags |= dns.flags.RA
    question = message.question[0]
    in_zone = question.name.is_subdomain(dns.name.from_text(zone))
    if in_zone:
        response.flags |= dns.flags.AA
    response.set_rcode(rcode)
    if addresses and question.rdtype in (dns.rdatatype.A, dns.rdatatype.ANY):
        response.answer.append(dns.rrset.from_text_list(question.name, TTL, "IN", "A", addresses))
    return response.to_wire()


def authoritative_answer(query: bytes, records: Mapping[str, list[str]], zone: str) -> bytes | None:
    """The resolver's answer: A records of the zone, NXDOMAIN inside it, REFUSED outside."""
    message = _parse(query)
    if message is None:
        return None
    question = message.question[0]
    name = question.name.to_text(omit_final_dot=True).lower()
    if question.rdclass != dns.rdataclass.IN:
        return _reply(message, zone, None, dns.rcode.REFUSED)
    if not question.name.is_subdomain(dns.name.from_text(zone)):
        return _reply(message, zone, None, dns.rcode.REFUSED)
    if name not in records:
        return _reply(message, zone, None, dns.rcode.NXDOMAIN)
    return _reply(message, zone, records[name], dns.rcode.NOERROR)


Action = Literal["forward", "nxdomain", "inject", "race", "drop"]


@dataclass(frozen=True)
class Decision:
    """What the censor's DNS middlebox does with one query; `reply` is set for answers it forges.

    "inject" replaces the resolver's answer; "race" sends the forged answer first and lets the
    real one follow, as on-path injectors do (the client believes whichever comes first).
    """

    action: Action
    reply: bytes | None = None


def censor_decision(
    query: bytes,
    nxdomain: frozenset[str] | set[str],
    inject: Mapping[str, str],
    drop: frozenset[str] | set[str],
    zone: str,
    race: Mapping[str, str] | None = None,
) -> Decision:
    """Forge NXDOMAIN, inject a bogus address, drop, or let the query through to the resolver."""
    message = _parse(query)
    if message is None:
        return Decision("forward")
    name = message.question[0].name.to_text(omit_final_dot=True).lower()
    if name in drop:
        return Decision("drop")
    if name in nxdomain:
        return Decision("nxdomain", _reply(message, zone, None, dns.rcode.NXDOMAIN))
    if name in inject:
        return Decision("inject", _reply(message, zone, [inject[name]], dns.rcode.NOERROR))
    if race and name in race:
        return Decision("race", _reply(message, zone, [race[name]], dns.rcode.NOERROR))
    return Decision("forward")
