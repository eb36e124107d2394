# ruff: noqa: F811 - pytest fixtures imported from the testing toolkit are used as arguments
"""Fuzzing what the probe and the helper read from the network: whatever arrives, the result is
a parsed value or an OONI failure string, never an exception that escapes."""

from __future__ import annotations

import asyncio
import json

import dns.message
import dns.rrset
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drm_observatory.analysis.verdict import decide
from drm_observatory.probe import control, http, server, steps
from drm_observatory.probe.dns import interpret_reply
from drm_observatory.probe.failures import classify
from drm_observatory.testing.fixtures import loopback_world  # noqa: F401

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OONI_PREFIXES = ("eof_error", "unknown_failure", "generic_timeout_error")

header_name = st.text(
    st.characters(min_codepoint=33, max_codepoint=126, exclude_characters=":"),
    min_size=1,
    max_size=20,
)
header_value = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)


def parse(data: bytes, method: str = "GET", max_body: int = 4096):
    """The parsed response, or the failure string the probe would record."""
    try:
        return asyncio.run(http.parse_response_bytes(data, method, max_body))
    except Exception as exc:  # noqa: BLE001 - the property: any Exception has an OONI string
        failure = classify(exc)
        assert failure.startswith(OONI_PREFIXES), failure
        return failure


@FUZZ
@given(st.binary(max_size=2000))
def test_http_parser_turns_garbage_into_failures(data):
    result = parse(data)
    assert isinstance(result, http.Response | str)


@FUZZ
@given(
    status=st.integers(100, 999),
    headers=st.lists(st.tuples(header_name, header_value), max_size=8),
    body=st.binary(max_size=3000),
    framing=st.sampled_from(["length", "chunked", "close", "lying-length"]),
    chunk=st.integers(1, 700),
)
def test_http_parser_reads_what_servers_send(status, headers, body, framing, chunk):
    headers = [
        (k, v)
        for k, v in headers
        if k.lower() not in ("content-length", "transfer-encoding", "content-encoding")
    ]
    head = [f"HTTP/1.1 {status} Whatever", *(f"{k}: {v}" for k, v in headers)]
    if framing == "length":
        head.append(f"Content-Length: {len(body)}")
        payload = body
    elif framing == "lying-length":
        head.append(f"Content-Length: {len(body) + 10}")
        payload = body
    elif framing == "chunked":
        head.append("Transfer-Encoding: chunked")
        parts = [body[i : i + chunk] for i in range(0, len(body), chunk)]
        payload = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"
    else:
        payload = body
    result = parse("\r\n".join(head).encode() + b"\r\n\r\n" + payload)
    if 100 <= status < 200:
        # An interim response is skipped: what follows it is read as the response (a body of
        # b"HTTP/1.0 200\n\n" is one), usually a failure.
        assert result == parse(payload)
    elif framing == "lying-length" and status not in (204, 304):
        assert result == "eof_error"
    else:
        assert isinstance(result, http.Response), result
        assert result.status == status
        expected = b"" if status in (204, 304) else body
        assert result.body == expected[:4096]
        assert result.truncated == (len(expected) >= 4096)


@FUZZ
@given(st.binary(max_size=600), st.sampled_from(["A", "AAAA"]))
def test_dns_garbage_is_a_failure(wire, qtype):
    query = dns.message.make_query("x.test", qtype)
    ips, failure = interpret_reply(wire, query, qtype)
    assert ips == [] and failure is not None


@FUZZ
@given(
    ips=st.lists(st.ip_addresses(v=4).map(str), max_size=5),
    rcode=st.sampled_from([0, 2, 3, 5]),
    flip=st.integers(0, 400),
)
def test_dns_replies_and_their_corruptions(ips, rcode, flip):
    query = dns.message.make_query("x.test", "A")
    reply = dns.message.make_response(query)
    reply.set_rcode(rcode)
    if ips:
        reply.answer.append(dns.rrset.from_text_list("x.test.", 60, "IN", "A", ips))
    wire = reply.to_wire()
    got, failure = interpret_reply(wire, query, "A")
    if rcode == 0 and ips:
        assert sorted(got) == sorted(set(ips)) and failure is None
    else:
        assert got == [] and failure in (
            "dns_no_answer",
            "dns_server_misbehaving",
            "dns_nxdomain_error",
            "dns_refused_error",
        )
    corrupted = bytearray(wire)
    corrupted[flip % len(corrupted)] ^= 0xFF
    got, failure = interpret_reply(bytes(corrupted), query, "A")
    assert failure is None or isinstance(failure, str)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@FUZZ
