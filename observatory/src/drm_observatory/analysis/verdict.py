"""OONI's published Web Connectivity verdict rules, re-implemented as pure functions.

`decide(measurement)` returns OONI's `blocking` / `accessible` pair plus the rule that fired and
the evidence it looked at, so a journalist can read why a site was called blocked. A measurement
is judged by the rules of the engine that wrote it (`_engine`):

- Go v0.1-v0.4: the ordered checks of probe-cli `webconnectivity/summary.go`;
- v0.5 ("LTE"): the "classic" engine of `webconnectivitylte/analysisclassic.go`, which walks
  per-endpoint observations deepest redirect first, HTTP before TLS before TCP before DNS;
- Measurement Kit and the Python ooniprobe (2016-2020): their shared decision chain;
- our own probe: the classic LTE rules, minus one quirk (see `_v05`).

The rules are summarised in ../shared/reference/ooni-web-connectivity.md section 3; rule numbers
in explanations follow that document. Block-page fingerprints and our own throttling keys
(`test_keys.x_drm.throttling`) annotate the verdict without changing OONI's pair.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from drm_observatory.analysis import fingerprints
from drm_observatory.analysis.comparison import (
    COMPARISON_KEYS,
    NXDOMAIN_FAILURES,
    Comparison,
    ComparisonKeys,
    compare,
    dns_experiment_failure,
    system_queries,
)
from drm_observatory.analysis.testkeys import (
    HTTPExchange,
    TestKeys,
    is_bogon,
    is_ip_literal,
    is_loopback,
    parse,
)

Blocking = bool | str | None
# OONI's pair, the rule that gave it and why: what each engine's rules return.
Judgement = tuple[Blocking, bool | None, str, str]

HTTP_FAILURE_MAP = {
    "connection_refused": "http-failure",
    "connection_reset": "http-failure",
    "dns_nxdomain_error": "dns",
    "eof_error": "http-failure",
    "generic_timeout_error": "http-failure",
    "ssl_invalid_hostname": "http-failure",
    "ssl_invalid_certificate": "http-failure",
    "ssl_unknown_authority": "http-failure",
}


@dataclass
class Verdict(ComparisonKeys):
    """OONI's verdict pair, the rule that produced it and the evidence (the comparison keys it
    inherits, block-page matches, throttling)."""

    blocking: Blocking
    accessible: bool | None
    explanation: str
    rule: str
    engine: str = ""
    blockpages: list[fingerprints.FingerprintMatch] = field(default_factory=list)
    throttled: bool | None = None
    malformed: list[str] = field(default_factory=list)
    # Our own pair: OONI's, except where evidence OONI's rules do not read says more (`_beyond`).
    our_blocking: Blocking = None
    our_accessible: bool | None = None
    our_rule: str = ""  # "" when ours is OONI's; else why ours differs ("drm/blockpage", ...)
    beyond_ooni: str = ""  # the evidence for our different pair, in words

    @property
    def confirmed(self) -> bool:
        return any(m.confirmed for m in self.blockpages)


def _fmt(values, limit: int = 6) -> str:
    shown = sorted(str(v) for v in values)
    more = f", ... {len(shown) - limit} more" if len(shown) > limit else ""
    return "{" + ", ".join(shown[:limit]) + more + "}"


def _version(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.split(".")[:3])
    except ValueError:
        return ()


def _engine(keys: TestKeys) -> str:
    """Which rule set produced this measurement's own verdict.

    'v0.5' for Web Connectivity LTE; 'drmonitor' for our own probe, judged by the same classic
    LTE rules (unlike v0.4 they tell a site that is down from one that is blocked) except for
    OONI's rule 5.1.1 quirk; 'mk' for Measurement Kit (test_version 0.0.1, the C++ engine of
    the 2016-2020 mobile apps); 'python' for the Python ooniprobe 2.x; 'v0.4' for the Go engine
    (test_version 0.1.0 onwards) and anything unknown.
    """
    if keys.software.startswith("drmonitor"):
        return "drmonitor"
    if _version(keys.test_version) >= (0, 5):
        return "v0.5"
    if keys.test_version == "0.0.1" or keys.engine_name == "libmeasurement_kit":
        return "mk"
    name, _, sw_version = keys.software.partition("/")
    if name == "ooniprobe" and (_version(sw_version) or (9,)) < (3,):
        return "python"
    return "v0.4"


# --- v0.4: summary.go ----------------------------------------------------------------------


def _dns_evidence(keys: TestKeys) -> str:
    """What the probe's resolver said next to what the control's said."""
    queries = [q for q in system_queries(keys) if keys.is_input_host(q.hostname)]
    addrs = {a for q in queries for a in q.addrs}
    asns = {asn for q in queries for asn in q.asns.values() if asn}
    ctrl = keys.control
    failure = dns_experiment_failure(keys) or keys.carried.get("dns_experiment_failure")
    if ctrl is None or not ctrl.has_dns:
        control = "there is no control DNS result"
    elif ctrl.dns_failure:
        control = f"the control's lookup failed with {ctrl.dns_failure}"
    elif not ctrl.dns_addrs:
        control = "the control resolved no address"
    else:
        control = f"the control resolved {_fmt(ctrl.dns_addrs)}"
        if ctrl.dns_asns:
            control += f" (AS{', AS'.join(str(a) for a in sorted(ctrl.dns_asns))})"
    if isinstance(failure, str) and failure:
        return f"probe DNS failed with {failure} while {control}"
    if not addrs:
        return f"probe DNS gave no address; {control}"
    mine = _fmt(addrs) + (f" (AS{', AS'.join(str(a) for a in sorted(asns))})" if asns else "")
    if ctrl is not None and ctrl.dns_addrs and not ctrl.dns_failure:
        return f"probe DNS answers {mine} share no address or ASN with the control's; {control}"
    return f"probe DNS answers {mine}; {control}"


def _http_evidence(c: Comparison, resp: HTTPExchange | None, keys: TestKeys) -> str:
    ctrl = keys.control.http if keys.control else None
    parts = []
    if resp is not None:
        parts.append(f"probe got HTTP {resp.status_code} ({len(resp.body or b'')} bytes)")
    if ctrl is not None:
        parts.append(f"control got HTTP {ctrl.status_code} ({ctrl.body_length} bytes)")
    parts.append(
        f"status_code_match={c.status_code_match}, body_length_match={c.body_length_match}, "
        f"headers_match={c.headers_match}, title_match={c.title_match}"
    )
    return "; ".join(parts)


def _v04(keys: TestKeys, c: Comparison) -> tuple[Blocking, bool | None, str, str]:
    """(blocking, accessible, rule, explanation) by summary.go, first matching check wins."""
    first = keys.requests[0] if keys.requests else None
    dns_failure = _dns_failure(keys)
    consistency = f"dns_consistency={c.dns_consistency}"

    if first and first.failure is None and first.url.startswith("https://"):
        return False, True, "v0.4/1", f"final request to {first.url} succeeded over HTTPS"
    if keys.control_failure:
        return None, None, "v0.4/2", f"control unreachable ({keys.control_failure})"
    if dns_failure in NXDOMAIN_FAILURES and c.dns_consistency == "consistent":
        return (
            False,
            True,
            "v0.4/3",
            f"probe DNS failed with {dns_failure} and so did the control: the name does not "
            f"exist ({consistency}; OONI marks this accessible)",
        )
    if c.dns_consistency == "inconsistent":
        return "dns", False, "v0.4/4", f"{_dns_evidence(keys)}; {consistency}"
    attempts = len(keys.tcp_connect)
    successes = sum(1 for t in keys.tcp_connect if t.success)
    if attempts and not successes and c.dns_consistency == "consistent":
        failures = _fmt({f"{t.ip}:{t.port} {t.failure}" for t in keys.tcp_connect})
        return (
            "tcp_ip",
            False,
            "v0.4/5",
            f"every TCP connect failed ({failures}) although DNS is consistent",
        )
    ctrl_http = keys.control.http if keys.control else None
    if ctrl_http is not None and ctrl_http.failure:
        return (
            None,
            None,
            "v0.4/6",
            f"the control's HTTP request failed too ({ctrl_http.failure}): nothing to compare",
        )
    if first is None:
        return None, None, "v0.4/6", "no HTTP request was made: nothing to compare"
    if first.failure:
        mapped = HTTP_FAILURE_MAP.get(first.failure)
        if mapped is None:
            return (
                None,
                None,
                "v0.4/7",
                f"HTTP request to {first.url} failed with {first.failure}, "
                "a failure OONI does not classify",
            )
        return (
            mapped,
            False,
            "v0.4/7",
            f"HTTP request to {first.url} failed with {first.failure} while the control "
            f"fetched the page; {consistency}",
        )
    if c.status_code_match and (c.body_length_match or c.headers_match or c.title_match):
        return False, True, "v0.4/8", f"page matches the control: {_http_evidence(c, first, keys)}"
    return (
        "http-diff",
        False,
        "v0.4/8",
        f"page differs from the control: {_http_evidence(c, first, keys)}",
    )


# --- before Go: Measurement Kit and the Python ooniprobe ----------------------------------


def _legacy(keys: TestKeys, c: Comparison, flavour: str):
    """MK `compare_control_experiment` and Python ooniprobe `determine_blocking` (2016-2020).

    Both walk the same chain; they differ in what "accessible" means: MK calls a measurement
    accessible whenever no blocking reason was found, Python only when no step failed.
    """
    if keys.control_failure:
        if flavour == "mk":
            return None, None, "mk/control", f"control unreachable ({keys.control_failure})"
        ok = not _first_word(_http_failure(keys)) and not _dns_failure(keys)
        why = f"control unreachable ({keys.control_failure}); blocking left undetermined"
        return None, bool(ok), "python/control", why
    exp_failure = _first_word(_http_failure(keys))
    ctrl_http = keys.control.http if keys.control else None
    ctrl_failure = _first_word(ctrl_http.failure if ctrl_http else None)
    got_page: bool | None = False if flavour == "mk" else None
    if not exp_failure and not ctrl_failure:
        status_ok = (
            c.status_code_match is True if flavour == "mk" else c.status_code_match is not False
        )
        got_page = bool(c.body_length_match or c.headers_match or c.title_match) and status_ok
    tcp_ok = True
    ctrl_tcp = keys.control.tcp if keys.control else {}
    for t in keys.tcp_connect:
        ep = _endpoint(t.ip, t.port)
        if ep in ctrl_tcp and ctrl_tcp[ep] is None and not t.success:
            tcp_ok = False
    consistent = c.dns_consistency == "consistent"
    facts = (
        f"dns_consistency={c.dns_consistency}, tcp_ok={tcp_ok}, http failure={exp_failure or None}"
        f", control http failure={ctrl_failure or None}, got expected page={got_page}"
    )
    blocking: Blocking = None
    rule = "none"
    if consistent and not tcp_ok and exp_failure:
        blocking, rule = "tcp_ip", "1"
    elif consistent and tcp_ok and got_page is False and not exp_failure and not ctrl_failure:
        blocking, rule = "http-diff", "2"
    elif consistent and tcp_ok and exp_failure and not ctrl_failure:
        blocking = "dns" if exp_failure == "dns_lookup_error" else "http-failure"
        rule = "3"
    elif c.dns_consistency == "inconsistent" and (
        got_page is False or (flavour == "python" and exp_failure)
    ):
        blocking, rule = "dns", "4"
    why = f"{_LEGACY_RULES[rule]} ({facts})"
    if flavour == "mk":
        if blocking is None:
            return False, True, f"mk/{rule}", why
        return blocking, False, f"mk/{rule}", why
    if blocking is None:
        blocking = False
    accessible = not exp_failure and not _dns_failure(keys) and blocking is False
    if blocking is False and not accessible:
        why += "; a step failed, so the Python probe did not call it accessible"
    return blocking, accessible, f"python/{rule}", why


_LEGACY_RULES = {
    "1": "a TCP connect failed where the control connected, and the HTTP request failed",
    "2": "the page differs from the control's",
    "3": "the HTTP request failed while the control's succeeded",
    "4": "DNS is inconsistent and the expected page was not fetched",
    "none": "no blocking reason found",
}


def _first_word(failure: str | None) -> str:
    return failure.split(" ")[0] if failure else ""


def _http_failure(keys: TestKeys) -> str | None:
    carried = keys.carried.get("http_experiment_failure")
    if isinstance(carried, str):
        return carried
    return keys.requests[0].failure if keys.requests else None


def _dns_failure(keys: TestKeys) -> str | None:
    carried = keys.carried.get("dns_experiment_failure")
    if isinstance(carried, str):
        return carried
    return dns_experiment_failure(keys)


# --- v0.5: analysisclassic.go --------------------------------------------------------------


class Layer(IntEnum):
    """How far one connection (or lookup) got. The classic walk judges the highest layer first
    (HTTP before TLS before TCP before DNS), so the values' order is the order of the rules."""

    DNS = 0
    TCP = 1
    TLS = 2
    HTTP = 3

    @property
    def step(self) -> str:
        """The step as an explanation names it ("TLS handshake 1.2.3.4:443 failed ...")."""
        return _STEPS[self]


