"""The per-endpoint steps both the probe and the control helper run: TCP connect, TLS handshake.

Sharing them keeps the two vantage points comparable: same timeouts, same validation, same
failure strings.
"""

from __future__ import annotations

import asyncio
import time

from drm_observatory.probe import http
from drm_observatory.probe.failures import classify


def endpoint(ip: str, port: int) -> str:
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


def split_endpoint(text: str) -> tuple[str, int]:
    """'1.2.3.4:443' or '[2001:db8::1]:443' -> (ip, port); ValueError when malformed."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not (0 < int(port) < 65536):
        raise ValueError(f"endpoint {text[:60]!r} is not IP:PORT")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    return host, int(port)


async def connect_endpoint(
    ip: str, port: int, dialer: http.Dialer, *, server_name: str | None
) -> tuple[dict, dict | None]:
    """TCP connect to ip:port, then (when server_name is given) a TLS handshake with that SNI.

    Returns OONI's tcp_connect entry and tls_handshakes entry (None without TLS or when TCP
    failed).
    """
    clock, timeout = dialer.start(), dialer.timeout
    t0 = time.monotonic() - clock
    writer = None
    tcp_failure = None
    try:
        _reader, writer = await http.open_connection(ip, port, timeout, dialer.source)
    except Exception as exc:  # noqa: BLE001 - recorded as an OONI failure
        tcp_failure = classify(exc)
    t = time.monotonic() - clock
    tcp = {
        "ip": ip,
        "port": port,
        "status": {"blocked": None, "failure": tcp_failure, "success": tcp_failure is None},
        "t0": round(t0, 6),
        "t": round(t, 6),
    }
    if writer is None or server_name is None:
        http.close(writer)
        return tcp, None
    tls: dict = {
        "address": endpoint(ip, port),
        "server_name": server_name,
        "failure": None,
        "no_tls_verify": False,
        "t0": round(t, 6),
    }
    try:
        await http.start_tls(writer, dialer.context or http.tls_context(), server_name, timeout)
        tls.update(http.tls_summary(writer, server_name))
    except Exception as exc:  # noqa: BLE001 - recorded as an OONI failure
        tls["failure"] = classify(exc)
        tls.update(
            {
                "tls_version": None,
                "cipher_suite": None,
                "negotiated_protocol": "",
                "peer_certificates": [],
            }
        )
    finally:
        http.close(writer)
    tls["t"] = round(time.monotonic() - clock, 6)
    return tcp, tls


async def connect_all(
    addresses: list[str], port: int, dialer: http.Dialer, *, server_name: str | None
) -> tuple[list[dict], list[dict]]:
    connects = (connect_endpoint(ip, port, dialer, server_name=server_name) for ip in addresses)
    results = await asyncio.gather(*connects)
    return [tcp for tcp, _ in results], [tls for _, tls in results if tls is not None]


def request_entry(ex: http.Exchange) -> dict:
    """OONI's `requests[]` entry for one exchange."""
    response: dict = {
        "body": None,
        "body_is_truncated": False,
        "code": 0,
        "headers": {},
        "headers_list": [],
    }
    if ex.response is not None:
        r = ex.response
        response = {
            "body": http.body_json(r.body),
            "body_is_truncated": r.truncated,
            "code": r.status,
            "headers": r.headers,
            "headers_list": [list(pair) for pair in r.headers_list],
        }
    return {
        "failure": ex.failure,
        "request": {
            "body": "",
            "body_is_truncated": False,
            "headers": dict(ex.request_headers),
            "headers_list": [list(pair) for pair in ex.request_headers],
            "method": ex.method,
            "tor": {"exit_ip": None, "exit_name": None, "is_tor": False},
            "x_transport": "tcp",
            "url": ex.url,
        },
        "response": response,
        "t0": round(ex.t0, 6),
        "t": round(ex.t_done, 6),
        "x_drm_address": ex.address,
        "x_drm_timings": {
            "connect": _r(ex.t_connect),
            "tls": _r(ex.t_tls),
            "first_byte": _r(ex.t_first_byte),
            "done": _r(ex.t_done),
        },
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 6)
