"""Block-page fingerprints: does a response or a DNS answer match a known censor's page?

A match is what OONI's fastpath calls "confirmed" blocking (reference section 4): stronger
evidence than a verdict computed from differences alone. The project keeps its own short list
of facts; OONI's full database (github.com/ooni/blocking-fingerprints) can be loaded in the same
shape with `load_csv` when a copy is at hand.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from drm_observatory.analysis.testkeys import TestKeys

# Scopes that confirm blocking whatever the probe's country (fastpath `is_confirmed`).
CONFIRMING_SCOPES = frozenset({"isp", "nat"})
# Known false-positive patterns and vague words are listed but never confirm on their own.
NEVER_CONFIRMING_SCOPES = frozenset({"fp", "vbw"})


@dataclass(frozen=True)
class Fingerprint:
    name: str
    scope: str  # nat, isp, prod, inst, vbw, fp
    location: str  # "body", "header.<lowercase name>" or "dns"
    pattern_type: str  # full, prefix, contains, regexp (regexp is matched as a substring)
    pattern: str
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FingerprintMatch:
    name: str
    scope: str
    confirmed: bool


# Source: github.com/ooni/blocking-fingerprints at commit 171641e60b54231cad18753a72145da87b0d3e07
# (fingerprints_http.csv, fingerprints_dns.csv), as listed in the project's reference
# ooni-web-connectivity.md section 6. Pakistan's pages are old HTTP/DNS redirects; none can
# match an SNI-blocked HTTPS request.
KNOWN = (
    Fingerprint(
        "cp.b_nat_pak_isp_common_blockpage",
        "nat",
        "body",
        "contains",
        "prohibited for viewership from within Pakistan",
    ),
    Fingerprint(
        "ooni.pk_1",
        "isp",
        "body",
        "contains",
        "http://119.73.65.87:8080/redirect.html?accessurl=",
        frozenset({"PK"}),
    ),
    Fingerprint(
        "ooni.pk_2",
        "isp",
        "body",
        "contains",
        "As per your subscription of Nayatel Safeweb service, the website you are trying to"
        " access is blocked for your viewing",
        frozenset({"PK"}),
    ),
    Fingerprint(
        "cp.c_isp_pk_witribe", "isp", "body", "contains", "redirect.wi-tribe.net.pk/alert/"
    ),
    Fingerprint(
        "cp.c_isp_pk_wateen_body", "isp", "body", "contains", "http://restrict.wateen.net/"
    ),
    Fingerprint("cp.c_isp_pk_wateen_2", "isp", "body", "contains", "restrictk.wateen.net"),
    Fingerprint(
        "cp.c_isp_pk_wateen_location",
        "isp",
        "header.location",
        "prefix",
        "http://restrict.wateen.net/",
    ),
    Fingerprint(
        "ooni.es_1",
        "inst",
        "header.server",
        "full",
        "V2R2C00-IAE/1.0",
        frozenset({"ES", "IT", "MX", "PK"}),
    ),
    # Nayatel's opt-in "Surf Safely" / "Safeweb" customer filters: not proof of state censorship.
    Fingerprint("ooni.pk_3", "isp", "dns", "full", "203.82.48.83", frozenset({"PK"})),
    Fingerprint("ooni.pk_4", "isp", "dns", "full", "203.82.48.86", frozenset({"PK"})),
    # Iran's national DNS injection to its block page (seen in bug_352 and ir_fp measurements).
    Fingerprint("ooni.ir_4", "nat", "dns", "full", "10.10.34.34", frozenset({"IR"})),
    Fingerprint("ooni.ir_5", "nat", "dns", "full", "10.10.34.35", frozenset({"IR"})),
    Fingerprint("ooni.ir_10dot10_ipv4_1", "nat", "dns", "full", "10.10.34.36", frozenset({"IR"})),
)


def load_csv(path: Path) -> list[Fingerprint]:
    """Read fingerprints in OONI's CSV layout (name, scope, location_found, pattern_type, ...)."""
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            countries = {c.strip() for c in (row.get("expected_countries") or "").split(",")}
            out.append(
                Fingerprint(
                    name=row["name"],
                    scope=row["scope"],
                    location=row["location_found"],
                    pattern_type=row["pattern_type"],
                    pattern=row["pattern"],
                    countries=frozenset(c for c in countries if c),
                )
            )
    return out


def _matches(fp: Fingerprint, value: str) -> bool:
    if fp.pattern_type == "full":
        return value == fp.pattern
    if fp.pattern_type == "prefix":
        return value.startswith(fp.pattern)
    return fp.pattern in value  # contains, and regexp rows treated as substrings like fastpath


def match(
    keys: TestKeys, probe_cc: str = "", fingerprints: tuple[Fingerprint, ...] | list = KNOWN
) -> list[FingerprintMatch]:
    """Every fingerprint found in the DNS answers or in any response of the redirect chain."""
    answers = {a for q in keys.queries for a in q.addrs}
    bodies = [r.body.decode("utf-8", "replace") for r in keys.requests if r.body]
    found: dict[str, FingerprintMatch] = {}
    for fp in fingerprints:
        if fp.name in found:
            continue
        if fp.location == "dns":
            hit = fp.pattern in answers
        elif fp.location == "body":
            hit = any(_matches(fp, body) for body in bodies)
        elif fp.location.startswith("header."):
            name = fp.location[len("header.") :].lower()
            hit = any(name in r.headers and _matches(fp, r.headers[name]) for r in keys.requests)
        else:
            hit = False
        if hit:
            confirmed = fp.scope in CONFIRMING_SCOPES or (
                fp.scope not in NEVER_CONFIRMING_SCOPES and probe_cc in fp.countries
            )
            found[fp.name] = FingerprintMatch(fp.name, fp.scope, confirmed)
    return list(found.values())