_STEPS = {
    Layer.DNS: "DNS lookup",
    Layer.TCP: "TCP connect",
    Layer.TLS: "TLS handshake",
    Layer.HTTP: "HTTP",
}


@dataclass
class _Obs:
    """One observation of the classic pipeline: a failed lookup, or one endpoint's last step."""

    layer: Layer
    depth: int
    failure: str  # "" = success
    endpoint: str = ""
    domain: str = ""
    ctrl_dns_failure: str | None = None  # None = no control information
    ctrl_tcp_failure: str | None = None
    ctrl_tls_failure: str | None = None
    ctrl_http_failure: str | None = None
    tls_failure: str | None = None
    response: HTTPExchange | None = None
    ctrl_dns_addrs: int = 0


def _endpoint(ip: str, port: int) -> str:
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


def _control_for(o: _Obs, keys: TestKeys, server_name: str | None) -> None:
    ctrl = keys.control
    if ctrl is None:
        return
    if o.endpoint in ctrl.tcp:
        o.ctrl_tcp_failure = ctrl.tcp[o.endpoint] or ""
    if server_name is not None and o.endpoint in ctrl.tls:
        name, failure = ctrl.tls[o.endpoint]
        if name == server_name:
            o.ctrl_tls_failure = failure or ""
    if ctrl.http is not None:
        o.ctrl_http_failure = ctrl.http.failure or ""


