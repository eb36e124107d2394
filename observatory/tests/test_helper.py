# ruff: noqa: F811 - pytest fixtures imported from the testing toolkit are used as arguments
"""The control helper: OONI's control format, token authentication, rate limits, and clear JSON
errors for whatever a client sends."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from drm_observatory.probe import control, helper, http, server
from drm_observatory.probe.asn import AsnTable
from drm_observatory.probe.dns import make_resolver
from drm_observatory.testing.fixtures import interruptible, loopback_world  # noqa: F401


def post(url: str, body: bytes, token: str | None, content_type: str = "application/json"):
    headers = [("Content-Type", content_type)]
    if token:
        headers.append(("Authorization", f"Bearer {token}"))
    ex = asyncio.run(
        http.exchange(url, http.Dialer(timeout=10), method="POST", headers=headers, body=body)
    )
    assert ex.failure is None, ex.failure
    return ex.response.status, json.loads(ex.response.body), ex.response


def ask(world, payload: dict):
    return post(world.helper_url, json.dumps(payload).encode(), world.token)


def test_control_reply_has_oonis_shape_with_asns(loopback_world):
    world = loopback_world
    url = world.url("ok.test")
    status, reply, _ = ask(world, {"http_request": url, "tcp_connect": [f"127.0.0.1:{world.port}"]})
    assert status == 200
    assert reply["dns"] == {"addrs": ["127.0.0.1"], "failure": None}
    assert reply["tcp_connect"] == {f"127.0.0.1:{world.port}": {"status": True, "failure": None}}
    tls = reply["tls_handshake"][f"127.0.0.1:{world.port}"]
    assert tls == {"server_name": "ok.test", "status": True, "failure": None}
    page = reply["http_request"]
    assert page["status_code"] == 200 and page["failure"] is None
    assert page["title"] == "Example site for testing"
    assert page["body_length"] > 1000 and page["headers"]["X-Served-By"] == "origin"
    assert reply["ip_info"]["127.0.0.1"]["asn"] == 64512


def test_control_reports_failures_in_oonis_words(loopback_world):
    world = loopback_world
    _, reply, _ = ask(world, {"url": world.url("nx.test")})
    assert reply["dns"] == {"addrs": [], "failure": "dns_name_error"}
    assert reply["http_request"]["failure"] == "dns_nxdomain_error"
    # An endpoint the probe saw: the helper connects to it from outside the censor.
    refused = f"127.0.0.9:{world.port}"
    _, reply, _ = ask(world, {"url": world.url("ok.test"), "tcp_connect": [refused]})
    assert reply["tcp_connect"][refused] == {"status": False, "failure": "connection_refused"}


@pytest.mark.parametrize(
    ("body", "token", "status", "message"),
    [
        (b"{}", None, 401, "bearer token"),
        (b"{}", "wrong-token-wrong-token", 401, "bearer token"),
        (b"not json", "TOKEN", 400, "not JSON"),
        (b"[1, 2]", "TOKEN", 400, "JSON object"),
        (b'{"http_request": 5}', "TOKEN", 400, "http_request"),
        (b'{"http_request": "gopher://x/"}', "TOKEN", 400, "unsupported URL"),
        (b'{"url": "http://a.test/", "tcp_connect": "1.2.3.4:80"}', "TOKEN", 400, "list"),
        (b'{"url": "http://a.test/", "tcp_connect": ["1.2.3.4"]}', "TOKEN", 400, "IP:PORT"),
        (b'{"url": "http://a.test/", "tcp_connect": ["host:80"]}', "TOKEN", 400, "tcp_connect"),
        # Valid JSON under the size limit, nested deeper than the parser recurses: not a 500.
        (b"[" * 8000 + b"]" * 8000, "TOKEN", 400, "nested too deeply"),
        (b'{"a":' * 2500 + b"1" + b"}" * 2500, "TOKEN", 400, "nested too deeply"),
        (
            b'{"url": "http://a.test/", "x_drm_throughput": {"url": "http://a/", "samples": 99}}',
            "TOKEN",
            400,
            "samples",
        ),
    ],
)
def test_bad_requests_get_clear_json_errors(loopback_world, body, token, status, message):
    world = loopback_world
    token = world.token if token == "TOKEN" else token
    got, reply, response = post(world.helper_url, body, token)
    assert got == status
    assert reply["status"] == status and message in reply["error"]
    if status == 401:
        assert response.header("www-authenticate") == "Bearer"


def test_oversized_wrong_method_and_path(loopback_world):
    world = loopback_world
    status, reply, _ = post(world.helper_url, b"{" + b" " * 20000 + b"}", world.token)
    assert status == 413 and "larger than" in reply["error"]
    status, reply, _ = post(
        world.helper_url, b"x=1", world.token, "application/x-www-form-urlencoded"
    )
    assert status == 415
    base = world.helper_url.rsplit("/api", 1)[0]
    ex = asyncio.run(http.exchange(base + "/api/v1/control", http.Dialer(timeout=5)))
    assert ex.response.status == 405 and ex.response.header("allow") == "POST"
    ex = asyncio.run(http.exchange(base + "/admin", http.Dialer(timeout=5)))
    assert ex.response.status == 404


def test_garbage_on_the_socket_never_takes_the_helper_down(loopback_world):
    world = loopback_world
    host, port = "127.0.0.1", int(world.helper_url.split(":")[2].split("/")[0])
    for garbage in (b"\x16\x03\x01\x02\x00" + os.urandom(300), b"GET\r\n\r\n", b"A" * 40000):
        with socket.create_connection((host, port), timeout=5) as sock:
            sock.sendall(garbage)
            sock.shutdown(socket.SHUT_WR)
            answer = sock.recv(4096)
            assert answer == b"" or answer.startswith(b"HTTP/1.1 4")
    status, _, _ = ask(world, {"url": world.url("ok.test")})
    assert status == 200


def control_settings(world, allow_private: bool = False) -> control.ControlSettings:
    """A helper's settings that resolve with the world's honest DNS and trust the system CAs."""
    asns = AsnTable()
    return control.ControlSettings(
        resolver=make_resolver(world.clean_dns.url, asns, 2),
        context=http.tls_context(),
        asns=asns,
        timeout=2,
        allow_private=allow_private,
    )


def test_rate_limit_is_per_token_and_says_when_to_retry(loopback_world):
    world = loopback_world
    service = helper.ControlService(
        {"a" * 20: "alice", "b" * 20: "bob"},
        control_settings(world, allow_private=True),
        helper.RateLimiter(rate=0.01, burst=2),
    )
    server = world.loop.run(service.start("127.0.0.1", 0))
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/api/v1/control"
    body = json.dumps({"url": world.url("nx.test")}).encode()
    try:
        statuses = [post(url, body, "a" * 20)[0] for _ in range(3)]
        assert statuses == [200, 200, 429]
        status, reply, response = post(url, body, "a" * 20)
        assert status == 429 and "rate limit" in reply["error"]
        assert int(response.header("retry-after")) >= 1
        assert post(url, body, "b" * 20)[0] == 200  # another probe is not affected
    finally:
        server.close()


def test_private_addresses_are_refused_unless_allowed(loopback_world):
    world = loopback_world
    request = control.ControlRequest(world.url("ok.test"), [("127.0.0.1", world.port)])
    reply = world.loop.run(control.control_measure(request, control_settings(world)))
    endpoint = f"127.0.0.1:{world.port}"
    assert reply["tcp_connect"][endpoint]["failure"] == "unknown_failure: address not allowed"
    assert reply["http_request"]["failure"] == "unknown_failure: address not allowed"


def test_token_file_format(tmp_path):
    path = tmp_path / "tokens"
    path.write_text("# probes\nkarachi-office 0123456789abcdef0123\nfedcba9876543210fedc\n")
    assert helper.load_tokens(path) == {
        "0123456789abcdef0123": "karachi-office",
        "fedcba9876543210fedc": "token3",
    }
    path.write_text("short\n")
    with pytest.raises(ValueError, match="16"):
        helper.load_tokens(path)


def test_helper_command_serves_until_interrupted(loopback_world, tmp_path):
    world = loopback_world
    tokens = tmp_path / "tokens"
    tokens.write_text("lab " + "t" * 24 + "\n")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = interruptible(
        [
            sys.executable,
            "-m",
            "drm_observatory",
            "helper",
            "--listen",
            f"127.0.0.1:{port}",
            "--tokens",
            str(tokens),
            "--resolver",
            world.clean_dns.url,
            "--ca-file",
            world.ca_file,
            "--allow-private",
            "--timeout",
            "2",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert "control helper on http://127.0.0.1" in process.stderr.readline()
        url = f"http://127.0.0.1:{port}/api/v1/control"
        status, reply, _ = post(url, json.dumps({"url": world.url("ok.test")}).encode(), "t" * 24)
        assert status == 200 and reply["http_request"]["status_code"] == 200
    finally:
        process.send_signal(2)
        assert process.wait(10) in (0, 130)


def test_helper_command_rejects_a_bad_tokens_file(tmp_path):
    missing = tmp_path / "nope"
    done = subprocess.run(
        [sys.executable, "-m", "drm_observatory", "helper", "--tokens", str(missing)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and "nope" in done.stderr


def test_slow_clients_are_cut_off_and_connections_capped(loopback_world):
    world = loopback_world

    async def hello(_request):
        return server.Reply.json(200, {"ok": True})

    srv = world.loop.run(server.serve(hello, "127.0.0.1", 0, timeout=0.5, max_connections=2))
    port = srv.sockets[0].getsockname()[1]
    try:
        # A client trickling a header a byte at a time is disconnected before it finishes.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as slow:
            slow.settimeout(None)  # blocking mode, so MSG_DONTWAIT really does not wait
            slow.sendall(b"POST / HTTP/1.1\r\n")
            sent = 0
            with pytest.raises(ConnectionError):
                for byte in b"X-Trickle: " + b"a" * 100:
                    slow.sendall(bytes([byte]))
                    sent += 1
                    time.sleep(0.1)
                    try:
                        if slow.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                            raise ConnectionResetError("server closed the connection")
                    except BlockingIOError:
                        continue  # still open, nothing to read
            assert 3 < sent < 100
        # Two idle connections fill the cap; the third is told to come back later.
        idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(2)]
        time.sleep(0.1)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as third:
            assert third.recv(100).startswith(b"HTTP/1.1 503")
        for sock in idle:
            sock.close()
    finally:
        srv.close()
