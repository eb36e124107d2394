# ruff: noqa: F811 - pytest fixtures imported from the lab are used as arguments
"""The lab itself: each censor method does to a plain client what it claims to do.

These tests speak DNS, TCP, TLS and HTTP from the client namespace with ordinary sockets,
without the probe, so a wrong probe verdict elsewhere can be told apart from a broken lab.
"""

from __future__ import annotations

import os
import re
import socket
import ssl
import subprocess
import tempfile
from pathlib import Path

import dns.exception
import dns.message
import dns.query
import dns.rcode
import pytest

from drm_observatory.lab import addresses as net
from drm_observatory.lab.censor import Policy
from drm_observatory.lab.fixtures import censorship_lab, lab  # noqa: F401
from drm_observatory.lab.network import Lab, in_namespace, remove_stale_labs

pytestmark = pytest.mark.lab
WAIT = 1.5


def resolve(lab: Lab, name: str) -> tuple[str, list[str]]:
    """(rcode name or "timeout", addresses) for an A query from the client namespace."""

    def query():
        try:
            reply = dns.query.udp(dns.message.make_query(name, "A"), net.RESOLVER, timeout=WAIT)
        except dns.exception.Timeout:
            return "timeout", []
        addresses = [r.address for rrset in reply.answer for r in rrset]
        return dns.rcode.to_text(reply.rcode()), addresses

    return in_namespace(lab.client, query)


def connect(lab: Lab, address: str, port: int) -> str:
    def attempt():
        try:
            socket.create_connection((address, port), timeout=WAIT).close()
        except ConnectionRefusedError:
            return "refused"
        except TimeoutError:
            return "timeout"
        return "ok"

    return in_namespace(lab.client, attempt)


CLOSE = b"Connection: close\r\n\r\n"


def read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def get(lab: Lab, number: int, path: str, tls: bool) -> tuple[str, bytes]:
    """("ok", response), "reset" or "timeout" for a GET of site `number` from the client.

    Over TLS the certificate is validated against the lab's CA, as the probe does.
    """
    host, address = net.site_host(number), net.site_address(number)
    context = ssl.create_default_context(cafile=str(lab.ca_file)) if tls else None

    def attempt():
        try:
            with socket.create_connection((address, 443 if tls else 80), timeout=WAIT) as raw:
                sock = context.wrap_socket(raw, server_hostname=host) if context else raw
                with sock:
                    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n".encode() + CLOSE)
                    return "ok", read_all(sock)
        except ConnectionResetError:
            return "reset", b""
        except TimeoutError:
            return "timeout", b""

    return in_namespace(lab.client, attempt)


def https_get(lab: Lab, number: int, path: str = "/") -> tuple[str, bytes]:
    return get(lab, number, path, tls=True)


def http_get(lab: Lab, number: int, path: str = "/") -> tuple[str, bytes]:
    return get(lab, number, path, tls=False)


def title(response: bytes) -> str:
    match = re.search(rb"<title>(.*?)</title>", response)
    return match.group(1).decode() if match else ""


# -- no interference -------------------------------------------------------------------------


def test_every_site_resolves_to_its_own_address(lab):
    assert resolve(lab, "site-005.lab.test") == ("NOERROR", [net.site_address(5)])
    assert resolve(lab, "site-200.lab.test") == ("NOERROR", [net.site_address(200)])
    assert resolve(lab, "missing.lab.test") == ("NXDOMAIN", [])


def test_sites_serve_their_page_over_http_and_validated_https(lab):
    outcome, plain = http_get(lab, 5)
    assert outcome == "ok" and plain.startswith(b"HTTP/1.1 200")
    outcome, secure = https_get(lab, 5)
    assert outcome == "ok" and secure.startswith(b"HTTP/1.1 200")
    assert title(plain) == title(secure) == "Site 005 in the censorship laboratory"


def test_the_system_resolver_in_the_client_namespace_is_the_labs(lab):
    # getaddrinfo reads /etc/resolv.conf, which `ip netns exec` replaces for the lab.
    found = lab.run(lab.client, "getent", "ahostsv4", "site-007.lab.test")
    assert found.returncode == 0 and net.site_address(7) in found.stdout