def _dns_failure_observations(keys: TestKeys, resolver_queries) -> list[_Obs]:
    ctrl = keys.control
    out = []
    for q in resolver_queries:
        if not q.failure:
            continue
        o = _Obs(Layer.DNS, q.depth or 0, q.failure, domain=q.hostname or keys.hostname)
        if ctrl is not None and ctrl.has_dns and keys.is_input_host(o.domain):
            o.ctrl_dns_failure = ctrl.dns_failure or ""
            o.ctrl_dns_addrs = len(ctrl.dns_addrs)
        if ctrl is not None and ctrl.http is not None:
            o.ctrl_http_failure = ctrl.http.failure or ""
        out.append(o)
    return out


def _classic_observations(keys: TestKeys) -> list[_Obs]:
    """The observations of the classic filter, in the order the rules walk them.

    LTE measurements link TCP, TLS and HTTP events of one connection by transaction_id and
    mark the connection that fetched the page with a fetch_body tag. Our own probe writes
    v0.4-shaped test_keys without them; `_untagged_observations` rebuilds the same walk.
    """
    getaddrinfo = [q for q in keys.queries if q.engine in ("getaddrinfo", "system")]
    if not any(t.transaction_id is not None for t in keys.tcp_connect):
        return _untagged_observations(keys, getaddrinfo)
    known_ips = {a for q in getaddrinfo if not q.failure for a in q.addrs}
    obs = _dns_failure_observations(keys, getaddrinfo)
    tls_by_tx = {t.transaction_id: t for t in keys.tls_handshakes if t.transaction_id is not None}
    http_by_tx = {r.transaction_id: r for r in keys.requests if r.transaction_id is not None}
    for t in keys.tcp_connect:
        if t.ip not in known_ips or not t.fetch_body:
            continue
        o = _Obs(Layer.TCP, t.depth or 0, t.failure or "", endpoint=_endpoint(t.ip, t.port))
        tls = tls_by_tx.get(t.transaction_id)
        if tls is not None:
            o.layer, o.failure, o.tls_failure = Layer.TLS, tls.failure or "", tls.failure or ""
        http = http_by_tx.get(t.transaction_id)
        if http is not None:
            o.layer, o.failure, o.response = Layer.HTTP, http.failure or "", http
        _control_for(o, keys, tls.server_name if tls is not None else None)
        obs.append(o)
    # Deepest redirect first; HTTP, TLS, TCP, DNS; successes before failures.
    obs.sort(key=lambda o: (-o.depth, -o.layer, o.failure))
    return obs


