"""IP address to ASN and country, from a database the operator points at (no network lookups).

Two formats, told apart by their lines:

- iptoasn's TSV (iptoasn.com's `ip2asn-combined.tsv`, gzip-compressed or not), the maintained
  public database: `range_start<TAB>range_end<TAB>AS_number<TAB>country_code<TAB>description`;
- our own small table, one network a line: `CIDR ASN [organisation name]`, e.g.
  `104.244.40.0/21 AS13414 Twitter Inc.`; `#` starts a comment.

Lookups are a binary search over address ranges sorted by start, so the half million ranges of
the full TSV cost what a dozen do.
"""

from __future__ import annotations

import bisect
import gzip
import ipaddress
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AsnEntry:
    start: int
    end: int  # inclusive
    version: int  # 4 or 6
    asn: int
    org: str
    country: str = ""  # ISO code, "" when the database does not say


UNKNOWN = (0, "", "")


class AsnTable:
    def __init__(self, entries: list[AsnEntry] | None = None) -> None:
        self.by_version: dict[int, list[AsnEntry]] = {4: [], 6: []}
        for entry in sorted(entries or [], key=lambda e: (e.start, -e.end)):
            self.by_version[entry.version].append(entry)
        self.starts = {v: [e.start for e in rows] for v, rows in self.by_version.items()}
        # The widest range bounds how far back a containing range can start.
        self.widest = {
            v: max((e.end - e.start for e in rows), default=0)
            for v, rows in self.by_version.items()
        }

    @classmethod
    def load(cls, path: str | Path | None) -> AsnTable:
        if not path:
            return cls()
        raw = Path(path).read_bytes()
        text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8", "replace")
        entries = []
        for number, line in enumerate(text.splitlines(), 1):
            try:
                entry = _tsv_entry(line) if "\t" in line else _table_entry(line)
            except (ValueError, IndexError) as exc:
                raise ValueError(
                    f"{path}:{number}: expected 'CIDR ASN [name]' or iptoasn's "
                    f"'start<TAB>end<TAB>ASN<TAB>country<TAB>name': {line[:80]!r}"
                ) from exc
            if entry is not None:
                entries.append(entry)
        return cls(entries)

    def lookup(self, ip: str) -> tuple[int, str, str]:
        """(asn, organisation, country) of the narrowest range holding `ip`; (0, "", "") when
        unknown, as OONI writes an unknown ASN. iptoasn's "not routed" rows (AS0) are unknown."""
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return UNKNOWN
        value, rows = int(address), self.by_version[address.version]
        best: AsnEntry | None = None
        i = bisect.bisect_right(self.starts[address.version], value) - 1
        while i >= 0 and rows[i].start >= value - self.widest[address.version]:
            entry = rows[i]
            if entry.end >= value and (
                best is None or entry.end - entry.start < best.end - best.start
            ):
                best = entry
            i -= 1
        if best is None or best.asn == 0:
            return UNKNOWN
        return best.asn, best.org, best.country


def _table_entry(raw: str) -> AsnEntry | None:
    line = raw.split("#", 1)[0].strip()
    if not line:
        return None
    parts = line.split(None, 2)
    network = ipaddress.ip_network(parts[0], strict=False)
    asn = int(parts[1].upper().removeprefix("AS"))
    return AsnEntry(
        int(network.network_address),
        int(network.broadcast_address),
        network.version,
        asn,
        parts[2] if len(parts) > 2 else "",
    )


def _tsv_entry(raw: str) -> AsnEntry | None:
    if not raw.strip():
        return None
    start, end, asn, country, org = (raw.split("\t") + [""])[:5]
    first, last = ipaddress.ip_address(start.strip()), ipaddress.ip_address(end.strip())
    if first.version != last.version or int(last) < int(first):
        raise ValueError("range ends before it starts")
    country = country.strip().upper()
    return AsnEntry(
        int(first),
        int(last),
        first.version,
        int(asn.strip().upper().removeprefix("AS")),
        org.strip(),
        "" if country in ("NONE", "") else country,
    )
