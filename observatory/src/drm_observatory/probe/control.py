"""The control measurement: what the helper does from outside the censored network, and the
probe's side of asking for it.

Request (JSON, POST): {"http_request": URL (or "url": URL), "tcp_connect": ["ip:port", ...],
"x_drm_throughput": {"url": URL, "samples": N}}. Reply: OONI's control format (dns, tcp_connect,
tls_handshake, http_request, ip_info) plus `x_drm_throughput` samples when asked.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import ssl
import time
from dataclasses import dataclass, field, replace

from drm_observatory.analysis.testkeys import is_bogon
from drm_observatory.probe import http, steps, throttle
from drm_observatory.probe.asn import AsnTable
from drm_observatory.probe.dns import Resolver, is_ip
from drm_observatory.probe.failures import ProbeFailure

MAX_ENDPOINTS = 32
MAX_URL = 2048
MAX_SAMPLES = 5
# Private and loopback addresses: refusing them keeps the helper from probing its own network.
NOT_ALLOWED = "unknown_failure: address not allowed"


class BadRequest(ValueError):
    """A control request the helper refuses; the message is shown to the client."""


@dataclass
class ControlRequest:
    url: str
    endpoints: list[tuple[str, int]] = field(default_factory=list)
    throughput_url: str | None = None
    samples: int = 0


def parse_control_request(body: bytes) -> ControlRequest:
    """Validate a request body; BadRequest with a clear message for anything malformed."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"body is not JSON: {exc}") from exc
    except RecursionError as exc:  # 16 KiB of "[" is valid JSON nested too deep to parse
        raise BadRequest("body is JSON nested too deeply to be a control request") from exc
    if not isinstance(data, dict):
        raise BadRequest("body must be a JSON object")
    url = data.get("http_request", data.get("url"))
    if not isinstance(url, str) or not url or len(url) > MAX_URL:
        raise BadRequest("http_request (the URL) must be a string of 1-2048 characters")
    try:
        http.Target.parse(url)
    except http.ProbeFailure as exc:
        raise BadRequest(f"http_request: {exc.failure}") from exc
    raw = data.get("tcp_connect", [])
    if not isinstance(raw, list) or len(raw) > MAX_ENDPOINTS:
        raise BadRequest(f"tcp_connect must be a list of at most {MAX_ENDPOINTS} 'ip:port'")
    endpoints = []
    for item in raw:
        if not isinstance(item, str):
            raise BadRequest("tcp_connect entries must be 'ip:port' strings")
        try:
            ip, port = steps.split_endpoint(item)
            ipaddress.ip_address(ip)
        except ValueError as exc:
            raise BadRequest(f"tcp_connect: {exc}") from exc
        if (ip, port) not in endpoints:
            endpoints.append((ip, port))
    request = ControlRequest(url, endpoints)
    extra = data.get("x_drm_throughput")
    if extra is not None:
        if not isinstance(extra, dict) or not isinstance(extra.get("url"), str):
            raise BadRequest("x_drm_throughput must be {url, samples}")
        samples = extra.get("samples", 3)
        if (
            not isinstance(samples, int)
            or isinstance(samples, bool)
            or not (1 <= samples <= MAX_SAMPLES)
        ):
            raise BadRequest(f"x_drm_throughput.samples must be 1-{MAX_SAMPLES}")
        try:
            http.Target.parse(extra["url"])
        except http.ProbeFailure as exc:
            raise BadRequest(f"x_drm_throughput.url: {exc.failure}") from exc
        request.throughput_url, request.samples = extra["url"], samples
    return request


def th_dns_failure(failure: str | None) -> str | None:
    """OONI's test helper reports NXDOMAIN as dns_name_error and an empty answer as no failure."""
    if failure is None or failure == "dns_no_answer":
        return None
    if failure == "dns_nxdomain_error":
        return "dns_name_error"
    return "dns_server_failure"


@dataclass
class ControlSettings:
    resolver: Resolver
    context: ssl.SSLContext
    asns: AsnTable
    timeout: float = 10.0
    max_body: int = 1 << 20
    allow_private: bool = False
    throughput_seconds: float = 8.0
    throughput_bytes: int = 8 << 20


