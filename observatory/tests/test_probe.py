# ruff: noqa: F811 - pytest fixtures imported from the testing toolkit are used as arguments
"""The probe against a censored world on loopback: each interference gets its OONI failure
string and its verdict, and every measurement has the Web Connectivity shape."""

from __future__ import annotations

import asyncio

import pytest

from drm_observatory.probe import http
from drm_observatory.probe.measure import ProbeConfig, measure_urls
from drm_observatory.testing.fixtures import loopback_world  # noqa: F401

# name -> (blocking, accessible, dns failure, first TCP failure, first TLS failure, HTTP failure)
EXPECTED = {
    "ok.test": (False, True, None, None, None, None),
    "plain.test": (False, True, None, None, "-", None),
    "redirect.test": (False, True, None, None, None, None),
    "chunked.test": (False, True, None, None, None, None),
    "dnsblock.test": ("dns", False, "dns_nxdomain_error", "-", "-", "dns_nxdomain_error"),
    "noanswer.test": ("dns", False, "dns_no_answer", "-", "-", "dns_no_answer"),
    "servfail.test": ("dns", False, "dns_server_misbehaving", "-", "-", "dns_server_misbehaving"),
    "dnsdrop.test": ("dns", False, "generic_timeout_error", "-", "-", "generic_timeout_error"),
    "lie.test": ("dns", False, None, "connection_refused", "-", "connection_refused"),
    "reset.test": ("http-failure", False, None, None, "connection_reset", "connection_reset"),
    "hang.test": (
        "http-failure",
        False,
        None,
        None,
        "generic_timeout_error",
        "generic_timeout_error",
    ),
    "wrongname.test": (
        "http-failure",
        False,
        None,
        None,
        "ssl_invalid_hostname",
        "ssl_invalid_hostname",
    ),
    "unknownca.test": (
        "http-failure",
        False,
        None,
        None,
        "ssl_unknown_authority",
        "ssl_unknown_authority",
    ),
    "blockpage.test": ("http-diff", False, None, None, "-", None),
    # Down for everybody (the control fails the same way): not blocking.
    "nx.test": (False, False, "dns_nxdomain_error", "-", "-", "dns_nxdomain_error"),
    "refused.test": (False, False, None, "connection_refused", "-", "connection_refused"),
    "drop.test": (False, False, None, "generic_timeout_error", "-", "generic_timeout_error"),
}


def run(urls: list[str], config: ProbeConfig) -> dict[str, dict]:
    async def collect() -> dict[str, dict]:
        return {m["input"]: m async for m in measure_urls(urls, config)}

    return asyncio.run(collect())


@pytest.fixture(scope="module")
def measured(loopback_world):
    world = loopback_world
    results = run([world.url(name) for name in EXPECTED], world.config(parallel=32))
    return {name: results[world.url(name)] for name in EXPECTED}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_interference_gets_its_failure_and_verdict(measured, name):
    blocking, accessible, dns_failure, tcp_failure, tls_failure, http_failure = EXPECTED[name]
    keys = measured[name]["test_keys"]
    assert (keys["blocking"], keys["accessible"]) == (blocking, accessible), keys[
        "x_drm_explanation"
    ]
    assert keys["dns_experiment_failure"] == dns_failure
    assert keys["http_experiment_failure"] == http_failure
    tcp = keys["tcp_connect"]
    assert (tcp[0]["status"]["failure"] if tcp else "-") == tcp_failure
    tls = keys["tls_handshakes"] or []
    assert (tls[0]["failure"] if tls else "-") == tls_failure
    assert keys["x_drm_explanation"].startswith("rule ")
    assert keys["control_failure"] is None


# OONI's base data format (df-000-base): every key a current OONI probe writes in the envelope.
OONI_ENVELOPE = {
    "annotations",
    "data_format_version",
    "input",
    "input_hashes",
    "measurement_start_time",
    "options",
    "probe_asn",
    "probe_cc",
    "probe_ip",
    "probe_network_name",
    "report_id",
    "resolver_asn",
    "resolver_ip",
    "resolver_network_name",
    "software_name",
    "software_version",
    "test_helpers",
    "test_keys",
    "test_name",
    "test_runtime",
    "test_start_time",
    "test_version",
}


def test_measurement_has_the_web_connectivity_shape(measured):
    from drm_observatory.lab.schema import problems

    for name, measurement in measured.items():
        assert problems(measurement) == [], name
        assert measurement["test_name"] == "web_connectivity"
        assert measurement["software_name"] == "drmonitor-probe"
        assert measurement["probe_cc"] == "PK" and measurement["probe_asn"] == "AS64512"
        assert measurement["measurement_uid"].split("_")[1:3] == ["PK", "webconnectivity"]
        assert OONI_ENVELOPE <= set(measurement), OONI_ENVELOPE - set(measurement)
        assert measurement["input_hashes"] == [] and measurement["options"] == []