def test_down_host_refuses_connections(lab):
    assert resolve(lab, net.DOWN_HOST) == ("NOERROR", [net.DOWN_ADDRESS])
    assert connect(lab, net.DOWN_ADDRESS, 80) == "refused"
    assert connect(lab, net.DOWN_ADDRESS, 443) == "refused"


# -- DNS -------------------------------------------------------------------------------------


def test_dns_nxdomain_is_forged_for_the_blocked_name_only(lab):
    lab.censor.apply(Policy(dns_nxdomain={"site-010.lab.test"}))
    assert resolve(lab, "site-010.lab.test") == ("NXDOMAIN", [])
    assert resolve(lab, "site-011.lab.test") == ("NOERROR", [net.site_address(11)])


@pytest.mark.parametrize("bogus", ["127.0.0.1", "10.200.11.66"])
def test_dns_injection_answers_with_the_bogus_address(lab, bogus):
    lab.censor.apply(Policy(dns_inject={"site-012.lab.test": bogus}))
    assert resolve(lab, "site-012.lab.test") == ("NOERROR", [bogus])


def test_racing_injection_arrives_before_the_real_answer(lab):
    lab.censor.apply(Policy(dns_race={"site-015.lab.test": "10.200.11.66"}))
    query = dns.message.make_query("site-015.lab.test", "A")

    def both_replies():
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.settimeout(WAIT)
            sock.sendto(query.to_wire(), (net.RESOLVER, 53))
            return [dns.message.from_wire(sock.recv(4096)) for _ in range(2)]

    first, second = in_namespace(lab.client, both_replies)
    assert first.id == second.id == query.id
    assert [r.address for r in first.answer[0]] == ["10.200.11.66"]
    assert [r.address for r in second.answer[0]] == [net.site_address(15)]
    assert resolve(lab, "site-015.lab.test") == ("NOERROR", ["10.200.11.66"])


def test_dns_drop_leaves_the_query_unanswered(lab):
    lab.censor.apply(Policy(dns_drop={"site-013.lab.test"}))
    assert resolve(lab, "site-013.lab.test") == ("timeout", [])
    assert resolve(lab, "site-014.lab.test")[0] == "NOERROR"


# -- TCP -------------------------------------------------------------------------------------


def test_tcp_reset_refuses_and_tcp_drop_times_out(lab):
    lab.censor.apply(Policy(tcp_reset={net.site_address(20)}, tcp_drop={net.site_address(21)}))
    assert connect(lab, net.site_address(20), 443) == "refused"
    assert connect(lab, net.site_address(21), 443) == "timeout"
    assert connect(lab, net.site_address(22), 443) == "ok"


# -- TLS -------------------------------------------------------------------------------------


def test_tls_reset_and_drop_follow_the_server_name(lab):
    lab.censor.apply(Policy(tls_reset={net.site_host(30)}, tls_drop={net.site_host(31)}))
    assert connect(lab, net.site_address(30), 443) == "ok"  # TCP passes; the hello is judged
    assert https_get(lab, 30)[0] == "reset"
    assert https_get(lab, 31)[0] == "timeout"
    outcome, response = https_get(lab, 32)  # relayed by the middlebox, certificate intact
    assert outcome == "ok" and title(response).startswith("Site 032")


# -- HTTP ------------------------------------------------------------------------------------


def test_http_block_page_and_reset_follow_the_host_header(lab):
    lab.censor.apply(Policy(http_blockpage={net.site_host(40)}, http_reset={net.site_host(41)}))
    outcome, page = http_get(lab, 40)
    assert outcome == "ok" and title(page) == "Access restricted by order"
    assert http_get(lab, 41)[0] == "reset"
    outcome, page = http_get(lab, 42)
    assert outcome == "ok" and title(page).startswith("Site 042")
    assert https_get(lab, 40)[0] == "ok"  # HTTPS is not inspected by the HTTP proxy


# -- throttling ------------------------------------------------------------------------------