def _untagged_observations(keys: TestKeys, getaddrinfo) -> list[_Obs]:
    """v0.4-shaped test_keys: one observation per endpoint plus one for the final request.

    Without transaction ids a failed request cannot be tied to the connection that failed,
    so a failed request is judged after the TLS, TCP and DNS failures that may explain it;
    a successful final response still comes first, as in LTE.
    """
    tls_by_ep = {t.address: t for t in keys.tls_handshakes}
    endpoints: list[_Obs] = []
    for t in keys.tcp_connect:
        o = _Obs(Layer.TCP, 0, t.failure or "", endpoint=_endpoint(t.ip, t.port))
        tls = tls_by_ep.get(o.endpoint)
        if tls is not None and not t.failure:
            o.layer, o.failure, o.tls_failure = Layer.TLS, tls.failure or "", tls.failure or ""
        _control_for(o, keys, tls.server_name if tls is not None else None)
        endpoints.append(o)
    endpoints.sort(key=lambda o: (-o.layer, o.failure))
    final: _Obs | None = None
    if keys.requests:
        resp = keys.requests[0]
        final = _Obs(Layer.HTTP, 0, resp.failure or "", endpoint=resp.url, response=resp)
        if resp.url.startswith("https://") and not resp.failure:
            final.tls_failure = ""
        if keys.control is not None and keys.control.http is not None:
            final.ctrl_http_failure = keys.control.http.failure or ""
    dns = _dns_failure_observations(keys, getaddrinfo)
    if final is not None and not final.failure:
        return [final, *endpoints, *dns]
    return [*endpoints, *dns, *([final] if final is not None else [])]


