"""One Web Connectivity measurement per URL, in OONI's format, many URLs at a time.

`measure_urls(urls, config)` is the Python API the CLI and the censorship lab share: it yields
each measurement (a dict ready for `json.dumps`) as soon as it is complete.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import secrets
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from drm_observatory.analysis.comparison import COMPARISON_KEYS
from drm_observatory.analysis.fingerprints import FingerprintIndex
from drm_observatory.analysis.verdict import decide
from drm_observatory.probe import control, http, steps, throttle
from drm_observatory.probe.asn import AsnTable
from drm_observatory.probe.dns import Lookup, Resolver, is_ip, make_resolver
from drm_observatory.probe.failures import ProbeFailure
from drm_observatory.probe.watchlist import THROTTLE_ASSETS

TEST_NAME = "web_connectivity"
TEST_VERSION = "0.4.3"
SOFTWARE_NAME = "drmonitor-probe"
SOFTWARE_VERSION = "0.1.0"


@dataclass
class ProbeConfig:
    """Everything a measurement run needs; the CLI builds it from flags, the lab from Python."""

    resolver: str | None = None  # the second resolver: https://..., tls://..., udp://...
    system_resolver: str | None = None  # None/"system" = getaddrinfo; else a DNS server URL
    ca_file: str | None = None
    timeout: float = 10.0
    parallel: int = 16
    control_url: str | None = None
    control_token: str | None = None
    probe_cc: str = "ZZ"
    probe_asn: str = "AS0"
    probe_network_name: str = ""
    asn_file: str | None = None
    max_body: int = 1 << 20
    max_redirects: int = 10
    throttle_assets: dict[str, str] = field(default_factory=lambda: dict(THROTTLE_ASSETS))
    throttle_samples: int = 3
    throttle_ratio: float = throttle.DEFAULT_RATIO
    throttle_seconds: float = 8.0
    throttle_bytes: int = 8 << 20
    report_id: str | None = None
    source_address: str | None = None  # bind outgoing connections (a chosen uplink)
    fingerprints: FingerprintIndex | None = None  # None: fingerprints.default()


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def new_report_id(config: ProbeConfig) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    asn = config.probe_asn.upper().removeprefix("AS") or "0"
    return f"{stamp}_{TEST_NAME.replace('_', '')}_{config.probe_cc}_{asn}_n1_{secrets.token_hex(8)}"


def new_measurement_uid(cc: str) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S.%f")
    return f"{stamp}_{cc}_webconnectivity_{secrets.token_hex(8)}"


class Session:
    """State shared by the URLs of one run: resolvers, TLS trust, ASN table, report id."""

    def __init__(self, config: ProbeConfig) -> None:
        self.config = config
        self.asns = AsnTable.load(config.asn_file)
        self.context = http.tls_context(config.ca_file)
        self.primary: Resolver = make_resolver(
            config.system_resolver,
            self.asns,
            config.timeout,
            config.ca_file,
            config.source_address,
        )
        self.second: Resolver | None = (
            make_resolver(
                config.resolver, self.asns, config.timeout, config.ca_file, config.source_address
            )
            if config.resolver
            else None
        )
        self.report_id = config.report_id or new_report_id(config)
        self.test_start_time = now_utc()


async def measure_url(url: str, session: Session) -> dict:
    """Measure one URL; never raises (every failure is recorded in the measurement)."""
    config = session.config
    clock = time.monotonic()
    start_time = now_utc()
    keys = _empty_test_keys(config)
    try:
        target = http.Target.parse(url)
    except ProbeFailure as exc:
        keys["http_experiment_failure"] = exc.failure
        keys["control_failure"] = "unknown_failure: not measured"
        return _finish(url, session, keys, start_time, clock)

    # DNS: the primary (system) resolver drives the measurement; the second one is evidence.
    if is_ip(target.host):
        lookup = Lookup([target.host], None, [])
        second = None
    else:
        jobs = [session.primary.lookup(target.host, clock)]
        if session.second is not None:
            jobs.append(session.second.lookup(target.host, clock))
        found = await asyncio.gather(*jobs)
        lookup, second = found[0], (found[1] if len(found) > 1 else None)
        if session.primary.engine != "system":
            # A configured DNS server stands in for the system resolver (labs, pinned vantage
            # points): record it as getaddrinfo would, so readers treat it as the probe's own.
            lookup.queries = _as_system(lookup)
        keys["queries"] = lookup.queries + (second.queries if second else [])
    keys["dns_experiment_failure"] = lookup.failure
    if second is not None:
        keys["x_drm_second_resolver"] = {
            "resolver": session.second.address,
            "engine": session.second.engine,
            "addrs": second.addresses,
            "failure": second.failure,
            # Disagreement with an encrypted resolver points at the local resolver (ISP DNS).
            "agrees_with_system": (
                bool(set(second.addresses) & set(lookup.addresses))
                or (second.failure is not None and second.failure == lookup.failure)
            ),
        }

    endpoints = [steps.endpoint(ip, target.port) for ip in lookup.addresses]
    asset = config.throttle_assets.get(target.host)
    throughput_request = {"url": asset, "samples": config.throttle_samples} if asset else None
    control_task = asyncio.create_task(_ask_control(url, endpoints, session, throughput_request))

    sni = target.host if target.scheme == "https" else None
    # The connectivity steps and the page fetch run side by side: a stalled endpoint costs one
    # timeout, not two.
    dialer = http.Dialer(
        context=session.context, timeout=config.timeout, source=config.source_address, clock=clock
    )
    connects = steps.connect_all(lookup.addresses, target.port, dialer, server_name=sni)
    (tcp, tls), chain = await asyncio.gather(connects, _fetch(url, target, lookup, session, dialer))
    keys["tcp_connect"] = tcp
    keys["tls_handshakes"] = tls or None
    keys["requests"] = [steps.request_entry(ex) for ex in reversed(chain)]
    keys["http_experiment_failure"] = chain[-1].failure

    probe_samples = None
    if asset:
        probe_samples = await throttle.sample(
            asset,
            replace(dialer, resolve=_resolver_for(session, clock)),
            samples=config.throttle_samples,
            seconds=config.throttle_seconds,
            max_bytes=config.throttle_bytes,
        )
    ctrl, ctrl_failure = await control_task
    keys["control"] = ctrl or {}
    keys["control_failure"] = ctrl_failure
    if asset:
        ctrl_samples = (ctrl or {}).get("x_drm_throughput") or []
        verdict = throttle.judge(
            probe_samples or [],
            ctrl_samples,
            ratio=config.throttle_ratio,
            min_samples=config.throttle_samples,
        )
        keys["x_drm_throughput"] = {
            "asset": asset,
            "probe": probe_samples,
            "control": ctrl_samples,
            **verdict,
        }
        keys["x_drm"] = {
            "throttling": {"throttled": verdict["throttled"], "explanation": verdict["explanation"]}
        }
    return _finish(url, session, keys, start_time, clock)


async def _fetch(
    url: str, target: http.Target, lookup: Lookup, session: Session, dialer: http.Dialer
) -> list[http.Exchange]:
    """The HTTP(S) GET with redirects, starting from the addresses the primary resolver gave."""
    config = session.config
    if lookup.failure:
        # Like OONI's v0.4 engine: the HTTP step resolves the name itself and fails the same way.
        ex = http.Exchange(url, "GET", [("Host", target.host_header), *http.BROWSER_HEADERS])
        ex.failure = lookup.failure
        ex.t0 = ex.t_done = time.monotonic() - dialer.start()
        return [ex]

    async def resolve(host: str) -> list[str]:
        if host == target.host:
            return lookup.addresses
        again = await session.primary.lookup(host, dialer.start())
        if again.failure:
            raise ProbeFailure(again.failure)
        return again.addresses

    return await http.follow(
        url,
        replace(dialer, resolve=resolve),
        max_body=config.max_body,
        max_redirects=config.max_redirects,
    )


def _as_system(lookup: Lookup) -> list[dict]:
    """One A entry carrying the lookup's failure, plus AAAA only when it has answers."""
    out = []
    for query in lookup.queries:
        query["engine"] = "system"
        if query["query_type"] == "A":
            query["failure"] = lookup.failure
            out.append(query)
        elif query["answers"]:
            query["failure"] = None
            out.append(query)
    return out