def class_bytes(lab: Lab) -> dict[str, int]:
    shown = lab.run(lab.censor_ns, "tc", "-s", "class", "show", "dev", net.CENSOR_CLIENT_IF)
    sent = re.findall(r"class htb (\S+) .*?\n\s*Sent (\d+) bytes", shown.stdout)
    return {classid: int(count) for classid, count in sent}


def test_throttle_shapes_the_sites_traffic_through_its_own_rate_limited_class(lab):
    lab.censor.apply(Policy(throttle_kbit={net.site_address(50): 4000}))
    outcome, body = http_get(lab, 50, "/bytes/200000")
    assert outcome == "ok" and len(body) > 200_000
    outcome, _ = http_get(lab, 51, "/bytes/200000")
    counted = class_bytes(lab)
    assert counted["1:10"] > 200_000  # the throttled class carried site 50's download
    assert counted["1:1"] > 200_000  # and the default class the other site's
    rate = lab.run(lab.censor_ns, "tc", "class", "show", "dev", net.CENSOR_CLIENT_IF).stdout
    assert re.search(r"class htb 1:10 .*rate 4Mbit ceil 4Mbit", rate)


# -- the helper's path and the lab's own hygiene ------------------------------------------------


def test_the_helper_is_reachable_whatever_the_censor_does(lab):
    everything = Policy(
        tcp_drop=set(net.site_addresses()),
        dns_drop={net.site_host(1)},
        tls_drop={net.site_host(1)},
        http_reset={net.site_host(1)},
    )
    lab.censor.apply(everything)
    listener = in_namespace(lab.helper, lambda: socket.create_server((net.HELPER, 9999)))
    try:
        assert connect(lab, net.HELPER, 9999) == "ok"
    finally:
        listener.close()


def namespace_names() -> str:
    return subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout


def test_a_lab_removes_everything_it_made_even_when_the_test_fails(censorship_lab):
    with pytest.raises(RuntimeError, match="test failed"), Lab() as extra:
        names, workdir = list(extra.namespaces), extra.workdir
        pids = [process.pid for process in extra.processes]
        assert all(name in namespace_names() for name in names)
        raise RuntimeError("test failed inside the lab")
    listed = namespace_names()
    assert not any(name in listed for name in names)
    assert not any(Path(f"/etc/netns/{name}").exists() for name in names)
    assert not workdir.exists()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_labs_left_behind_by_a_dead_process_are_removed(censorship_lab):
    finished = subprocess.Popen(["true"])
    finished.wait()
    orphan = f"drmlab{finished.pid}-1-client"
    subprocess.run(["ip", "netns", "add", orphan], check=True)
    workdir = Path(tempfile.mkdtemp(prefix=f"drmlab{finished.pid}-1-"))
    remove_stale_labs()
    assert orphan not in namespace_names()
    assert not workdir.exists()
    assert censorship_lab.client in namespace_names()  # a live lab is left alone


def test_the_middlebox_relays_what_it_cannot_read_and_survives_it(lab):
    lab.censor.apply(Policy(tls_reset={net.site_host(60)}, http_reset={net.site_host(60)}))
    junk = [
        b"",  # connect and close
        b"\x16\x03\x01\x00\x05\x01\x00",  # a hello cut short
        b"\x16\x03\x01\xff\xff" + bytes(300),  # an impossible record length
        bytes(range(256)) * 8,
        b"GET / HTTP/1.1\r\nHost: " + b"h" * 70_000 + b"\r\n\r\n",  # past the peek limit
    ]

    def send_junk():
        for port in (443, 80):
            for payload in junk:
                with socket.create_connection((net.site_address(61), port), timeout=WAIT) as s:
                    s.sendall(payload)
                    s.shutdown(socket.SHUT_WR)
                    try:
                        read_all(s)
                    except (ConnectionResetError, TimeoutError):
                        pass

    in_namespace(lab.client, send_junk)
    assert https_get(lab, 61)[0] == "ok"
    assert http_get(lab, 61)[0] == "ok"
    assert https_get(lab, 60)[0] == "reset"
    assert all(process.poll() is None for process in lab.processes)
