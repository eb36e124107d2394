"""OONI's verdict rules on synthetic measurements: one per way a site can be blocked, down or OK.

`build()` makes minimal test_keys in the v0.4 shape that OONI's Go engine and our probe write.
The same case is judged twice: as an OONI v0.4.3 measurement (summary.go rules) and as one of
our probe's (classic LTE rules, which can tell "down" from "blocked").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from drm_observatory.analysis.verdict import decide

SITE_IP = "93.184.216.34"
SITE_ASN = 15133
PAGE_TITLE = "Example Domain Reference Page"
PAGE = (
    f"<html><head><title>{PAGE_TITLE}</title></head><body>"
    + "This domain is for use in illustrative examples in documents. " * 25
    + "</body></html>"
)
PAGE_HEADERS = {"Content-Type": "text/html", "X-Origin-Cache": "HIT", "Date": "today"}
PK_BLOCK_PAGE = (
    "<html><head><title>Surf Safely</title></head><body>This website is not accessible: its "
    "content is prohibited for viewership from within Pakistan.</body></html>"
)


@dataclass
class Page:
    status: int = 200
    body: str = PAGE
    headers: dict = field(default_factory=lambda: dict(PAGE_HEADERS))


OK_PAGE = Page()


def build(
    url: str = "http://www.example.com/",
    *,
    software: str = "ooniprobe-cli",
    version: str = "0.4.3",
    probe_cc: str = "PK",
    answers: tuple[str, ...] = (SITE_IP,),
    answer_asn: int = SITE_ASN,
    dns_failure: str | None = None,
    control_answers: tuple[str, ...] = (SITE_IP,),
    control_asns: tuple[int, ...] = (SITE_ASN,),
    control_dns_failure: str | None = None,
    tcp_failure: str | None = None,
    control_tcp_failure: str | None = None,
    tls_failure: str | None = None,
    response: Page | str | None = OK_PAGE,
    control_page: Page | str | None = OK_PAGE,
    control_failure: str | None = None,
    x_drm: dict | None = None,
) -> dict:
    """A Web Connectivity measurement with only raw observations (no comparison keys)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    query = {
        "hostname": host,
        "query_type": "ANY",
        "engine": "system",
        "resolver_address": "",
        "failure": dns_failure,
        "answers": None
        if dns_failure
        else [{"answer_type": "A", "ipv4": ip, "asn": answer_asn} for ip in answers],
    }
    addrs = [] if dns_failure else list(answers)
    tcp = [
        {
            "ip": ip,
            "port": port,
            "status": {"success": tcp_failure is None, "failure": tcp_failure, "blocked": None},
        }
        for ip in addrs
    ]
    tls = None
    if parts.scheme == "https":
        tls = [
            {"address": f"{ip}:{port}", "server_name": host, "failure": tls_failure}
            for ip in addrs
            if tcp_failure is None
        ]
    requests = []
    if response is not None:
        failed = isinstance(response, str)
        requests.append(
            {
                "failure": response if failed else None,
                "request": {"url": url, "method": "GET", "headers": {}, "body": ""},
                "response": {"code": 0, "body": None, "headers": {}}
                if failed
                else {"code": response.status, "body": response.body, "headers": response.headers},
            }
        )
    control: dict = {}
    if control_failure is None:
        control = {
            "dns": {
                "failure": control_dns_failure,
                "addrs": [] if control_dns_failure else list(control_answers),
                "asns": [] if control_dns_failure else list(control_asns),
            },
            "tcp_connect": {
                f"{ip}:{port}": {
                    "status": control_tcp_failure is None,
                    "failure": control_tcp_failure,
                }
                for ip in addrs
            },
            "http_request": _control_http(control_page),
        }
    keys = {
        "queries": [query],
        "tcp_connect": tcp,
        "tls_handshakes": tls,
        "requests": requests,
        "control": control,
        "control_failure": control_failure,
        "dns_experiment_failure": dns_failure,
        "http_experiment_failure": requests[0]["failure"] if requests else None,
    }
    if x_drm is not None:
        keys["x_drm"] = x_drm
    return {
        "measurement_uid": "20260101000000.000000_PK_webconnectivity_0000000000000000",
        "report_id": "20260101T000000Z_webconnectivity_PK_17557_n1_test",
        "input": url,
        "probe_cc": probe_cc,
        "probe_asn": "AS17557",
        "software_name": software,
        "software_version": "3.20.0",
        "test_name": "web_connectivity",
        "test_version": version,
        "test_keys": keys,
    }


