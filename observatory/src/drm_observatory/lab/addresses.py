"""The lab's address plan: which names and addresses live where.

Every lab uses the same private addresses; they never clash because each lab has its own
network namespaces, and no namespace has a route out of the lab.

    client 10.200.1.2 ── 10.200.1.1 censor 10.200.2.1 ── 10.200.2.2 net 10.200.3.1 ──
        ── 10.200.3.2 helper

The "net" namespace stands for the internet: it owns the resolver and every site address
(AnyIP routes), and forwards between the censor and the helper, so the helper's own view of
the sites never crosses the censor.
"""

from __future__ import annotations

import ipaddress

ZONE = "lab.test"
SUBNET = "10.200.0.0/16"

CLIENT = "10.200.1.2"
CENSOR_CLIENT_SIDE = "10.200.1.1"
CENSOR_NET_SIDE = "10.200.2.1"
NET_CENSOR_SIDE = "10.200.2.2"
NET_HELPER_SIDE = "10.200.3.1"
HELPER = "10.200.3.2"
HELPER_PORT = 8088

RESOLVER = "10.200.9.53"
RESOLVER_HOST = f"dns.{ZONE}"
SERVICE_NET = "10.200.9.0/24"
SITES_NET = "10.200.10.0/24"
DOWN_NET = "10.200.11.0/24"

SITE_COUNT = 200
DOWN_HOST = f"down.{ZONE}"
DOWN_ADDRESS = "10.200.11.1"

# Interface names inside the namespaces (each namespace has its own, so they can repeat).
CLIENT_IF = "to-censor"
CENSOR_CLIENT_IF = "to-client"
CENSOR_NET_IF = "to-net"
NET_CENSOR_IF = "to-censor"
NET_HELPER_IF = "to-helper"
HELPER_IF = "to-net"


def site_host(number: int) -> str:
    """`site-007.lab.test` for 7: the lab serves SITE_COUNT such sites."""
    if not 1 <= number <= SITE_COUNT:
        raise ValueError(f"the lab has sites 1 to {SITE_COUNT}, not {number}")
    return f"site-{number:03d}.{ZONE}"


def site_address(number: int) -> str:
    """Each site has its own address, so the censor can block one without the others."""
    site_host(number)
    return str(ipaddress.ip_network(SITES_NET)[number])


def site_number(host: str) -> int | None:
    """The number of a site host name, or None when the name is not a lab site."""
    host = host.lower().rstrip(".")
    suffix = f".{ZONE}"
    if not (host.startswith("site-") and host.endswith(suffix)):
        return None
    digits = host[len("site-") : -len(suffix)]
    if not digits.isdigit():
        return None
    number = int(digits)
    return number if 1 <= number <= SITE_COUNT and host == site_host(number) else None


def records() -> dict[str, list[str]]:
    """The lab zone's A records, as the real resolver serves them."""
    zone = {site_host(n): [site_address(n)] for n in range(1, SITE_COUNT + 1)}
    zone[DOWN_HOST] = [DOWN_ADDRESS]
    zone[RESOLVER_HOST] = [RESOLVER]
    return zone


def site_addresses() -> list[str]:
    """Addresses the web servers listen on (the down host's address has no listener)."""
    return [site_address(n) for n in range(1, SITE_COUNT + 1)]