async def control_measure(request: ControlRequest, settings: ControlSettings) -> dict:
    """Repeat the probe's steps from here and answer in OONI's control format."""
    clock = time.monotonic()
    target = http.Target.parse(request.url)
    if is_ip(target.host):
        addrs, dns_failure = [target.host], None
    else:
        lookup = await settings.resolver.lookup(target.host, clock)
        addrs, dns_failure = lookup.addresses, lookup.failure

    def allowed(ip: str) -> bool:
        return settings.allow_private or not is_bogon(ip)

    def permitted_only(found: list[str]) -> list[str]:
        keep = [ip for ip in found if allowed(ip)]
        if found and not keep:
            raise ProbeFailure(NOT_ALLOWED)
        return keep

    wanted = list(request.endpoints) or [(ip, target.port) for ip in addrs]
    sni = target.host if target.scheme == "https" else None
    permitted = [(ip, port) for ip, port in wanted if allowed(ip)]
    dialer = http.Dialer(context=settings.context, timeout=settings.timeout, clock=clock)
    connects = asyncio.gather(
        *(
            steps.connect_endpoint(
                ip, port, dialer, server_name=sni if port == target.port or port == 443 else None
            )
            for ip, port in permitted
        )
    )

    async def resolve(host: str) -> list[str]:
        if host == target.host:
            if dns_failure and not addrs:
                raise ProbeFailure(dns_failure)
            return permitted_only(addrs)
        found = await settings.resolver.lookup(host, clock)
        if found.failure and not found.addresses:
            raise ProbeFailure(found.failure)
        return permitted_only(found.addresses)

    dialer = replace(dialer, resolve=resolve)
    chain_task = http.follow(request.url, dialer, max_body=settings.max_body)
    results, chain = await asyncio.gather(connects, chain_task)
    tcp_connect: dict[str, dict] = {}
    tls_handshake: dict[str, dict] = {}
    for ip, port in wanted:
        if not allowed(ip):
            tcp_connect[steps.endpoint(ip, port)] = {
                "status": False,
                "failure": NOT_ALLOWED,
            }
    for tcp, tls in results:
        key = steps.endpoint(tcp["ip"], tcp["port"])
        tcp_connect[key] = {"status": tcp["status"]["success"], "failure": tcp["status"]["failure"]}
        if tls is not None:
            tls_handshake[key] = {
                "server_name": tls["server_name"],
                "status": tls["failure"] is None,
                "failure": tls["failure"],
            }
    final = chain[-1]
    response = final.response
    reply: dict = {
        "dns": {"addrs": addrs, "failure": th_dns_failure(dns_failure)},
        "tcp_connect": tcp_connect,
        "tls_handshake": tls_handshake,
        "quic_handshake": {},
        "http_request": {
            "body_length": len(response.body) if response and not final.failure else -1,
            "discovered_h3_endpoint": "",
            "failure": final.failure,
            "title": response.title if response and not final.failure else "",
            "headers": response.headers if response and not final.failure else {},
            "status_code": response.status if response and not final.failure else -1,
        },
        "ip_info": {ip: {"asn": settings.asns.lookup(ip)[0], "flags": 1} for ip in addrs},
    }
    if request.throughput_url:
        reply["x_drm_throughput"] = await throttle.sample(
            request.throughput_url,
            dialer,
            samples=request.samples,
            seconds=settings.throughput_seconds,
            max_bytes=settings.throughput_bytes,
        )
    return reply


def parse_control_reply(data: object) -> dict:
    """Check the shape of a helper's reply before the probe trusts it; ValueError if wrong."""
    if not isinstance(data, dict):
        raise ValueError("control reply is not a JSON object")
    for key in ("dns", "tcp_connect", "http_request"):
        if not isinstance(data.get(key), dict):
            raise ValueError(f"control reply lacks the {key} object")
    dns_part = data["dns"]
    addrs = dns_part.get("addrs")
    if addrs is not None and (
        not isinstance(addrs, list) or not all(isinstance(a, str) for a in addrs)
    ):
        raise ValueError("control dns.addrs is not a list of strings")
    if not isinstance(dns_part.get("failure"), str | None):
        raise ValueError("control dns.failure is not a string")
    for key, value in data["tcp_connect"].items():
        if not isinstance(value, dict) or not isinstance(value.get("status"), bool):
            raise ValueError(f"control tcp_connect[{key[:60]}] has no boolean status")
    req = data["http_request"]
    if not isinstance(req.get("status_code", -1), int) or not isinstance(
        req.get("body_length", -1), int
    ):
        raise ValueError("control http_request status_code/body_length are not integers")
    if not isinstance(req.get("headers", {}), dict) or not isinstance(req.get("title", ""), str):
        raise ValueError("control http_request headers/title have the wrong type")
    samples = data.get("x_drm_throughput")
    if samples is not None and (
        not isinstance(samples, list) or not all(isinstance(s, dict) for s in samples)
    ):
        raise ValueError("control x_drm_throughput is not a list of samples")
    return data


async def ask(
    control_url: str,
    token: str | None,
    url: str,
    endpoints: list[str],
    *,
    context: ssl.SSLContext,
    timeout: float,
    throughput: dict | None = None,
) -> tuple[dict | None, str | None]:
    """(control, control_failure): the helper's reply, or the reason there is none."""
    body: dict = {"http_request": url, "tcp_connect": endpoints}
    if throughput:
        body["x_drm_throughput"] = throughput
    headers = [("Content-Type", "application/json"), ("Accept", "application/json")]
    if token:
        headers.append(("Authorization", f"Bearer {token}"))
    # The helper repeats every step, so give it their combined budget.
    budget = timeout * 4 + (throughput or {}).get("samples", 0) * (timeout + 10)
    ex = await http.exchange(
        control_url,
        http.Dialer(context=context, timeout=budget),
        method="POST",
        headers=headers,
        body=json.dumps(body).encode(),
        max_body=4 << 20,
    )
    if ex.failure:
        return None, ex.failure
    assert ex.response is not None
    if ex.response.status != 200:
        detail = ex.response.body[:200].decode("utf-8", "replace")
        return None, f"unknown_failure: control answered HTTP {ex.response.status}: {detail}"
    try:
        return parse_control_reply(json.loads(ex.response.body)), None
    except (ValueError, UnicodeDecodeError) as exc:
        return None, f"unknown_failure: malformed control reply: {exc}"
