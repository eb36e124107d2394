"""DNS answers in the lab: the honest resolver's and the censor's (built by testing.dns_server).

Both sides read queries from the network, so a query that does not parse gets no answer from
the resolver (as a real one would drop it) and is passed on untouched by the censor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import dns.message
import dns.name
import dns.rcode
import dns.rdataclass

from drm_observatory.testing.dns_server import parse_query, reply


def _reply(
    message: dns.message.Message, zone: str, addresses: list[str], rcode: dns.rcode.Rcode
) -> bytes:
    in_zone = message.question[0].name.is_subdomain(dns.name.from_text(zone))
    return reply(message, addresses, rcode, authoritative=in_zone)


def authoritative_answer(query: bytes, records: Mapping[str, list[str]], zone: str) -> bytes | None:
    """The resolver's answer: A records of the zone, NXDOMAIN inside it, REFUSED outside."""
    message = parse_query(query)
    if message is None:
        return None
    question = message.question[0]
    name = question.name.to_text(omit_final_dot=True).lower()
    if question.rdclass != dns.rdataclass.IN:
        return _reply(message, zone, [], dns.rcode.REFUSED)
    if not question.name.is_subdomain(dns.name.from_text(zone)):
        return _reply(message, zone, [], dns.rcode.REFUSED)
    if name not in records:
        return _reply(message, zone, [], dns.rcode.NXDOMAIN)
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
    message = parse_query(query)
    if message is None:
        return Decision("forward")
    name = message.question[0].name.to_text(omit_final_dot=True).lower()
    if name in drop:
        return Decision("drop")
    if name in nxdomain:
        return Decision("nxdomain", _reply(message, zone, [], dns.rcode.NXDOMAIN))
    if name in inject:
        return Decision("inject", _reply(message, zone, [inject[name]], dns.rcode.NOERROR))
    if race and name in race:
        return Decision("race", _reply(message, zone, [race[name]], dns.rcode.NOERROR))
    return Decision("forward")
