"""A DNS answer the control does not know, but where a TLS handshake for the site succeeded.

OONI's probes verify certificates, so such an address holds a valid certificate for the site:
usually a CDN's edge that the control, elsewhere, was not sent to. OONI's classic rules (and
v0.4's) still call DNS inconsistent and blame DNS; probe-cli's LTE analysis accepts the answer.
Our own pair (`drm/tls-valid-answer`) judges with DNS consistent, OONI's pair stays beside it.
"""

from __future__ import annotations

import json
from pathlib import Path

from drm_observatory.analysis.verdict import decide
from drm_observatory.testing.requirements import require
from tests.test_verdict import Page, build, lte

QA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni" / "wc05-qa-synthetic"

CDN_EDGE = "151.101.1.1"  # the probe's resolver sends it to a CDN edge
CDN_ASN = 54113
ELSEWHERE = "151.101.65.1"  # the control, elsewhere, to another edge of another network
OTHER_PAGE = Page(
    200,
    "<html><head><title>Regional edition</title></head><body>hi</body></html>",
    {"Content-Type": "text/html"},
)


def cdn(url: str = "https://www.example.com/", **kwargs) -> dict:
    return build(
        url,
        answers=(CDN_EDGE,),
        answer_asn=CDN_ASN,
        control_answers=(ELSEWHERE,),
        **kwargs,
    )


def test_a_slow_page_behind_a_cdn_address_is_an_http_failure_not_dns():
    verdict = decide(cdn(response="generic_timeout_error"))
    # OONI's v0.4 rules: the answer is neither the control's address nor in its ASN, so DNS.
    assert (verdict.blocking, verdict.accessible, verdict.rule) == ("dns", False, "v0.4/4")
    assert (verdict.our_blocking, verdict.our_accessible) == ("http-failure", False)
    assert verdict.our_rule == "drm/tls-valid-answer"
    assert CDN_EDGE in verdict.beyond_ooni and "rule v0.4/7" in verdict.beyond_ooni
    assert "beyond OONI (rule drm/tls-valid-answer)" in verdict.explanation


def test_lte_validates_a_plain_http_site_by_its_port_443_handshake():
    m = lte(cdn("http://www.example.com/", response=OTHER_PAGE))
    keys = m["test_keys"]
    probe_only = ["classic", "depth=0", "fetch_body=false"]
    keys["tcp_connect"].append(
        {
            "ip": CDN_EDGE,
            "port": 443,
            "status": {"success": True, "failure": None},
            "tags": probe_only,
            "transaction_id": 20,
        }
    )
    keys["tls_handshakes"] = [
        {
            "address": f"{CDN_EDGE}:443",
            "server_name": "www.example.com",
            "failure": None,
            "tags": probe_only,
            "transaction_id": 20,
        }
    ]
    verdict = decide(m)
    # OONI's classic rule 1.4 finds a different page and, DNS being inconsistent, blames DNS.
    assert (verdict.blocking, verdict.accessible, verdict.rule) == ("dns", False, "v0.5/1.4+dns")
    assert (verdict.our_blocking, verdict.our_accessible) == ("http-diff", False)
    assert verdict.our_rule == "drm/tls-valid-answer"


def test_a_failed_or_foreign_handshake_vouches_for_nothing():
    refused = cdn(tls_failure="ssl_invalid_hostname", response="ssl_invalid_hostname")
    foreign = cdn(response="generic_timeout_error")
    foreign["test_keys"]["tls_handshakes"][0]["server_name"] = "edge.cdn.example.net"
    for m in (refused, foreign):
        verdict = decide(m)
        assert verdict.blocking == "dns"
        assert (verdict.our_blocking, verdict.our_rule) == ("dns", "")


def test_every_unknown_answer_needs_its_own_handshake():
    m = cdn(response="generic_timeout_error")
    query = m["test_keys"]["queries"][0]
    query["answers"].append({"answer_type": "A", "ipv4": "10.10.34.36", "asn": 0})
    verdict = decide(m)
    assert verdict.blocking == "dns" and verdict.our_rule != "drm/tls-valid-answer"


def test_ooni_qa_case_of_a_different_page_behind_a_validated_answer():
    """probe-cli's netem QA: the answer leads to a server whose port 443 passes the handshake
    (its own analysis.json lists the getaddrinfo lookup as valid) while port 80 serves
    another page. OONI's classic rules say dns; ours say what differs: the page."""
    path = QA / "httpDiffWithInconsistentDNS" / "measurement.json"
    require(path.is_file(), f"OONI's QA measurement not found at {path}")
    verdict = decide(json.loads(path.read_text()))
    assert (verdict.blocking, verdict.accessible) == ("dns", False)
    assert (verdict.our_blocking, verdict.our_accessible) == ("http-diff", False)
    assert verdict.our_rule == "drm/tls-valid-answer" and "130.192.182.17" in verdict.beyond_ooni
