"""Probe-versus-control comparison keys of Web Connectivity (spec ts-017, probe-cli v0.4 analysis).

OONI probes store these keys in test_keys; our own probe and partial measurements may not, so the
verdict computes them here. Definitions follow probe-cli `internal/experiment/webconnectivity`
(dnsanalysis.go, httpanalysis.go) as summarised in ../shared/reference/ooni-web-connectivity.md 3.1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from drm_observatory.analysis.testkeys import (
    HTTPControl,
    HTTPExchange,
    TestKeys,
    is_ip_literal,
)

# Header names too common to say anything about which server answered (probe-cli httpanalysis.go).
COMMON_HEADERS = frozenset(
    {
        "date",
        "content-type",
        "server",
        "cache-control",
        "vary",
        "set-cookie",
        "location",
        "expires",
        "x-powered-by",
        "content-encoding",
        "last-modified",
        "accept-ranges",
        "pragma",
        "x-frame-options",
        "etag",
        "x-content-type-options",
        "age",
        "via",
        "p3p",
        "x-xss-protection",
        "content-language",
        "cf-ray",
        "strict-transport-security",
        "link",
        "x-varnish",
    }
)
BODY_PROPORTION_FACTOR = 0.7
TITLE_MIN_WORD = 5
_TITLE = re.compile(rb"(?i)<title>([^<]{1,512})</title>")

# The keys a probe derives by comparing itself with the control (not raw observations), in the
# order OONI's engines write them.
NXDOMAIN_FAILURES = ("dns_nxdomain_error", "android_dns_cache_no_data")


@dataclass(kw_only=True)
class ComparisonKeys:
    """The keys OONI stores beside its verdict: how the probe's DNS and page compare with the
    control's. A comparison computes them and a verdict reports them, so both inherit them."""

    dns_consistency: str | None = None
    body_length_match: bool | None = None
    body_proportion: float | None = None
    status_code_match: bool | None = None
    headers_match: bool | None = None
    title_match: bool | None = None


# Their names in OONI's order, which is the order our probe writes them in test_keys.
COMPARISON_KEYS = tuple(key.name for key in fields(ComparisonKeys))


@dataclass(kw_only=True)
class Comparison(ComparisonKeys):
    computed: tuple[str, ...] = ()  # the keys computed here rather than carried by the probe


def page_title(body: bytes | None) -> str:
    if not body:
        return ""
    found = _TITLE.search(body)
    return found.group(1).decode("utf-8", "replace") if found else ""


def system_queries(keys: TestKeys):
    """DNS lookups through the system resolver: the only ones the classic verdict considers."""
    return [
        q
        for q in keys.queries
        if q.engine in ("system", "getaddrinfo", "android_dns_cache_no_data", "")
        or q.engine.startswith("system")
    ]


def dns_experiment_failure(keys: TestKeys) -> str | None:
    for q in system_queries(keys):
        if keys.is_input_host(q.hostname) and q.failure:
            if q.query_type == "AAAA" and q.failure == "dns_no_answer":
                continue
            return q.failure
    return None


def dns_consistency(keys: TestKeys) -> str | None:
    """consistent / inconsistent / None (no control DNS to compare with)."""
    if is_ip_literal(keys.hostname):
        return "consistent"
    ctrl = keys.control
    if ctrl is None or not ctrl.has_dns:
        return None
    queries = [q for q in system_queries(keys) if keys.is_input_host(q.hostname)]
    failure = dns_experiment_failure(keys)
    if failure and ctrl.dns_failure:
        # Both failed: consistent only when both say the name does not exist.
        if ctrl.dns_failure == "dns_name_error" and failure in NXDOMAIN_FAILURES:
            return "consistent"
        return "inconsistent"
    probe_asns = {asn for q in queries for asn in q.asns.values() if asn}
    if probe_asns & ctrl.dns_asns:
        return "consistent"
    probe_addrs = {a for q in queries for a in q.addrs}
    if probe_addrs & set(ctrl.dns_addrs):
        return "consistent"
    return "inconsistent"


def final_response(keys: TestKeys) -> HTTPExchange | None:
    """v0.4: requests[] is in reverse order, requests[0] is the last response of the chain."""
    return keys.requests[0] if keys.requests else None