@given(st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode())))
def test_helper_request_parser_answers_bad_request(body):
    try:
        request = control.parse_control_request(body)
    except control.BadRequest as exc:
        assert str(exc)
    else:
        assert request.url.startswith(("http://", "https://"))


@FUZZ
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "http_request": st.one_of(st.text(max_size=30), st.just("http://a.test/")),
            "tcp_connect": st.one_of(json_values, st.lists(st.text(max_size=25), max_size=4)),
            "x_drm_throughput": json_values,
        },
    )
)
def test_helper_request_parser_on_near_valid_requests(data):
    try:
        request = control.parse_control_request(json.dumps(data).encode())
    except control.BadRequest:
        return
    assert all(0 < port < 65536 for _, port in request.endpoints)


@FUZZ
@given(st.binary(max_size=3000))
def test_helper_http_request_reader_never_crashes(data):
    async def read() -> None:
        reader = asyncio.StreamReader(limit=16 * 1024)
        reader.feed_data(data)
        reader.feed_eof()
        await server.read_request(reader, 1024, 1.0, "127.0.0.1")

    try:
        asyncio.run(read())
    except (server.HTTPError, EOFError, TimeoutError):
        pass


@FUZZ
@given(
    json_values
    | st.dictionaries(
        st.sampled_from(
            ["dns", "tcp_connect", "http_request", "tls_handshake", "x_drm_throughput"]
        ),
        json_values,
        max_size=5,
    )
)
def test_control_replies_are_checked_then_judged_without_crashing(data):
    try:
        reply = control.parse_control_reply(data)
    except ValueError:
        return
    measurement = {
        "input": "https://x.test/",
        "test_version": "0.4.3",
        "software_name": "drmonitor-probe",
        "test_keys": {"queries": [], "tcp_connect": [], "requests": [], "control": reply},
    }
    verdict = decide(measurement)
    assert verdict.explanation


def test_gzip_bodies_are_decoded_and_bad_ones_are_failures():
    import gzip

    page = b"<html><title>Compressed page</title>" + b"x" * 5000 + b"</html>"
    packed = gzip.compress(page)
    head = f"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {len(packed)}\r\n\r\n"
    result = parse(head.encode() + packed, max_body=1 << 20)
    assert result.body == page and result.title == "Compressed page"
    assert result.wire_bytes == len(packed)
    broken = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\n"
    assert parse(broken.encode() + b"not gzip!").startswith(
        "unknown_failure: malformed HTTP response: bad content encoding"
    )


class Answerer:
    """A loopback server that reads what the client sends first, answers `payload`, closes."""

    def __init__(self, world) -> None:
        self.payload = b""
        self.world = world
        self.server = world.loop.run(asyncio.start_server(self.on, "127.0.0.1", 0))
        self.port = self.server.sockets[0].getsockname()[1]

    async def on(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await asyncio.wait_for(reader.read(65536), 5)
            writer.write(self.payload)
            await writer.drain()
        except (ConnectionError, TimeoutError):
            pass
        finally:
            writer.close()


@pytest.fixture(scope="module")
def answerer(loopback_world):
    server = Answerer(loopback_world)
    yield server
    server.server.close()


TLS_RECORD = st.builds(
    lambda kind, body: bytes([kind, 3, 3]) + len(body).to_bytes(2, "big") + body,
    st.sampled_from([20, 21, 22, 23]),
    st.binary(max_size=200),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(st.binary(max_size=400), st.lists(TLS_RECORD, min_size=1, max_size=3).map(b"".join))
)
def test_tls_handshake_with_a_garbage_server_records_a_failure(answerer, payload):
    answerer.payload = payload
    tcp, tls = asyncio.run(
        steps.connect_endpoint(
            "127.0.0.1",
            answerer.port,
            http.Dialer(context=http.tls_context(), timeout=2, clock=0.0),
            server_name="x.test",
        )
    )
    assert tcp["status"]["success"] is True
    assert tls["failure"] in (
        "ssl_failed_handshake",
        "eof_error",
        "connection_reset",
        "generic_timeout_error",
    ) or tls["failure"].startswith("unknown_failure")


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        st.binary(max_size=300),
        json_values.map(lambda v: b"HTTP/1.1 200 OK\r\n\r\n" + json.dumps(v).encode()),
    )
)
def test_a_garbage_control_is_a_control_failure_not_a_crash(answerer, payload):
    answerer.payload = payload
    ctrl, failure = asyncio.run(
        control.ask(
            f"http://127.0.0.1:{answerer.port}/",
            "t" * 20,
            "https://x.test/",
            [],
            context=http.tls_context(),
            timeout=2,
        )
    )
    assert (ctrl is None) == (failure is not None)
    if failure:
        assert failure.startswith(OONI_PREFIXES + ("connection_reset",)), failure