def _is_final(resp: HTTPExchange | None) -> bool:
    return resp is not None and resp.status_code // 100 in (2, 4, 5)


def _v05_dns_consistency(keys: TestKeys) -> str | None:
    """analysisclassic.go: compare the system resolver's answers with the control's."""
    ctrl = keys.control
    if ctrl is None or not ctrl.has_dns:
        return None
    queries = [
        q
        for q in keys.queries
        if q.engine in ("getaddrinfo", "system") and keys.is_input_host(q.hostname)
    ]
    unexpected = expected = valid = invalid = successes = 0
    for q in queries:
        if q.failure:
            if q.query_type == "AAAA" and q.failure == "dns_no_answer":
                continue
            if ctrl.dns_failure or (q.failure == "dns_no_answer" and not ctrl.dns_addrs):
                expected += 1
            else:
                unexpected += 1
            continue
        for addr in q.addrs:
            successes += 1
            if not ctrl.dns_failure and ctrl.dns_addrs:
                asn = q.asns.get(addr, 0)
                if addr in ctrl.dns_addrs or (asn and asn in ctrl.dns_asns):
                    valid += 1
                else:
                    invalid += 1
    if not unexpected and not invalid and (valid or expected):
        return "consistent"
    if invalid or unexpected or (successes and (ctrl.dns_failure or not ctrl.dns_addrs)):
        return "inconsistent"
    return None