def test_dns_records_both_resolvers_with_asns(measured):
    queries = measured["ok.test"]["test_keys"]["queries"]
    engines = {q["engine"] for q in queries}
    assert engines == {"system", "doh"}
    system = [q for q in queries if q["engine"] == "system"]
    assert system[0]["answers"][0] == {
        "answer_type": "A",
        "ipv4": "127.0.0.1",
        "asn": 64512,
        "as_org_name": "Loopback Lab",
        "ttl": None,
    }
    lie = measured["lie.test"]["test_keys"]
    assert lie["queries"][0]["answers"][0]["ipv4"] == "127.66.0.1"
    assert lie["x_drm_second_resolver"]["addrs"] == ["127.0.0.1"]
    assert lie["x_drm_second_resolver"]["agrees_with_system"] is False
    assert measured["ok.test"]["test_keys"]["x_drm_second_resolver"]["agrees_with_system"]
    assert lie["dns_consistency"] == "inconsistent"


def test_redirects_are_followed_and_listed_final_first(measured):
    requests = measured["redirect.test"]["test_keys"]["requests"]
    assert [r["response"]["code"] for r in requests] == [200, 302]
    assert requests[0]["request"]["url"].endswith("/landing")
    assert "Example site for testing" in requests[0]["response"]["body"]


def test_steps_carry_timings(measured):
    keys = measured["reset.test"]["test_keys"]
    for entry in [*keys["queries"], *keys["tcp_connect"], *keys["tls_handshakes"]]:
        assert 0 <= entry["t0"] <= entry["t"]
    timings = measured["ok.test"]["test_keys"]["requests"][0]["x_drm_timings"]
    assert timings["connect"] <= timings["tls"] <= timings["first_byte"] <= timings["done"]


def test_chunked_pages_are_reassembled(measured):
    response = measured["chunked.test"]["test_keys"]["requests"][0]["response"]
    assert ["Transfer-Encoding", "chunked"] in response["headers_list"]
    assert response["body"].count("The real page, as the control sees it.") == 40
    assert measured["chunked.test"]["test_keys"]["control"]["http_request"]["title"] == (
        "Sent in chunks"
    )


def test_block_page_body_is_kept_for_fingerprinting(measured):
    response = measured["blockpage.test"]["test_keys"]["requests"][0]["response"]
    assert response["code"] == 403
    assert "Blocked by order of the authority." in response["body"]


def test_system_resolver_is_getaddrinfo(loopback_world):
    world = loopback_world
    url = f"http://localhost:{world.http.port}/"
    keys = run([url], world.config(system_resolver="system", resolver=None))[url]["test_keys"]
    system = [q for q in keys["queries"] if q["engine"] == "system"]
    assert system and system[0]["resolver_address"] == ""
    assert "127.0.0.1" in [a.get("ipv4") for q in system for a in q["answers"]]
    assert keys["requests"][0]["response"]["code"] == 200


def test_second_resolver_over_dns_over_tls(loopback_world):
    world = loopback_world
    url = world.url("dnsblock.test")
    keys = run([url], world.config(resolver=world.dot.dot_url))[url]["test_keys"]
    dot = [q for q in keys["queries"] if q["engine"] == "dot"]
    assert dot[0]["answers"][0]["ipv4"] == "127.0.0.1"
    assert keys["x_drm_second_resolver"]["addrs"] == ["127.0.0.1"]
    assert keys["blocking"] == "dns"


def test_unreachable_or_refusing_control_gives_no_verdict(loopback_world):
    world = loopback_world
    url = world.url("reset.test")
    for config in (
        world.config(control_token="not-the-token"),
        world.config(control_url="http://127.0.0.1:9/api/v1/control"),
    ):
        keys = run([url], config)[url]["test_keys"]
        assert keys["control_failure"]
        assert keys["blocking"] is None and keys["accessible"] is None
        # The probe's own observations are still all there.
        assert keys["tls_handshakes"][0]["failure"] == "connection_reset"
    assert "401" in keys["control_failure"] or keys["control_failure"] == "connection_refused"


def test_a_dripping_server_cannot_hold_the_probe(loopback_world):
    world = loopback_world
    ex = asyncio.run(
        http.exchange(
            world.url("drip.test"),
            http.Dialer(context=http.tls_context(world.ca_file), timeout=0.5),
            addresses=["127.0.0.1"],
        )
    )
    assert ex.failure is None and ex.response.status == 200
    assert ex.response.truncated and 0 < len(ex.response.body) < 10_000


def test_malformed_input_url_is_recorded_not_raised(loopback_world):
    result = run(["ftp://example.test/file", "https://"], loopback_world.config())
    for measurement in result.values():
        assert measurement["test_keys"]["http_experiment_failure"].startswith("unknown_failure")