def _control_http(page: Page | str | None) -> dict:
    if isinstance(page, str) or page is None:
        return {
            "failure": page or "generic_timeout_error",
            "status_code": -1,
            "body_length": -1,
            "headers": {},
            "title": "",
        }
    title = PAGE_TITLE if page.body == PAGE else ""
    return {
        "failure": None,
        "status_code": page.status,
        "body_length": len(page.body.encode()),
        "headers": page.headers,
        "title": title,
    }


def lte(m: dict) -> dict:
    """Turn a build() measurement into the shape of Web Connectivity LTE (v0.5.28).

    LTE tags events with the redirect depth and ties one connection's TCP, TLS and HTTP
    events together by transaction_id; the control also reports TLS per endpoint.
    """
    m = dict(m, test_version="0.5.28", software_name="miniooni")
    keys = m["test_keys"]
    tags = ["classic", "depth=0", "fetch_body=true"]
    for q in keys["queries"]:
        q.update(engine="getaddrinfo", tags=["classic", "depth=0"], transaction_id=1)
    for i, t in enumerate(keys["tcp_connect"], start=10):
        t.update(tags=tags, transaction_id=i)
        for h in keys["tls_handshakes"] or []:
            if h["address"] == f"{t['ip']}:{t['port']}":
                h.update(tags=tags, transaction_id=i)
    if keys["requests"] and keys["tcp_connect"] and keys["tcp_connect"][0]["status"]["success"]:
        if not (keys["tls_handshakes"] or [{}])[0].get("failure"):
            keys["requests"][0].update(tags=tags, transaction_id=10)
        else:
            keys["requests"] = []
    control = keys["control"]
    if control and keys["tls_handshakes"]:
        control["tls_handshake"] = {
            h["address"]: {"server_name": h["server_name"], "status": True, "failure": None}
            for h in keys["tls_handshakes"]
        }
    return m


def ours(**kwargs) -> dict:
    """The same case as measured by our probe."""
    return build(software="drmonitor-probe", **kwargs)