def _v05(
    keys: TestKeys, c: Comparison, observations: list[_Obs], *, ours: bool = False
) -> tuple[Blocking, bool | None, str, str]:
    """The classic walk. `ours`: our probe's measurement, judged without OONI's 5.1.1 quirk."""
    inconsistent = c.dns_consistency == "inconsistent"

    def blame_dns(rule: str, why: str):
        note = f"; DNS is inconsistent ({_dns_evidence(keys)}), so OONI blames DNS"
        return "dns", False, rule + "+dns", why + note

    def string(value: str, rule: str, why: str):
        if inconsistent:
            return blame_dns(rule, why)
        return value, False, rule, why

    def null(rule: str, why: str):
        if inconsistent:
            return blame_dns(rule, why)
        return None, None, rule, why

    def down(rule: str, why: str):
        if inconsistent:
            return blame_dns(rule, why)
        return False, False, rule, why + ": the website is down for the control too"

    for o in observations:
        where = f"{o.layer.step} {o.endpoint or o.domain} (redirect depth {o.depth})"
        if o.layer == Layer.HTTP and not o.failure and _is_final(o.response):
            resp = o.response
            if o.tls_failure == "":
                return False, True, "v0.5/1.1", f"{where}: HTTP {resp.status_code} over TLS"
            if o.ctrl_http_failure is None:
                return null("v0.5/1.2", f"{where}: HTTP {resp.status_code} but no HTTP control")
            if not _http_diff(c):
                evidence = _http_evidence(c, resp, keys)
                return False, True, "v0.5/1.3", f"{where}: page matches the control: {evidence}"
            evidence = _http_evidence(c, resp, keys)
            return string("http-diff", "v0.5/1.4", f"{where}: page differs: {evidence}")
        if not o.failure:
            continue
        seen = f"{where} failed with {o.failure}"
        if o.layer == Layer.HTTP:
            if o.ctrl_http_failure is None:
                return null("v0.5/2.1", f"{seen}; no HTTP control")
            if o.ctrl_http_failure:
                return down("v0.5/2.2", f"{seen}; control HTTP failed with {o.ctrl_http_failure}")
            return string("http-failure", "v0.5/2.3", f"{seen}; the control fetched the page")
        if o.layer in (Layer.TLS, Layer.TCP):
            tls = o.layer == Layer.TLS
            ctrl_failure = o.ctrl_tls_failure if tls else o.ctrl_tcp_failure
            rule = "v0.5/3" if tls else "v0.5/4"
            if ctrl_failure is None:
                if o.ctrl_http_failure is None:
                    return null(f"{rule}.1", f"{seen}; no control for it and no HTTP control")
                return string(
                    "http-failure",
                    f"{rule}.1",
                    f"{seen}; no control for this endpoint, but the control fetched the page",
                )
            if ctrl_failure:
                return down(f"{rule}.2", f"{seen}; the control failed with {ctrl_failure}")
            blocking = "http-failure" if tls else "tcp_ip"
            return string(blocking, f"{rule}.3", f"{seen}; the control succeeded")
        if o.layer == Layer.DNS:
            if o.ctrl_dns_failure is None:
                if o.ctrl_http_failure is None and ours:
                    return null(
                        "v0.5/5.1.1",
                        f"{seen}; no control to tell a blocked name from a dead one (OONI would "
                        "say accessible here, rule 5.1.1; we do not)",
                    )
                if o.ctrl_http_failure is None:
                    return (
                        False,
                        True,
                        "v0.5/5.1.1",
                        f"{seen}; no control at all (OONI's rule 5.1.1 quirk: accessible)",
                    )
                return string("dns", "v0.5/5.1", f"{seen}; no DNS control for this name")
            if o.ctrl_dns_failure or (o.failure == "dns_no_answer" and o.ctrl_dns_addrs == 0):
                why = o.ctrl_dns_failure or "no addresses"
                return down("v0.5/5.2", f"{seen}; the control's lookup gave {why}")
            return string("dns", "v0.5/5.3", f"{seen}; the control resolved the name")
    # Nothing was connected to: look at the addresses themselves (rule 6).
    addrs = {a for q in keys.queries if q.engine in ("getaddrinfo", "system") for a in q.addrs}
    ctrl_addrs = set(keys.control.dns_addrs) if keys.control else set()
    if addrs and all(is_loopback(a) for a in addrs):
        if ctrl_addrs and all(is_loopback(a) for a in ctrl_addrs):
            return down("v0.5/6", f"probe and control both resolved loopback {_fmt(addrs)}")
        if ctrl_addrs:
            return (
                "dns",
                False,
                "v0.5/6",
                f"probe DNS answered loopback {_fmt(addrs)}; control got {_fmt(ctrl_addrs)}",
            )
    return null("v0.5/none", "no observation decided the verdict")


def _http_diff(c: Comparison) -> bool:
    if not c.status_code_match:
        return True
    return not (c.body_length_match or c.headers_match or c.title_match)


def _orig_found_nothing(keys: TestKeys, trust_carried: bool) -> bool:
    """A pre-classic LTE measurement whose stored flags show OONI's original analysis (which we
    do not replicate) found nothing: OONI wrote null / null there, whatever the classic rules say.
    """
    if not trust_carried or any(q.classic for q in keys.queries):
        return False
    flags = (keys.carried.get("x_blocking_flags"), keys.carried.get("x_null_null_flags"))
    return flags == (0, 0)


# --- beyond OONI's rules ---------------------------------------------------------------------


def _answers(keys: TestKeys) -> set[str]:
    """The system resolver's answers for the input's host."""
    return {
        a
        for q in keys.queries
        if q.engine in ("getaddrinfo", "system") and keys.is_input_host(q.hostname)
        for a in q.addrs
    }


