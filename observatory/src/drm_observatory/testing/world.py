"""A whole censored-and-clean world on loopback, for tests and benchmarks.

Two DNS servers give two views: the *clean* zone (what the control helper and the DoH resolver
see) and the *censored* zone (what the probe's own resolver answers). Every name resolves to
127.0.0.1 unless the censored zone says otherwise, and the "interfering" answers point at other
loopback addresses on the same port where a misbehaving peer waits: a resetter, a staller, a
blackhole, a TLS server with the wrong certificate, a block page, a throttled copy of an asset.
The address table puts 127.0.0.0/16 in one ASN, so those answers still look DNS-consistent, as a
transparent middlebox's would; 127.66.0.0/16 is a different ASN (a lying resolver).

The servers run on an event loop in a background thread (`LoopThread`), so a test can drive the
probe with asyncio.run() or as a subprocess.
"""

from __future__ import annotations

import asyncio
import secrets
import shutil
import tempfile
import threading
from pathlib import Path

from drm_observatory.probe import control, helper, http
from drm_observatory.probe.asn import AsnTable
from drm_observatory.probe.dns import make_resolver
from drm_observatory.probe.measure import ProbeConfig
from drm_observatory.testing.ca import CertificateAuthority
from drm_observatory.testing.dns_server import DNSServer, Zone
from drm_observatory.testing.ingest import IngestServer
from drm_observatory.testing.raw import Blackhole, Middlebox
from drm_observatory.testing.web import WebServer, page

NAMES = [
    "ok.test",
    "plain.test",
    "nx.test",
    "dnsblock.test",
    "lie.test",
    "noanswer.test",
    "servfail.test",
    "dnsdrop.test",
    "reset.test",
    "hang.test",
    "refused.test",
    "drop.test",
    "wrongname.test",
    "unknownca.test",
    "blockpage.test",
    "cdn.test",
    "fastcdn.test",
    "throttled.test",
    "fast.test",
    "redirect.test",
    "loop.test",
    "drip.test",
    "chunked.test",
]

# Where the censored resolver sends each interfered name (same port as the real site).
INTERFERENCE = {
    "dnsblock.test": "nxdomain",
    "noanswer.test": "noanswer",
    "servfail.test": "servfail",
    "dnsdrop.test": "drop",
    "lie.test": ["127.66.0.1"],
    "reset.test": ["127.0.0.7"],
    "hang.test": ["127.0.0.8"],
    "refused.test": ["127.0.0.9"],
    "drop.test": ["127.0.0.10"],
    "wrongname.test": ["127.0.0.11"],
    "unknownca.test": ["127.0.0.12"],
    "blockpage.test": ["127.0.0.13"],
    "cdn.test": ["127.0.0.15"],
}

ASN_TABLE = "127.0.0.0/16 AS64512 Loopback Lab\n127.66.0.0/16 AS64666 Lying Resolver\n"
ASSET_SIZE = 2_000_000
THROTTLED_PACE = 150_000  # bytes per second
REAL_TEXT = "The real page, as the control sees it. " * 40
PROBE_SOURCE = "127.0.0.2"  # the probe's address: middleboxes interfere with it only