def _usable(resp: HTTPExchange | None, ctrl: HTTPControl | None) -> bool:
    return resp is not None and ctrl is not None and resp.status_code > 0 and ctrl.status_code > 0


def body_length_check(
    resp: HTTPExchange | None, ctrl: HTTPControl | None
) -> tuple[bool | None, float | None]:
    if ctrl is None or ctrl.body_length <= 0 or resp is None or resp.body_truncated:
        return None, None
    length = len(resp.body or b"")
    if length <= 0:
        return None, None
    proportion = min(length, ctrl.body_length) / max(length, ctrl.body_length)
    return proportion > BODY_PROPORTION_FACTOR, proportion


def status_code_match(resp: HTTPExchange | None, ctrl: HTTPControl | None) -> bool | None:
    if not _usable(resp, ctrl):
        return None
    if ctrl.status_code == resp.status_code:
        return True
    if ctrl.status_code // 100 == 5:
        return None  # a failing control says nothing about the probe's page
    return False


def headers_match(resp: HTTPExchange | None, ctrl: HTTPControl | None) -> bool | None:
    if not _usable(resp, ctrl):
        return None
    ours, theirs = set(resp.headers), set(ctrl.headers)
    if ours == theirs:
        return True
    return bool((ours - COMMON_HEADERS) & (theirs - COMMON_HEADERS))


def title_match(
    resp: HTTPExchange | None, ctrl: HTTPControl | None, *, lte: bool = False
) -> bool | None:
    """No 5+ character word of one title is missing from the other.

    v0.4 gives no answer when the probe's page has no title or was truncated; LTE compares
    whatever titles there are (two empty titles match).
    """
    if not _usable(resp, ctrl):
        return None
    ours = page_title(resp.body)
    if not lte and (resp.body_truncated or not ours):
        return None
    mine = {w.lower() for w in ours.split(" ") if _utf8_len(w) >= TITLE_MIN_WORD}
    other = {w.lower() for w in ctrl.title.split(" ") if _utf8_len(w) >= TITLE_MIN_WORD}
    return mine == other


def _utf8_len(word: str) -> int:
    """Word length in bytes, as OONI's Go code counts it (lone surrogates count too)."""
    return len(word.encode("utf-8", "surrogatepass"))


def compare(
    keys: TestKeys, response: HTTPExchange | None = None, *, lte: bool = False
) -> Comparison:
    """The comparison keys: the measurement's own where it carries them, else computed here.

    `response` is the final response to compare with the control (v0.4: requests[0]; LTE: the
    final response the classic walk found, None when there is none).
    """
    out = Comparison()
    computed: list[str] = []
    carried = keys.carried
    no_control = bool(keys.control_failure) or keys.control is None
    ctrl = None if no_control else keys.control.http
    if ctrl is not None and ctrl.failure:
        ctrl = None
    resp = response if lte else final_response(keys)
    if resp is not None and resp.failure:
        resp = None
    values = {
        "dns_consistency": lambda: None if keys.control_failure else dns_consistency(keys),
        "status_code_match": lambda: status_code_match(resp, ctrl),
        "headers_match": lambda: headers_match(resp, ctrl),
        "title_match": lambda: title_match(resp, ctrl, lte=lte),
    }
    for name, compute in values.items():
        value = carried.get(name)
        expected = str if name == "dns_consistency" else bool
        if name in carried and (value is None or isinstance(value, expected)):
            setattr(out, name, value)
        else:
            setattr(out, name, compute())
            computed.append(name)
    value = carried.get("body_length_match")
    if "body_length_match" in carried and (value is None or isinstance(value, bool)):
        out.body_length_match = value
        proportion = carried.get("body_proportion")
        if isinstance(proportion, (int, float)) and not isinstance(proportion, bool):
            out.body_proportion = float(proportion)
    else:
        out.body_length_match, out.body_proportion = body_length_check(resp, ctrl)
        computed.append("body_length_match")
    if out.dns_consistency not in (None, "consistent", "inconsistent"):
        out.dns_consistency = dns_consistency(keys)
        computed.append("dns_consistency")
    out.computed = tuple(computed)
    return out