def _tls_vouched_answers(keys: TestKeys, c: Comparison) -> set[str]:
    """The resolver's answers that only a TLS handshake shows to be the site's, when that
    clears every answer the control does not vouch for; else an empty set.

    OONI's probes verify the certificate, so a handshake for the input's host that succeeded
    means the address reaches the site over TLS: the site's own server or a CDN's (or a proxy
    passing TLS through to it), even when neither the control's addresses nor their ASNs
    match it. probe-cli's LTE analysis counts such a lookup as valid (minipipeline
    `dnsComputeSuccessMetrics`, which feeds x_dns_flags), but its classic rules, which give
    the verdict, and v0.4's rules do not.
    """
    ctrl = keys.control
    if c.dns_consistency != "inconsistent" or ctrl is None or not ctrl.dns_addrs:
        return set()
    if ctrl.dns_failure or dns_experiment_failure(keys):
        return set()  # an unexpected failure stays inconsistent whatever the answers
    control = set(ctrl.dns_addrs)
    unvouched = {
        a
        for q in system_queries(keys)
        if keys.is_input_host(q.hostname)
        for a in q.addrs
        if a not in control and not (q.asns.get(a) and q.asns[a] in ctrl.dns_asns)
    }
    handshaken = {
        t.address.rpartition(":")[0].strip("[]")
        for t in keys.tls_handshakes
        if t.failure is None and t.server_name and keys.is_input_host(t.server_name)
    }
    return unvouched if unvouched and unvouched <= handshaken else set()


def _beyond(
    keys: TestKeys,
    c: Comparison,
    ooni: tuple[Blocking, bool | None],
    pages: list[fingerprints.FingerprintMatch],
    judge: Callable[[Comparison], Judgement],
) -> Judgement | None:
    """Our pair where evidence OONI's rules do not read says more than OONI's pair; else None.

    - drm/blockpage: a confirmed block-page fingerprint, whatever the page's title or headers
      (OONI's classic rules call a block page that copies the real title accessible);
    - drm/bogon: the resolver answered private or reserved addresses and the control did not
      (a DNS hijack, even when the page served there has matching headers);
    - drm/tls-valid-answer: the answers the control does not vouch for completed a TLS
      handshake for the site with a valid certificate, so they lead to the site: the engine's
      own rules (`judge`) again, with DNS consistent, say what went wrong after DNS.
    """
    blocking, _accessible = ooni
    confirmed = [m for m in pages if m.confirmed]
    if confirmed and blocking in (False, None):
        names = ", ".join(m.name for m in confirmed)
        dns_only = all(m.location == "dns" for m in confirmed)
        return (
            "dns" if dns_only else "http-diff",
            False,
            "drm/blockpage",
            f"the response matches block-page fingerprint {names} (confirmed), although "
            "OONI's comparison with the control found nothing wrong",
        )
    answers = _answers(keys)
    control = set(keys.control.dns_addrs) if keys.control else set()
    bogons = {a for a in answers if is_bogon(a)}
    if (
        bogons
        and blocking != "dns"
        and control
        and not any(is_bogon(a) for a in control)
        and not is_ip_literal(keys.hostname)
    ):
        return (
            "dns",
            False,
            "drm/bogon",
            f"the resolver answered private or reserved {_fmt(bogons)} while the control "
            f"resolved {_fmt(control)}: a hijacked answer, whatever the page served there",
        )
    vouched = _tls_vouched_answers(keys, c)
    if vouched:
        again = judge(dataclasses.replace(c, dns_consistency="consistent"))
        if again[:2] != ooni:
            return (
                again[0],
                again[1],
                "drm/tls-valid-answer",
                f"the resolver's answers {_fmt(vouched)} are not the control's ({_fmt(control)}), "
                f"but a TLS handshake for {keys.hostname} with each of them succeeded (a valid "
                "certificate: they lead to the site, and OONI's LTE analysis accepts them "
                f"too); with DNS consistent, rule {again[2]}: {again[3]}",
            )
    return None


# --- entry point ---------------------------------------------------------------------------


def _throttling(keys: TestKeys) -> tuple[bool | None, str]:
    info = keys.x_drm.get("throttling")
    if not isinstance(info, dict):
        return None, ""
    flagged = info.get("throttled")
    if not isinstance(flagged, bool):
        return None, ""
    if not flagged:
        return False, ""
    detail = info.get("explanation")
    return True, f"; throttled: {detail}" if isinstance(detail, str) else "; throttled"


