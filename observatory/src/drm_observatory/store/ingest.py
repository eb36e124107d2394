"""From measurement files to rows of the store: read, judge, key by measurement_uid, write.

Every shape the reader knows is accepted (OONI JSON, JSON lines, gzip, API responses, our
probe's output). A record that cannot be read or judged is reported with its place and the
rest are stored; a measurement without a measurement_uid (OONI's test fixtures, old reports)
is keyed by a digest of its content, so running anything twice stores nothing twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from drm_observatory.analysis import fingerprints, ooni_io
from drm_observatory.analysis.testkeys import TestKeys, parse
from drm_observatory.analysis.verdict import decide
from drm_observatory.store.duck import MeasurementStore

BATCH = 500


@dataclass
class Report:
    stored: int = 0
    already: int = 0
    skipped: int = 0  # other tests and metadata rows: nothing to judge
    problems: list[str] = field(default_factory=list)


def measurement_key(m: dict) -> str:
    uid = m.get("measurement_uid")
    if isinstance(uid, str) and uid:
        return uid
    digest = hashlib.sha256(json.dumps(m, sort_keys=True).encode()).hexdigest()[:32]
    return f"sha256:{digest}"


def _time(value) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _asn(value) -> int | None:
    text = str(value or "").upper().removeprefix("AS")
    return int(text) if text.isdigit() else None


def observations(keys: TestKeys) -> dict:
    """Each step the measurement observed, in a few words per step."""
    return {
        "dns": [
            {"hostname": q.hostname, "engine": q.engine, "failure": q.failure, "addrs": q.addrs}
            for q in keys.queries
        ],
        "tcp": [{"ip": t.ip, "port": t.port, "failure": t.failure} for t in keys.tcp_connect],
        "tls": [
            {"address": t.address, "server_name": t.server_name, "failure": t.failure}
            for t in keys.tls_handshakes
        ],
        "http": [
            {
                "url": r.url,
                "failure": r.failure,
                "status_code": r.status_code,
                "body_length": len(r.body or b""),
            }
            for r in keys.requests
        ],
    }


def row(item: ooni_io.Item, database: fingerprints.FingerprintIndex) -> dict:
    m = item.measurement
    keys = parse(m)
    verdict = decide(m, database=database, keys=keys)
    if verdict.rule in ("malformed", "error"):
        raise ValueError(verdict.explanation)
    tk = m.get("test_keys") if isinstance(m.get("test_keys"), dict) else {}
    return {
        "measurement_uid": measurement_key(m),
        "report_id": m.get("report_id"),
        "input": m.get("input"),
        "domain": keys.hostname,
        "probe_cc": m.get("probe_cc"),
        "probe_asn": _asn(m.get("probe_asn")),
        "probe_network_name": m.get("probe_network_name"),
        "measurement_start_time": _time(m.get("measurement_start_time")),
        "test_version": m.get("test_version"),
        "software": keys.software,
        "engine": verdict.engine,
        "ooni_blocking": json.dumps(tk.get("blocking")) if "blocking" in tk else None,
        "ooni_accessible": tk.get("accessible") if isinstance(tk.get("accessible"), bool) else None,
        "blocking": json.dumps(verdict.blocking),
        "accessible": verdict.accessible,
        "rule": verdict.rule,
        "our_blocking": json.dumps(verdict.our_blocking),
        "our_accessible": verdict.our_accessible,
        "our_rule": verdict.our_rule or verdict.rule,
        "explanation": verdict.explanation,
        "blockpages": [p.name for p in verdict.blockpages],
        "confirmed": verdict.confirmed,
        "observations": observations(keys),
        "source": item.where,
    }


def judged(item: ooni_io.Item) -> bool:
    """Whether the store takes `item`: a Web Connectivity measurement, not a metadata row."""
    return (
        item.shape != ooni_io.METADATA and item.measurement.get("test_name") == "web_connectivity"
    )


def ingest(
    items: Iterable[ooni_io.Item | ooni_io.ReadError],
    store: MeasurementStore,
    database: fingerprints.FingerprintIndex,
    *,
    progress: Callable[[Report], None] | None = None,
) -> Report:
    """Judge and store every Web Connectivity measurement of `items`, BATCH rows a transaction.

    `progress` is called after each committed batch.
    """
    report = Report()
    batch: list[dict] = []

    def flush() -> None:
        if not batch:
            return
        written = store.write(batch)
        report.stored += written.stored
        report.already += written.already
        batch.clear()
        if progress is not None:
            progress(report)

    for item in items:
        if isinstance(item, ooni_io.ReadError):
            report.problems.append(str(item))
            continue
        if not judged(item):
            report.skipped += 1
            continue
        try:
            batch.append(row(item, database))
        except ValueError as exc:
            report.problems.append(f"{item.where}: {exc}")
            continue
        if len(batch) >= BATCH:
            flush()
    flush()
    return report


@dataclass
class Receipt:
    """What became of one record: "stored", "already" (stored before), "skipped" (not a Web
    Connectivity measurement) or "problem" (with what is wrong)."""

    where: str
    measurement_uid: str | None
    outcome: str
    problem: str | None = None


def ingest_with_receipts(
    items: Iterable[ooni_io.Item | ooni_io.ReadError],
    store: MeasurementStore,
    database: fingerprints.FingerprintIndex,
) -> tuple[Report, list[Receipt]]:
    """`ingest`, answering for each record, for a sender that must know which of its records
    to send again (a probe delivering a batch). Holds the records in memory: for bounded input."""
    items = list(items)
    keys = [measurement_key(i.measurement) if isinstance(i, ooni_io.Item) else None for i in items]
    before = store.stored([k for k in keys if k])
    report = ingest(items, store, database)
    problems = dict(p.partition(": ")[::2] for p in report.problems)
    receipts, seen = [], set(before)
    for item, key in zip(items, keys, strict=True):
        if isinstance(item, ooni_io.ReadError):
            receipts.append(Receipt(item.where, None, "problem", item.message))
        elif item.where in problems:
            receipts.append(Receipt(item.where, key, "problem", problems[item.where]))
        elif not judged(item):
            receipts.append(Receipt(item.where, key, "skipped"))
        else:
            receipts.append(Receipt(item.where, key, "already" if key in seen else "stored"))
            seen.add(key)
    return report, receipts