def _resolver_for(session: Session, clock: float) -> http.Resolve:
    async def resolve(host: str) -> list[str]:
        found = await session.primary.lookup(host, clock)
        if found.failure:
            raise ProbeFailure(found.failure)
        return found.addresses

    return resolve


async def _ask_control(
    url: str, endpoints: list[str], session: Session, throughput: dict | None
) -> tuple[dict | None, str | None]:
    config = session.config
    if not config.control_url:
        return None, "unknown_failure: no control helper configured"
    return await control.ask(
        config.control_url,
        config.control_token,
        url,
        endpoints,
        context=session.context,
        timeout=config.timeout,
        throughput=throughput,
    )


def _empty_test_keys(config: ProbeConfig) -> dict:
    """The raw observations only: the comparison keys and the verdict come from decide()."""
    return {
        "agent": "redirect",
        "client_resolver": None,
        "retries": None,
        "socksproxy": None,
        "queries": [],
        "tcp_connect": [],
        "tls_handshakes": None,
        "requests": [],
        "control": {},
        "control_failure": None,
        "dns_experiment_failure": None,
        "http_experiment_failure": None,
    }


def _finish(url: str, session: Session, keys: dict, start_time: str, clock: float) -> dict:
    config = session.config
    measurement = {
        "annotations": {"engine_name": SOFTWARE_NAME, "engine_version": SOFTWARE_VERSION},
        "data_format_version": "0.2.0",
        "input": url,
        # OONI's envelope: no input files hashed, no options set (both lists in probe-cli).
        "input_hashes": [],
        "measurement_start_time": start_time,
        "measurement_uid": new_measurement_uid(config.probe_cc),
        "probe_asn": config.probe_asn,
        "probe_cc": config.probe_cc,
        "probe_ip": "127.0.0.1",
        "probe_network_name": config.probe_network_name,
        "report_id": session.report_id,
        # OONI's placeholders for "resolver not discovered", unless we were told which one.
        "resolver_asn": "AS0",
        "resolver_ip": _resolver_ip(session),
        "resolver_network_name": "",
        "options": [],
        "software_name": SOFTWARE_NAME,
        "software_version": SOFTWARE_VERSION,
        "test_helpers": (
            {"backend": {"address": config.control_url, "type": "https"}}
            if config.control_url
            else {}
        ),
        "test_name": TEST_NAME,
        "test_runtime": round(time.monotonic() - clock, 6),
        "test_start_time": session.test_start_time,
        "test_version": TEST_VERSION,
        "test_keys": keys,
    }
    # decide() computes the comparison keys from the raw observations.
    verdict = decide(measurement, database=config.fingerprints)
    for name in COMPARISON_KEYS:
        keys[name] = getattr(verdict, name)
    if keys["body_proportion"] is None:
        keys["body_proportion"] = 0  # OONI's engines write 0 when there is nothing to compare
    keys["blocking"] = verdict.blocking
    keys["accessible"] = verdict.accessible
    keys["x_drm_explanation"] = verdict.explanation
    keys["x_drm_rule"] = verdict.rule
    keys["x_drm_verdict"] = {
        "blocking": verdict.our_blocking,
        "accessible": verdict.our_accessible,
        "rule": verdict.our_rule or verdict.rule,
        "blockpages": [
            {"name": m.name, "scope": m.scope, "confirmed": m.confirmed, "location": m.location}
            for m in verdict.blockpages
        ],
    }
    return measurement


def _resolver_ip(session: Session) -> str:
    host = getattr(session.primary, "host", "")
    return host if is_ip(host) else "127.0.0.2"


async def measure_urls(
    urls: Iterable[str], config: ProbeConfig, session: Session | None = None
) -> AsyncIterator[dict]:
    """Measure URLs with at most `config.parallel` in flight; yield each as it completes.

    Cancelling the consumer cancels the measurements in flight; completed ones were yielded.
    """
    session = session or Session(config)
    pending: set[asyncio.Task] = set()
    queue = iter(urls)
    try:
        while True:
            while len(pending) < max(1, config.parallel):
                url = next(queue, None)
                if url is None:
                    break
                pending.add(asyncio.create_task(measure_url(url, session)))
            if not pending:
                return
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


def read_inputs(path: str | Path) -> list[str]:
    """A URL list file: one URL a line, `#` comments; or OONI's JSON list of {"url": ...}."""
    text = Path(path).read_text()
    if text.lstrip().startswith("["):
        data = json.loads(text)
        return [item["url"] if isinstance(item, dict) else str(item) for item in data]
    return [
        line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()
    ]
