"""The censor: one policy, rendered into kernel rules and the middlebox's instructions.

Whatever the kernel can do, the kernel does: TCP resets and silent drops are nftables rules in
the forward chain, throttling is an htb class on the interface towards the client. What needs
to read the traffic (which DNS name, which TLS server name, which HTTP Host) is done by the
userspace middlebox (`middlebox.py`), to which nftables redirects only the traffic a policy
needs it to see. DNS always passes through the middlebox, which forwards what it does not
censor, so a DNS rule never depends on stale connection-tracking entries.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from drm_observatory.lab import addresses as net
from drm_observatory.lab.commands import NFT, TC, netns_exec

MIDDLEBOX_DNS_PORT = 5353
MIDDLEBOX_HTTP_PORT = 8080
MIDDLEBOX_TLS_PORT = 8443
TABLE = "drmlab_censor"


@dataclass
class Policy:
    """What the censor does; names are host names, targets of TCP/throttle rules are addresses."""

    dns_nxdomain: set[str] = field(default_factory=set)
    dns_inject: dict[str, str] = field(default_factory=dict)
    dns_race: dict[str, str] = field(default_factory=dict)
    dns_drop: set[str] = field(default_factory=set)
    tcp_reset: set[str] = field(default_factory=set)
    tcp_drop: set[str] = field(default_factory=set)
    tls_reset: set[str] = field(default_factory=set)
    tls_drop: set[str] = field(default_factory=set)
    http_blockpage: set[str] = field(default_factory=set)
    http_reset: set[str] = field(default_factory=set)
    throttle_kbit: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("dns_nxdomain", "dns_drop", "tls_reset", "tls_drop"):
            setattr(self, name, {_host(h) for h in getattr(self, name)})
        for name in ("http_blockpage", "http_reset"):
            setattr(self, name, {_host(h) for h in getattr(self, name)})
        self.dns_inject = {_host(h): _address(a) for h, a in self.dns_inject.items()}
        self.dns_race = {_host(h): _address(a) for h, a in self.dns_race.items()}
        self.tcp_reset = {_address(a) for a in self.tcp_reset}
        self.tcp_drop = {_address(a) for a in self.tcp_drop}
        for address, kbit in self.throttle_kbit.items():
            _address(address)
            if not isinstance(kbit, int) or kbit < 8:
                raise ValueError(f"throttle rate must be an integer >= 8 kbit/s, not {kbit!r}")
        if net.HELPER in self.tcp_reset | self.tcp_drop | set(self.throttle_kbit):
            raise ValueError("the censor never touches the control helper")

    def to_json(self) -> str:
        return json.dumps(
            {k: sorted(v) if isinstance(v, set) else v for k, v in asdict(self).items()}
        )

    @classmethod
    def from_json(cls, text: str) -> Policy:
        return cls(**json.loads(text))


def _host(name: str) -> str:
    name = str(name).strip().lower().rstrip(".")
    if not name or any(ch.isspace() or ch in '"{};\\' for ch in name):
        raise ValueError(f"not a host name: {name!r}")
    return name


def _address(address: str) -> str:
    import ipaddress

    return str(ipaddress.IPv4Address(address))


def _set(addresses: set[str]) -> str:
    return "{ " + ", ".join(sorted(addresses)) + " }"


def render_nft(policy: Policy) -> str:
    """The censor namespace's whole nftables table for this policy, replaced atomically."""
    pre = [
        f"ip daddr {net.HELPER} accept",
        f"ip daddr {net.RESOLVER} udp dport 53 redirect to :{MIDDLEBOX_DNS_PORT}",
        f"ip daddr {net.RESOLVER} tcp dport 53 redirect to :{MIDDLEBOX_DNS_PORT}",
    ]
    if blocked := policy.tcp_reset | policy.tcp_drop:
        # Redirected traffic would reach the middlebox through the input chain and never meet
        # the forward chain's TCP rules: addresses blocked at the TCP layer are not redirected.
        pre.append(f"ip daddr {_set(blocked)} accept")
    if policy.tls_reset or policy.tls_drop:
        pre.append(f"ip daddr {net.SITES_NET} tcp dport 443 redirect to :{MIDDLEBOX_TLS_PORT}")
    if policy.http_blockpage or policy.http_reset:
        pre.append(f"ip daddr {net.SITES_NET} tcp dport 80 redirect to :{MIDDLEBOX_HTTP_PORT}")
    forward = [f"ip daddr {net.HELPER} accept", f"ip saddr {net.HELPER} accept"]
    if policy.tcp_reset:
        forward.append(f"ip daddr {_set(policy.tcp_reset)} meta l4proto tcp reject with tcp reset")
    if policy.tcp_drop:
        forward.append(f"ip daddr {_set(policy.tcp_drop)} drop")
    lines = [
        f"table ip {TABLE}",
        f"delete table ip {TABLE}",
        f"table ip {TABLE} {{",
        "  chain prerouting {",
        "    type nat hook prerouting priority dstnat; policy accept;",
        *(f"    {rule}" for rule in pre),
        "  }",
        "  chain forward {",
        "    type filter hook forward priority filter; policy accept;",
        *(f"    {rule}" for rule in forward),
        "  }",
        "}",
    ]
    return "\n".join(lines) + "\n"


def render_tc(policy: Policy, interface: str = net.CENSOR_CLIENT_IF) -> list[str]:
    """tc batch lines that shape traffic from each throttled address towards the client."""
    if not policy.throttle_kbit:
        return []
    lines = [
        f"qdisc add dev {interface} root handle 1: htb default 1",
        f"class add dev {interface} parent 1: classid 1:1 htb rate 10gbit",
    ]
    for index, (address, kbit) in enumerate(sorted(policy.throttle_kbit.items()), start=10):
        lines += [
            f"class add dev {interface} parent 1: classid 1:{index} htb rate {kbit}kbit"
            f" ceil {kbit}kbit",
            f"filter add dev {interface} parent 1: protocol ip prio 1 u32"
            f" match ip src {address}/32 flowid 1:{index}",
        ]
    return lines


class Censor:
    """Applies a policy inside the censor namespace; the middlebox rereads the policy file."""

    def __init__(self, namespace: str, policy_file: Path) -> None:
        self.namespace, self.policy_file = namespace, policy_file
        self.policy = Policy()

    def _run(self, *args: str, stdin: str | None = None, check: bool = True) -> None:
        subprocess.run(  # noqa: S603 - fixed programs, arguments built from validated values
            [*netns_exec(self.namespace), *args],
            input=stdin,
            text=True,
            check=check,
            capture_output=True,
        )

    def apply(self, policy: Policy) -> None:
        """Replace whatever the censor did before with `policy`."""
        tmp = self.policy_file.with_suffix(".tmp")
        tmp.write_text(policy.to_json())
        os.replace(tmp, self.policy_file)
        self._run(NFT, "-f", "-", stdin=render_nft(policy))
        self._run(TC, "qdisc", "del", "dev", net.CENSOR_CLIENT_IF, "root", check=False)
        if batch := render_tc(policy):
            self._run(TC, "-batch", "-", stdin="\n".join(batch) + "\n")
        self.policy = policy

    def clear(self) -> None:
        """No interference."""
        self.apply(Policy())
