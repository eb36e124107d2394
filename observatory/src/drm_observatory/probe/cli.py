"""The `probe` and `helper` subcommands."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import ssl
import sys
from pathlib import Path

from drm_observatory.analysis.cli import fingerprint_database, fingerprint_option
from drm_observatory.probe import control, http
from drm_observatory.probe.asn import AsnTable
from drm_observatory.probe.dns import make_resolver
from drm_observatory.probe.helper import ControlService, RateLimiter, load_tokens
from drm_observatory.probe.measure import ProbeConfig, read_inputs
from drm_observatory.probe.runner import parse_duration, run
from drm_observatory.probe.server import parse_listen
from drm_observatory.probe.spool import Deliverer, Spool
from drm_observatory.probe.watchlist import WATCHLIST


def _token_option(parser: argparse.ArgumentParser, flag: str, env: str, whose: str) -> None:
    parser.add_argument(
        flag,
        default=os.environ.get(env),
        metavar="TOKEN",
        help=f"bearer token for {whose} (or {env})",
    )


def _step_options(parser: argparse.ArgumentParser) -> None:
    """What the probe and the helper share, so both measure a URL the same way."""
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="per step (DNS, connect, handshake, each read)",
    )
    parser.add_argument(
        "--ca-file", metavar="FILE", help="trust this CA bundle instead of the system's"
    )
    parser.add_argument(
        "--asn-file",
        metavar="FILE",
        help="IP-to-ASN database: iptoasn's ip2asn TSV (.gz or not) or 'CIDR ASN [name]' lines",
    )


def register(sub: argparse._SubParsersAction) -> None:
    """Add `probe` and `helper` to a command line's subcommands."""
    probe = sub.add_parser(
        "probe",
        help="measure URLs for blocking (OONI Web Connectivity JSON lines)",
        description="Measure URLs from this vantage point: DNS, TCP, TLS, HTTP, compared with "
        "a control helper; one OONI Web Connectivity measurement per URL.",
    )
    probe.add_argument("urls", nargs="*", metavar="URL", help="URLs to measure")
    probe.add_argument(
        "--input",
        action="append",
        default=[],
        metavar="FILE",
        help="file of URLs, one a line (repeatable)",
    )
    probe.add_argument(
        "--watchlist",
        action="store_true",
        help="measure the built-in list of platforms and news sites",
    )
    probe.add_argument("--output", metavar="FILE", help="append JSON lines here (else stdout)")
    probe.add_argument(
        "--resume", action="store_true", help="finish the interrupted run recorded next to --output"
    )
    probe.add_argument(
        "--parallel", type=int, default=16, metavar="N", help="URLs measured at once (16)"
    )
    _step_options(probe)
    probe.add_argument(
        "--resolver",
        metavar="URL",
        help="second resolver: https://.../dns-query (DoH), tls://host:853, udp://ip:53",
    )
    probe.add_argument(
        "--system-resolver",
        metavar="URL",
        default="system",
        help="'system' (getaddrinfo, default) or a DNS server URL standing in for it",
    )
    probe.add_argument("--control", metavar="URL", help="control helper URL")
    _token_option(probe, "--control-token", "DRM_CONTROL_TOKEN", "the helper")
    probe.add_argument(
        "--source-address", metavar="IP", help="send from this local address (choose an uplink)"
    )
    probe.add_argument(
        "--probe-cc", default="ZZ", metavar="CC", help="this vantage point's country (ZZ)"
    )
    probe.add_argument(
        "--probe-asn", default="AS0", metavar="ASN", help="this vantage point's network (AS0)"
    )
    probe.add_argument(
        "--network-name", default="", metavar="NAME", help="name of that network, if known"
    )
    probe.add_argument(
        "--throttle-assets", metavar="FILE", help="JSON {host: asset URL} for throughput checks"
    )
    probe.add_argument(
        "--throttle-samples", type=int, default=3, metavar="N", help="downloads per asset (3)"
    )
    fingerprint_option(probe)
    probe.add_argument("--every", metavar="DURATION", help="repeat: e.g. 15m, 1h")
    probe.add_argument("--spool", metavar="DIR", help="keep measurements here until delivered")
    probe.add_argument("--ingest", metavar="URL", help="deliver spooled measurements here")
    _token_option(probe, "--ingest-token", "DRM_INGEST_TOKEN", "the ingest endpoint")
    probe.add_argument(
        "--deliver-only", action="store_true", help="deliver what is in the spool, measure nothing"
    )
    probe.set_defaults(func=cmd_probe, prog=probe.prog)

    helper = sub.add_parser(
        "helper",
        help="run the control service probes compare with",
        description="The control helper: repeats a probe's measurement from this network.",
    )
    helper.add_argument(
        "--listen",
        default="127.0.0.1:8088",
        metavar="HOST:PORT",
        help="serve here (127.0.0.1:8088)",
    )
    helper.add_argument(
        "--tokens",
        required=True,
        metavar="FILE",
        help="accepted bearer tokens, one a line ('NAME TOKEN' or 'TOKEN')",
    )
    helper.add_argument(
        "--resolver",
        default="system",
        metavar="URL",
        help="'system' or a DNS server URL (udp://, tls://, https://)",
    )
    _step_options(helper)
    helper.add_argument(
        "--rate", type=float, default=1.0, metavar="N", help="requests per second per token"
    )
    helper.add_argument("--burst", type=int, default=30, metavar="N", help="bucket size per token")
    helper.add_argument(
        "--allow-private", action="store_true", help="allow private/loopback addresses (labs only)"
    )
    helper.add_argument(
        "--tls-cert", metavar="FILE", help="serve HTTPS with this certificate chain"
    )
    helper.add_argument("--tls-key", metavar="FILE", help="the private key of --tls-cert")
    helper.set_defaults(func=cmd_helper, prog=helper.prog)