class LoopThread:
    """An asyncio loop in a daemon thread; `run(coro)` executes a coroutine there."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro, timeout: float = 60):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class LoopbackWorld:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="drm-world-"))
        self.token = secrets.token_hex(16)
        self.ingest_token = secrets.token_hex(16)
        self.ca = CertificateAuthority()
        self.ca_file = str(self.ca.write(self.dir))
        self.asn_file = str(self.dir / "asn.txt")
        Path(self.asn_file).write_text(ASN_TABLE)
        self.loop = LoopThread()
        self.servers: list = []
        self.loop.run(self._start())

    async def _start(self) -> None:
        d = self.dir
        self.clean = Zone({"nx.test": "nxdomain"}, default=["127.0.0.1"])
        self.censored = Zone(dict(INTERFERENCE), default=["127.0.0.1"])
        self.censored.set("nx.test", "nxdomain")
        self.clean_dns = await DNSServer(self.clean).start()
        self.censored_dns = await DNSServer(self.censored).start()
        good = self.ca.issue([*NAMES, "*.bench.test"], ["127.0.0.1"]).server_context(d, "good")
        asset = {"kind": "asset", "size": ASSET_SIZE}
        sites = {
            "*": page("Example site for testing", REAL_TEXT),
            "127.0.0.1/dns-query": {"kind": "doh"},
            "cdn.test/asset.bin": asset,
            "fastcdn.test/asset.bin": asset,
            "redirect.test/": {"kind": "redirect", "location": "/landing"},
            "loop.test": {"kind": "redirect", "location": "/again"},
            "drip.test": {"kind": "asset", "size": 100_000, "pace": 50},
            "chunked.test": {**page("Sent in chunks", REAL_TEXT), "chunked": True},
        }
        self.https = await WebServer(sites, ssl_context=good, zone=self.clean).start()
        self.dot = await DNSServer(self.clean, tls=good).start()
        port = self.https.port
        self.port = port
        self.http = await WebServer({"*": page("Example plain site", REAL_TEXT)}).start()
        wrong = self.ca.issue(["other.test"]).server_context(d, "wrong")
        stranger = CertificateAuthority("Some Other CA").issue(NAMES).server_context(d, "strange")
        blockpage = WebServer(
            {
                "*": {
                    **page("Access denied", "Blocked by order of the authority.", 403),
                    "origin": False,
                }
            }
        ).handle
        impostor = WebServer({"*": page("Impostor")}).handle
        up, up_plain = ("127.0.0.1", port), ("127.0.0.1", self.http.port)

        def box(mode: str, ip: str, **kw) -> Middlebox:
            return Middlebox(mode, ip, kw.pop("port", port), victims={PROBE_SOURCE}, **kw)

        self.servers = [
            self.clean_dns,
            self.censored_dns,
            self.dot,
            self.https,
            self.http,
            await box("reset", "127.0.0.7", upstream=up).start(),
            await box("hang", "127.0.0.8", upstream=up).start(),
            Blackhole("127.0.0.10", port),
            await box(
                "impersonate", "127.0.0.11", upstream=up, tls=wrong, handler=impostor
            ).start(),
            await box(
                "impersonate", "127.0.0.12", upstream=up, tls=stranger, handler=impostor
            ).start(),
            await box(
                "serve", "127.0.0.13", port=self.http.port, upstream=up_plain, handler=blockpage
            ).start(),
            await box("throttle", "127.0.0.15", upstream=up, pace=THROTTLED_PACE).start(),
        ]
        asns = AsnTable.load(self.asn_file)
        settings = control.ControlSettings(
            resolver=make_resolver(self.clean_dns.url, asns, 2.0),
            context=http.tls_context(self.ca_file),
            asns=asns,
            timeout=2.0,
            allow_private=True,
            throughput_seconds=2.0,
        )
        self.service = helper.ControlService(
            {self.token: "tests"}, settings, helper.RateLimiter(1000, 1000)
        )
        self.helper = await self.service.start("127.0.0.1", 0)
        self.helper_url = (
            f"http://127.0.0.1:{self.helper.sockets[0].getsockname()[1]}/api/v1/control"
        )
        self.ingest = await IngestServer(self.ingest_token).start()

    def url(self, name: str, path: str = "/") -> str:
        if name in ("plain.test", "blockpage.test"):
            return self.http.url(name, path)
        return self.https.url(name, path)

    def config(self, **overrides) -> ProbeConfig:
        settings = {
            "system_resolver": self.censored_dns.url,
            "resolver": f"https://127.0.0.1:{self.port}/dns-query",
            "ca_file": self.ca_file,
            "timeout": 1.5,
            "parallel": 8,
            "control_url": self.helper_url,
            "control_token": self.token,
            "asn_file": self.asn_file,
            "probe_cc": "PK",
            "probe_asn": "AS64512",
            "throttle_assets": {
                "throttled.test": self.url("cdn.test", "/asset.bin"),
                "fast.test": self.url("fastcdn.test", "/asset.bin"),
            },
            "throttle_seconds": 2.0,
            "source_address": PROBE_SOURCE,
        }
        settings.update(overrides)
        return ProbeConfig(**settings)

    def probe_flags(self, timeout: float | None = None) -> list[str]:
        """`probe` options pointing it at this world, as `config()` does in-process."""
        config = self.config(**({"timeout": timeout} if timeout else {}))
        return [
            *("--system-resolver", config.system_resolver, "--resolver", config.resolver),
            *("--ca-file", self.ca_file, "--asn-file", self.asn_file),
            *("--control", self.helper_url, "--control-token", self.token),
            *("--source-address", config.source_address, "--timeout", str(config.timeout)),
            *("--probe-cc", config.probe_cc, "--probe-asn", config.probe_asn),
        ]

    def close(self) -> None:
        async def stop() -> None:
            for server in self.servers:
                server.close()
            self.helper.close()
            await self.ingest.stop()
            await asyncio.sleep(0.2)  # let aborted connections unwind before the loop stops

        self.loop.run(stop())
        self.loop.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
