"""IP address to ASN, from a small local table the operator provides (no network lookups).

File format, one network per line: `CIDR ASN [organisation name]`, e.g.
`104.244.40.0/21 AS13414 Twitter Inc.`; `#` starts a comment.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AsnEntry:
    network: ipaddress.IPv4Network | ipaddress.IPv6Network
    asn: int
    org: str


class AsnTable:
    def __init__(self, entries: list[AsnEntry] | None = None) -> None:
        # Longest prefix first, so the first match is the most specific one.
        self.entries = sorted(entries or [], key=lambda e: e.network.prefixlen, reverse=True)

    @classmethod
    def load(cls, path: str | Path | None) -> AsnTable:
        if not path:
            return cls()
        entries = []
        for number, raw in enumerate(Path(path).read_text().splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split(None, 2)
            try:
                network = ipaddress.ip_network(parts[0], strict=False)
                asn = int(parts[1].upper().removeprefix("AS"))
            except (ValueError, IndexError) as exc:
                raise ValueError(f"{path}:{number}: expected 'CIDR ASN [name]': {raw!r}") from exc
            entries.append(AsnEntry(network, asn, parts[2] if len(parts) > 2 else ""))
        return cls(entries)

    def lookup(self, ip: str) -> tuple[int, str]:
        """(asn, organisation); (0, "") when unknown, as OONI writes an unknown ASN."""
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return 0, ""
        for entry in self.entries:
            if address.version == entry.network.version and address in entry.network:
                return entry.asn, entry.org
        return 0, ""