def _fail(args: argparse.Namespace, message: str) -> int:
    """Report a usage problem as the command that was run (`drm-observatory probe: ...`)."""
    sys.stderr.write(f"{args.prog}: {message}\n")
    return 2


def _run_async(coro) -> int:
    """asyncio.run with SIGTERM treated like Ctrl-C: cancel, finish cleanly."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    async def main() -> int:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        if task is not None:
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
        return await coro

    try:
        return asyncio.run(main())
    except KeyboardInterrupt:
        return 130


def _probe_config(args: argparse.Namespace) -> ProbeConfig:
    config = ProbeConfig(
        resolver=args.resolver,
        system_resolver=args.system_resolver,
        ca_file=args.ca_file,
        timeout=args.timeout,
        parallel=max(1, args.parallel),
        control_url=args.control,
        control_token=args.control_token,
        probe_cc=args.probe_cc.upper(),
        probe_asn=args.probe_asn
        if args.probe_asn.upper().startswith("AS")
        else f"AS{args.probe_asn}",
        probe_network_name=args.network_name,
        asn_file=args.asn_file,
        throttle_samples=max(1, args.throttle_samples),
        source_address=args.source_address,
        fingerprints=fingerprint_database(args.fingerprints),
    )
    if args.throttle_assets:
        config.throttle_assets = json.loads(Path(args.throttle_assets).read_text())
    return config


def cmd_probe(args: argparse.Namespace) -> int:
    try:
        config = _probe_config(args)
        urls = list(args.urls)
        for path in args.input:
            urls += read_inputs(path)
        if args.watchlist:
            urls += WATCHLIST
        urls = list(dict.fromkeys(urls))
        every = parse_duration(args.every) if args.every else None
        # Validate resolvers and files now, so a typo fails before the first URL.
        AsnTable.load(args.asn_file)
        make_resolver(args.resolver, AsnTable(), 1, args.ca_file) if args.resolver else None
        make_resolver(args.system_resolver, AsnTable(), 1, args.ca_file)
        http.tls_context(args.ca_file)
    except (OSError, ValueError, ssl.SSLError) as exc:
        return _fail(args, str(exc))
    if args.ingest and not args.spool:
        return _fail(args, "--ingest needs --spool DIR (measurements wait there until delivered)")
    factory = None
    if args.ingest:
        context = http.tls_context(args.ca_file)

        def factory(spool: Spool) -> Deliverer:
            return Deliverer(spool, args.ingest, args.ingest_token, context=context)

    if args.deliver_only:
        if not factory:
            return _fail(args, "--deliver-only needs --spool and --ingest")

        async def deliver() -> int:
            delivered, remaining = await factory(Spool(args.spool)).sweep()
            sys.stderr.write(f"delivered {delivered}, {remaining} pending\n")
            return 0 if not remaining else 1

        return _run_async(deliver())
    if not urls and not args.resume:
        return _fail(args, "no URLs: give URLs, --input FILE or --watchlist")
    if args.resume and not args.output:
        return _fail(args, "--resume needs --output (the run state lives next to it)")
    return _run_async(
        run(
            urls,
            config,
            output_path=args.output,
            resume=args.resume,
            every=every,
            spool_dir=args.spool,
            deliverer_factory=factory,
        )
    )


def cmd_helper(args: argparse.Namespace) -> int:
    try:
        host, port = parse_listen(args.listen)
        tokens = load_tokens(args.tokens)
        asns = AsnTable.load(args.asn_file)
        settings = control.ControlSettings(
            resolver=make_resolver(args.resolver, asns, args.timeout, args.ca_file),
            context=http.tls_context(args.ca_file),
            asns=asns,
            timeout=args.timeout,
            allow_private=args.allow_private,
        )
        server_context = None
        if args.tls_cert:
            server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            server_context.load_cert_chain(args.tls_cert, args.tls_key)
    except (OSError, ValueError, ssl.SSLError) as exc:
        return _fail(args, str(exc))
    service = ControlService(tokens, settings, RateLimiter(args.rate, args.burst))

    async def serve_forever() -> int:
        from drm_observatory.probe.server import serve

        server = await serve(
            service.handle, host, port, ssl_context=server_context, max_body=16 * 1024, timeout=15
        )
        bound = server.sockets[0].getsockname()[1]
        scheme = "https" if server_context else "http"
        sys.stderr.write(
            f"control helper on {scheme}://{host}:{bound}/api/v1/control ({len(tokens)} tokens)\n"
        )
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            server.close()
        return 0

    return _run_async(serve_forever())
