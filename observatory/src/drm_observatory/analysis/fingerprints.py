"""Block-page fingerprints: does a response or a DNS answer match a known censor's page?

A match is what OONI's fastpath calls "confirmed" blocking (reference section 4): stronger
evidence than a verdict computed from differences alone. OONI's database
(github.com/ooni/blocking-fingerprints: about 1,700 HTTP and 230 DNS rows) is what every command
uses when the operator points at a copy (`--fingerprints PATH` or `DRM_FINGERPRINTS`); without
one, the project's own short list of facts (`KNOWN`) stands in.

Matching goes through an index, not a loop over rows: DNS and "full" patterns are dictionary
keys, and per location (body, each header) one Aho-Corasick automaton (a DFA, in Rust) finds
every "contains" and "prefix" pattern, and the literal anchor of each "regexp" pattern, in one
pass over the text. Two thousand fingerprints then cost about what one does.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick_rs

from drm_observatory.analysis.testkeys import TestKeys

# Where the operator's copy of OONI's database is, when no --fingerprints option says.
ENVIRONMENT = "DRM_FINGERPRINTS"
CSV_FILES = ("fingerprints_http.csv", "fingerprints_dns.csv")
PATTERN_TYPES = frozenset({"full", "prefix", "contains", "regexp"})

# Scopes that confirm blocking whatever the probe's country (fastpath `is_confirmed`).
CONFIRMING_SCOPES = frozenset({"isp", "nat"})
# Known false-positive patterns and vague words are listed but never confirm on their own.
NEVER_CONFIRMING_SCOPES = frozenset({"fp", "vbw"})


@dataclass(frozen=True)
class Fingerprint:
    name: str
    scope: str  # nat, isp, prod, inst, vbw, fp
    location: str  # "body", "header.<lowercase name>" or "dns"
    pattern_type: str  # full, prefix, contains, regexp
    pattern: str
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FingerprintMatch:
    name: str
    scope: str
    confirmed: bool
    location: str = "body"  # where it was found: "body", "header.<name>" or "dns"


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
    """Read fingerprints in OONI's CSV layout (name, scope, location_found, pattern_type, ...).

    A row that names no location or an unknown pattern type is a broken row: ValueError with
    the file and row, so a damaged copy is noticed instead of silently matching less.
    """
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for number, row in enumerate(csv.DictReader(fh), 2):
            location = (row.get("location_found") or "").strip().lower()
            kind = (row.get("pattern_type") or "").strip()
            valid_location = location in ("body", "dns") or location.startswith("header.")
            if not row.get("name") or not valid_location or kind not in PATTERN_TYPES:
                raise ValueError(
                    f"{path}:{number}: not a fingerprint row (name {row.get('name')!r}, "
                    f"location {location!r}, pattern type {kind!r})"
                )
            countries = {c.strip() for c in (row.get("expected_countries") or "").split(",")}
            out.append(
                Fingerprint(
                    name=row["name"],
                    scope=row["scope"],
                    location=location,
                    pattern_type=kind,
                    pattern=row["pattern"],
                    countries=frozenset(c for c in countries if c),
                )
            )
    return out


_QUANTIFIER = re.compile(r"\{\d*(,\d*)?\}")


def literal_anchor(pattern: str) -> str:
    """The longest run of plain characters that every match of a regular expression contains:
    the automaton looks for it. "" when the expression has alternatives: such a pattern is
    searched on every text (OONI's database has none today).
    """
    return max(literal_runs(pattern), key=len)


def literal_runs(pattern: str) -> list[str]:
    """The runs of plain characters that every match of a regular expression contains.

    Only text outside groups counts (a group may be optional). [""] when the expression has
    alternatives.
    """
    if "|" in pattern.replace("\\|", ""):
        return [""]
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt, i = pattern[i + 1], i + 2
            if nxt.isalnum():  # a class such as \d or \s, not a character
                runs.append(run)
                run = ""
            elif depth == 0:
                run += nxt
            continue
        if ch in "*?{":  # the character before is optional or repeated any number of times
            runs.append(run[:-1])
            run = ""
            quantifier = _QUANTIFIER.match(pattern, i)
            if quantifier:  # {m,n}: skip it whole
                i = quantifier.end() - 1
        elif ch in ".^$+)(":
            runs.append(run)
            run = ""
            depth += {"(": 1, ")": -1}.get(ch, 0)
        elif ch == "[":  # a character class: skip it whole
            runs.append(run)
            run = ""
            close = pattern.find("]", i + 2)
            i = len(pattern) if close < 0 else close
        elif depth == 0:
            run += ch
        i += 1
    runs.append(run)
    return runs


@dataclass(frozen=True)
class _Entry:
    fingerprint: Fingerprint
    regex: re.Pattern | None = None
    # A regexp's text is decoded and searched only when the automaton found every literal run
    # of 3+ bytes that its matches contain, and, when a match must hold a character beyond
    # ASCII, only in a text that is not plain ASCII (most pages are).
    required: frozenset[bytes] = frozenset()
    beyond_ascii: bool = False
    # Every match holds U+FFFD (which stands for bytes that are not UTF-8): a text without
    # one is not searched.
    replacement: bool = False


class _Location:
    """The fingerprints found in one place (the body, one header, DNS answers).

    Texts are searched as UTF-8 bytes: a body arrives as bytes, and the automaton runs over
    them without decoding. A regexp's longest literal run (its anchor) is the key that finds
    it; it runs only when the automaton found its other runs of 3+ bytes too.
    """

    def __init__(self, fps: list[Fingerprint]) -> None:
        self.full: dict[bytes, list[Fingerprint]] = defaultdict(list)
        searched: dict[bytes, list[_Entry]] = defaultdict(list)
        self.unanchored: list[_Entry] = []
        for fp in fps:
            if fp.pattern_type == "full":
                self.full[fp.pattern.encode()].append(fp)
            elif fp.pattern_type == "regexp":
                runs = literal_runs(fp.pattern)
                anchor = literal_anchor(fp.pattern)
                entry = _Entry(
                    fp,
                    re.compile(fp.pattern),
                    # U+FFFD in the text may stand for bytes that are not UTF-8: not looked for.
                    frozenset(
                        r.encode() for r in runs if len(r.encode()) >= 3 and "\ufffd" not in r
                    ),
                    not all(run.isascii() for run in runs),
                    any("\ufffd" in run for run in runs),
                )
                (searched[anchor.encode()] if len(anchor) >= 3 else self.unanchored).append(entry)
            elif fp.pattern:
                searched[fp.pattern.encode()].append(_Entry(fp))
        # The regexps' other runs are looked for too, as keys of their own after the
        # fingerprints' (which keep their numbers, and their matches' order).
        self.keys = list(searched)
        self.entries = [searched[k] for k in self.keys]
        for entry in [*(e for es in self.entries for e in es), *self.unanchored]:
            for run in sorted(entry.required - searched.keys()):
                searched[run] = []
                self.keys.append(run)
                self.entries.append([])
        self.automaton = (
            ahocorasick_rs.BytesAhoCorasick(
                self.keys, implementation=ahocorasick_rs.Implementation.DFA
            )
            if self.keys
            else None
        )

    def find(self, data: bytes, decoded: str | None = None) -> list[Fingerprint]:
        """The fingerprints in `data`; `decoded` is its text when the caller has it (valid
        UTF-8 only: then it is what decoding the bytes would give)."""
        found = list(self.full.get(data, ()))
        if self.automaton is None and not self.unanchored:
            return found  # DNS answers: OONI's are all "full"
        text = decoded  # else decoded only for a regexp that may match
        regex_seen: set[str] = set()
        ascii_only: bool | None = None

        def search(entry: _Entry) -> bool:
            nonlocal text, ascii_only
            if entry.beyond_ascii:
                ascii_only = data.isascii() if ascii_only is None else ascii_only
                if ascii_only:
                    return False
            text = text if text is not None else data.decode("utf-8", "replace")
            if entry.replacement and "\ufffd" not in text:
                return False  # one character is found far faster than a regexp is run
            return entry.regex.search(text) is not None  # type: ignore[union-attr]

        matches = (
            self.automaton.find_matches_as_indexes(data, overlapping=True)
            if self.automaton is not None
            else []
        )
        keys_found = {self.keys[index] for index, _start, _end in matches}
        for index, start, _end in matches:
            for entry in self.entries[index]:
                fp = entry.fingerprint
                if fp.pattern_type == "contains" or (fp.pattern_type == "prefix" and not start):
                    found.append(fp)
                elif entry.regex is not None and fp.name not in regex_seen:
                    regex_seen.add(fp.name)
                    if entry.required <= keys_found and search(entry):
                        found.append(fp)
        for entry in self.unanchored:
            if entry.required <= keys_found and search(entry):
                found.append(entry.fingerprint)
        return found


class FingerprintIndex:
    """A fingerprint database, indexed by where each fingerprint is found.

    `source` says where it came from, for the record of a verdict ("OONI database at ...").
    """

    def __init__(self, fingerprints: Iterable[Fingerprint], source: str) -> None:
        self.fingerprints = tuple(fingerprints)
        self.source = source
        by_location: dict[str, list[Fingerprint]] = defaultdict(list)
        for fp in self.fingerprints:
            by_location[fp.location].append(fp)
        self.dns = _Location(by_location.pop("dns", []))
        self.body = _Location(by_location.pop("body", []))
        self.headers = {loc[len("header.") :]: _Location(fps) for loc, fps in by_location.items()}

    def __len__(self) -> int:
        return len(self.fingerprints)

    def describe(self) -> str:
        return f"{len(self)} block-page fingerprints ({self.source})"

    def match(self, keys: TestKeys, probe_cc: str = "") -> list[FingerprintMatch]:
        """Every fingerprint found in the DNS answers or in any response of the redirect chain."""
        hits: dict[str, Fingerprint] = {}
        for q in keys.queries:
            for addr in q.addrs:
                for fp in self.dns.find(addr.encode("utf-8", "surrogatepass")):
                    hits.setdefault(fp.name, fp)
        for r in keys.requests:
            if r.body:
                for fp in self.body.find(r.body, r.body_text):
                    hits.setdefault(fp.name, fp)
            for name, location in self.headers.items():
                value = r.headers.get(name)
                if value is not None:
                    for fp in location.find(value.encode("utf-8", "surrogatepass")):
                        hits.setdefault(fp.name, fp)
        return [
            FingerprintMatch(fp.name, fp.scope, _confirms(fp, probe_cc), fp.location)
            for fp in hits.values()
        ]


def _confirms(fp: Fingerprint, probe_cc: str) -> bool:
    return fp.scope in CONFIRMING_SCOPES or (
        fp.scope not in NEVER_CONFIRMING_SCOPES and probe_cc in fp.countries
    )


def load(path: str | Path) -> FingerprintIndex:
    """OONI's database from a checkout (the folder with both CSV files) or from one CSV file.

    Raises ValueError naming the path when it holds no fingerprints or a broken row.
    """
    path = Path(path)
    files = [path / name for name in CSV_FILES] if path.is_dir() else [path]
    found = [f for f in files if f.is_file()]
    if not found:
        raise ValueError(f"no fingerprint database at {path}: expected {' and '.join(CSV_FILES)}")
    rows = [fp for f in found for fp in load_csv(f)]
    if not rows:
        raise ValueError(f"{path}: the fingerprint database is empty")
    return FingerprintIndex(rows, f"OONI database at {path}")


BUILT_IN = FingerprintIndex(KNOWN, "the built-in list; point DRM_FINGERPRINTS at OONI's database")


@cache
def _from_environment(value: str) -> FingerprintIndex:
    return load(value)


def default() -> FingerprintIndex:
    """The database every command uses unless told otherwise: $DRM_FINGERPRINTS, else `KNOWN`.

    Loaded once per process (per value of the variable).
    """
    value = os.environ.get(ENVIRONMENT, "").strip()
    return _from_environment(value) if value else BUILT_IN