CASES = {
    # name: (build kwargs, OONI v0.4 verdict + rule, our probe's verdict + rule)
    "ok-http": ({}, (False, True, "v0.4/8"), (False, True, "v0.5/1.3")),
    "ok-https": (
        {"url": "https://www.example.com/"},
        (False, True, "v0.4/1"),
        (False, True, "v0.5/1.1"),
    ),
    "dns-nxdomain": (
        {"dns_failure": "dns_nxdomain_error", "response": "dns_nxdomain_error"},
        ("dns", False, "v0.4/4"),
        ("dns", False, "v0.5/5.3+dns"),
    ),
    "dns-inconsistent": (
        {"answers": ("10.10.34.36",), "answer_asn": 0, "response": "connection_refused"},
        ("dns", False, "v0.4/4"),
        ("dns", False, "v0.5/2.3+dns"),
    ),
    "tcp-timeout": (
        {"tcp_failure": "generic_timeout_error", "response": "generic_timeout_error"},
        ("tcp_ip", False, "v0.4/5"),
        ("tcp_ip", False, "v0.5/4.3"),
    ),
    "tls-reset": (
        {
            "url": "https://x.com/",
            "tls_failure": "connection_reset",
            "response": "connection_reset",
        },
        ("http-failure", False, "v0.4/7"),
        ("http-failure", False, "v0.5/3.1"),
    ),
    "http-reset": (
        {"response": "connection_reset"},
        ("http-failure", False, "v0.4/7"),
        ("http-failure", False, "v0.5/2.3"),
    ),
    "http-blockpage": (
        {"response": Page(200, PK_BLOCK_PAGE, {"Content-Type": "text/html"})},
        ("http-diff", False, "v0.4/8"),
        ("http-diff", False, "v0.5/1.4"),
    ),
    "down-tcp": (
        {
            "tcp_failure": "connection_refused",
            "control_tcp_failure": "connection_refused_error",
            "response": "connection_refused",
            "control_page": "connection_refused_error",
        },
        ("tcp_ip", False, "v0.4/5"),  # v0.4 cannot tell a dead server from TCP blocking
        (False, False, "v0.5/4.2"),
    ),
    "down-nxdomain": (
        {
            "dns_failure": "dns_nxdomain_error",
            "control_dns_failure": "dns_name_error",
            "response": "dns_nxdomain_error",
            "control_page": "dns_lookup_error",
        },
        (False, True, "v0.4/3"),  # OONI's "debatable" rule: a name nobody can resolve is fine
        (False, False, "v0.5/5.2"),
    ),
    "control-unreachable": (
        {"control_failure": "generic_timeout_error"},
        (None, None, "v0.4/2"),
        (None, None, "v0.5/1.2"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_ooni_v04_rules(case):
    kwargs, (blocking, accessible, rule), _ = CASES[case]
    verdict = decide(build(**kwargs))
    assert (verdict.blocking, verdict.accessible) == (blocking, accessible), verdict.explanation
    assert verdict.rule == rule
    assert verdict.explanation.startswith(f"rule {rule}:")
    assert verdict.engine == "v0.4"


@pytest.mark.parametrize("case", sorted(CASES))
def test_our_probe_judged_by_classic_rules(case):
    kwargs, _, (blocking, accessible, rule) = CASES[case]
    verdict = decide(ours(**kwargs))
    assert (verdict.blocking, verdict.accessible) == (blocking, accessible), verdict.explanation
    assert verdict.rule == rule
    assert verdict.explanation.startswith(f"rule {rule}:")


@pytest.mark.parametrize(
    "case, expected",
    [
        ("ok-http", (False, True, "v0.5/1.3")),
        ("ok-https", (False, True, "v0.5/1.1")),
        ("tls-reset", ("http-failure", False, "v0.5/3.3")),
        ("tcp-timeout", ("tcp_ip", False, "v0.5/4.3")),
        ("down-tcp", (False, False, "v0.5/4.2")),
        ("down-nxdomain", (False, False, "v0.5/5.2")),
        ("dns-nxdomain", ("dns", False, "v0.5/5.3+dns")),
    ],
)
def test_lte_measurements_use_the_classic_rules(case, expected):
    verdict = decide(lte(build(**CASES[case][0])))
    assert verdict.engine == "v0.5"
    assert (verdict.blocking, verdict.accessible, verdict.rule) == expected, verdict.explanation


def test_our_probe_without_control_does_not_call_a_dns_failure_accessible():
    """OONI's rule 5.1.1 says accessible when DNS failed and no control answered; we say null."""
    kwargs = {"dns_failure": "dns_nxdomain_error", "response": None, "control_failure": "eof_error"}
    ooni_lte = decide(lte(build(**kwargs)))
    assert (ooni_lte.blocking, ooni_lte.accessible, ooni_lte.rule) == (False, True, "v0.5/5.1.1")
    mine = decide(ours(**kwargs))
    assert mine.engine == "drmonitor"
    assert (mine.blocking, mine.accessible, mine.rule) == (None, None, "v0.5/5.1.1")
    assert "we do not" in mine.explanation


def test_dns_explanation_names_the_answers_and_the_controls():
    verdict = decide(build(answers=("10.10.34.36",), answer_asn=0, probe_cc="IR"))
    assert verdict.dns_consistency == "inconsistent"
    assert "10.10.34.36" in verdict.explanation and SITE_IP in verdict.explanation
    assert "dns_consistency=inconsistent" in verdict.explanation
    # Iran's national DNS block-page address is a confirmed fingerprint.
    assert [m.name for m in verdict.blockpages] == ["ooni.ir_10dot10_ipv4_1"]
    assert verdict.confirmed


def test_same_asn_answer_is_consistent():
    """A CDN answer the control never saw still counts as valid when its ASN matches."""
    verdict = decide(build(answers=("93.184.216.99",), control_answers=(SITE_IP,)))
    assert verdict.dns_consistency == "consistent"
    assert (verdict.blocking, verdict.accessible) == (False, True)


def test_block_page_is_fingerprinted_and_comparison_keys_computed():
    verdict = decide(build(response=Page(200, PK_BLOCK_PAGE, {"Content-Type": "text/html"})))
    assert verdict.status_code_match is True
    assert verdict.body_length_match is False
    assert verdict.title_match is False
    assert verdict.headers_match is False
    assert [m.name for m in verdict.blockpages] == ["cp.b_nat_pak_isp_common_blockpage"]
    assert verdict.confirmed
    assert "cp.b_nat_pak_isp_common_blockpage" in verdict.explanation


def test_body_length_alone_differs_but_title_matches_is_ok():
    """http-diff needs every similarity to fail: a shorter page with the same title passes."""
    short = PAGE[: len(PAGE) // 3] + "</body></html>"
    verdict = decide(build(response=Page(200, short, {"Content-Type": "text/html"})))
    assert verdict.body_length_match is False
    assert verdict.title_match is True
    assert (verdict.blocking, verdict.accessible) == (False, True)


def test_title_differs_with_same_length_is_still_ok():
    page = PAGE.replace(PAGE_TITLE, "Totally Different Heading Words")
    verdict = decide(build(response=Page(200, page, {"Content-Type": "text/html"})))
    assert verdict.title_match is False
    assert verdict.body_length_match is True
    assert (verdict.blocking, verdict.accessible) == (False, True)


def test_status_code_differs_is_http_diff():
    verdict = decide(build(response=Page(403, "<title>Forbidden</title>", {})))
    assert verdict.status_code_match is False
    assert verdict.blocking == "http-diff"
    assert "probe got HTTP 403" in verdict.explanation


def test_carried_comparison_keys_are_trusted_unless_recomputing():
    m = build()
    m["test_keys"]["dns_consistency"] = "inconsistent"  # what the probe said at the time
    assert decide(m).blocking == "dns"
    recomputed = decide(m, trust_carried=False)
    assert recomputed.dns_consistency == "consistent"
    assert (recomputed.blocking, recomputed.accessible) == (False, True)


def test_throttling_from_our_probe_is_reported():
    note = "all 3 downloads ran below 30% of the control's 900 kB/s"
    verdict = decide(ours(x_drm={"throttling": {"throttled": True, "explanation": note}}))
    assert verdict.throttled is True
    assert (verdict.blocking, verdict.accessible) == (False, True)
    assert verdict.explanation.endswith(f"throttled: {note}")
    assert decide(ours()).throttled is None


def test_unknown_version_uses_v04_rules():
    verdict = decide(build(version="", software="somebody-else"))
    assert verdict.engine == "v0.4"


@pytest.mark.parametrize(
    "measurement, complaint",
    [
        (None, "measurement is NoneType"),
        ({"input": "http://x/"}, "test_keys is missing"),
        ({"input": "http://x/", "test_keys": "oops"}, "test_keys is str"),
        ({"input": "http://x/", "test_keys": {"requests": 5}}, "requests is int"),
        ({"input": 7, "test_keys": {}}, "input is int"),
        ({"test_name": "telegram", "test_keys": {}}, "test_name is 'telegram'"),
        (
            {"input": "http://x/", "test_keys": {"tcp_connect": [{"status": {"failure": 3}}]}},
            "tcp_connect[0].status.failure is int",
        ),
    ],
)
def test_malformed_measurement_gets_null_verdict_saying_what_is_wrong(measurement, complaint):
    verdict = decide(measurement)
    assert (verdict.blocking, verdict.accessible) == (None, None)
    assert verdict.rule == "malformed"
    assert complaint in verdict.explanation


def test_a_national_block_page_is_confirmed_blocking():
    verdict = decide(build(answers=("10.10.34.36",), answer_asn=0, probe_cc="IR"))
    assert verdict.confirmed is True