def decide(
    measurement: dict,
    *,
    trust_carried: bool = True,
    database: fingerprints.FingerprintIndex | None = None,
    keys: TestKeys | None = None,
) -> Verdict:
    """The verdict for one Web Connectivity measurement. Never raises.

    With `trust_carried` (the default) the comparison keys a probe stored (dns_consistency,
    body_length_match, ...) are reused, as OONI's own verdict used them; without it they are
    recomputed from the raw observations, which tests our comparison code too. Block pages
    are looked up in `database`, by default `fingerprints.default()` (OONI's database when
    the operator points at it). `keys`: the measurement's `parse()`, when the caller reads it
    too (the store keeps its observations), so it is not parsed twice.
    """
    try:
        if keys is None:
            keys = parse(measurement)
        return _decide(measurement, keys, trust_carried, database or fingerprints.default())
    except Exception as exc:  # noqa: BLE001 - the probe must never die on odd input
        return Verdict(
            None,
            None,
            f"internal error while judging the measurement: {type(exc).__name__}: {exc}",
            "error",
            malformed=[f"{type(exc).__name__}: {exc}"],
        )


def _decide(
    measurement: Any, keys: TestKeys, trust_carried: bool, database: fingerprints.FingerprintIndex
) -> Verdict:
    if keys.problems:
        shown = "; ".join(keys.problems[:5])
        more = f" (and {len(keys.problems) - 5} more)" if len(keys.problems) > 5 else ""
        return Verdict(
            None,
            None,
            f"malformed measurement, no verdict: {shown}{more}",
            "malformed",
            malformed=list(keys.problems),
        )
    if not trust_carried:
        carried = {k: v for k, v in keys.carried.items() if k not in COMPARISON_KEYS}
        keys = dataclasses.replace(keys, carried=carried)  # the caller's keys stay as parsed
    engine = _engine(keys)
    classic: Judgement | None = None
    judge: Callable[[Comparison], Judgement]
    if engine in ("v0.5", "drmonitor"):
        observations = _classic_observations(keys)
        final = next(
            (o.response for o in observations if o.layer == Layer.HTTP and _is_final(o.response)),
            None,
        )
        c = compare(keys, final, lte=True)
        if "dns_consistency" in c.computed and not keys.control_failure:
            c.dns_consistency = _v05_dns_consistency(keys)

        def judge(c: Comparison) -> Judgement:
            return _v05(keys, c, observations, ours=engine == "drmonitor")

        blocking, accessible, rule, why = judge(c)
        if engine == "v0.5" and _orig_found_nothing(keys, trust_carried):
            classic = (blocking, accessible, rule, why)
            blocking, accessible, rule = None, None, "v0.5-orig/none"
            why = (
                "this LTE measurement predates the classic engine (no `classic` tags) and its "
                "stored x_blocking_flags and x_null_null_flags are both 0: OONI's original LTE "
                f"analysis found nothing and left the verdict null; the classic rules say "
                f"{json.dumps(classic[0])} / {json.dumps(classic[1])} (rule {classic[2]})"
            )
    elif engine in ("mk", "python"):
        c = compare(keys)

        def judge(c: Comparison) -> Judgement:
            return _legacy(keys, c, engine)

        blocking, accessible, rule, why = judge(c)
    else:
        c = compare(keys)

        def judge(c: Comparison) -> Judgement:
            return _v04(keys, c)

        blocking, accessible, rule, why = judge(c)
    env = measurement if isinstance(measurement, dict) else {}
    cc = env.get("probe_cc") if isinstance(env.get("probe_cc"), str) else ""
    pages = database.match(keys, cc)
    if pages:
        why += "; block page fingerprint " + ", ".join(
            f"{m.name} ({m.scope}{', confirmed' if m.confirmed else ''})" for m in pages
        )
    throttled, throttle_note = _throttling(keys)
    ours = _beyond(keys, c, (blocking, accessible), pages, judge)
    if ours is None and classic is not None and classic[:2] != (blocking, accessible):
        ours = (classic[0], classic[1], f"drm/classic {classic[2]}", classic[3])
    verdict = Verdict(
        blocking=blocking,
        accessible=accessible,
        explanation=f"rule {rule}: {why}{throttle_note}",
        rule=rule,
        engine=engine,
        **{key: getattr(c, key) for key in COMPARISON_KEYS},
        blockpages=pages,
        throttled=throttled,
        our_blocking=blocking,
        our_accessible=accessible,
    )
    if ours is not None:
        verdict.our_blocking, verdict.our_accessible, verdict.our_rule, verdict.beyond_ooni = ours
        verdict.explanation += (
            f"; beyond OONI (rule {verdict.our_rule}): {json.dumps(ours[0])} / "
            f"{json.dumps(ours[1])}, because {verdict.beyond_ooni}"
        )
    return verdict
