"""How often `decide` reproduces the verdict OONI's own probe wrote, and why it does not.

Used by bench/verdict_agreement.py (which writes docs/verdict-agreement.md) and by the test that
holds the agreement figure: a disagreement is either explained by a known difference between
OONI's engines and our rules, or it is a bug in our rules.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from drm_observatory.analysis import fingerprints, ooni_io
from drm_observatory.analysis.comparison import COMPARISON_KEYS
from drm_observatory.analysis.testkeys import parse
from drm_observatory.analysis.verdict import Verdict, decide

UNEXPLAINED = "unexplained"
SUFFIXES = (".json", ".jsonc", ".jsonl", ".json.gz", ".jsonl.gz")


@dataclass
class Row:
    source: str
    ident: str
    test_version: str
    engine: str
    ooni: tuple
    ours: tuple
    recomputed: tuple
    rule: str
    explanation: str
    reason: str = ""
    our_pair: tuple = (None, None)  # our own verdict, beside OONI's
    our_rule: str = ""  # set where ours goes beyond OONI's
    beyond_ooni: str = ""  # the evidence, where it does
    blockpages: tuple[str, ...] = ()

    @property
    def agrees(self) -> bool:
        return self.ooni == self.ours

    @property
    def agrees_recomputed(self) -> bool:
        return self.ooni == self.recomputed


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    key_agreement: Counter = field(default_factory=Counter)  # "<key> same|differs"
    skipped: Counter = field(default_factory=Counter)
    fingerprints: str = ""  # which block-page database judged them
    decide_seconds: float = 0.0  # time spent in decide() alone
    decisions: int = 0

    def share(self, recomputed: bool = False) -> float:
        if not self.rows:
            return 0.0
        hits = sum(r.agrees_recomputed if recomputed else r.agrees for r in self.rows)
        return hits / len(self.rows)

    @property
    def beyond_ooni(self) -> list[Row]:
        """Measurements where our own pair says more than OONI's, with the evidence."""
        return [r for r in self.rows if r.our_rule]

    @property
    def disagreements(self) -> list[Row]:
        return [r for r in self.rows if not r.agrees or not r.agrees_recomputed]


def explain(measurement: dict, verdict: Verdict) -> str:
    """Why our verdict differs from the one the probe stored: a known cause, or UNEXPLAINED."""
    keys = parse(measurement)
    if verdict.engine == "v0.5":
        tagged = any(q.classic for q in keys.queries)
        if not tagged:
            return (
                f"LTE {keys.test_version} predates the classic analysis engine (its events carry "
                "no `classic` tag): OONI's verdict came from the original LTE analysis ('orig' "
                "engine, probe-cli before the classic filter of PR #1402, Nov 2023), which we do "
                "not replicate; the classic rules we apply would call it down"
            )
    carried = keys.carried.get("dns_consistency")
    if verdict.dns_consistency != carried and keys.control and not keys.control.dns_asns:
        return (
            "recomputed dns_consistency differs from the probe's: v0.4 probes looked up the "
            "control's ASNs in their own GeoIP database and did not store them"
        )
    return UNEXPLAINED


def _ooni_pair(measurement: dict) -> tuple | None:
    tk = measurement.get("test_keys")
    if not isinstance(tk, dict) or "blocking" not in tk:
        return None
    return (tk.get("blocking"), tk.get("accessible"))


def measure(root: Path, database: fingerprints.FingerprintIndex | None = None) -> Report:
    """Judge every Web Connectivity measurement under `root` that carries OONI's verdict,
    looking block pages up in `database` (default: `fingerprints.default()`)."""
    database = database or fingerprints.default()
    report = Report()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES)):
        for item in ooni_io.read_path(path):
            if isinstance(item, ooni_io.ReadError):
                report.skipped["files or records that are not measurements"] += 1
                continue
            m = item.measurement
            if m.get("test_name") != "web_connectivity":
                report.skipped[f"{item.shape} rows of other tests"] += 1
                continue
            ooni = _ooni_pair(m)
            if ooni is None:
                report.skipped[f"web_connectivity {item.shape} rows without OONI's verdict"] += 1
                continue
            start = time.perf_counter()
            row = _row(m, ooni, item, root, database)
            report.decide_seconds += time.perf_counter() - start
            report.decisions += 2
            report.rows.append(row)
            _compare_keys(m, report.key_agreement)
    return report


def _row(
    m: dict, ooni: tuple, item: ooni_io.Item, root: Path, database: fingerprints.FingerprintIndex
) -> Row:
    ours = decide(m, database=database)
    again = decide(m, trust_carried=False, database=database)
    ident = m.get("measurement_uid") or f"{m.get('report_id') or ''} {m.get('input')}".strip()
    row = Row(
        source=str(Path(item.where).relative_to(root)) if item.where.startswith(str(root)) else "",
        ident=str(ident),
        test_version=str(m.get("test_version") or ""),
        engine=ours.engine,
        ooni=ooni,
        ours=(ours.blocking, ours.accessible),
        recomputed=(again.blocking, again.accessible),
        rule=ours.rule,
        explanation=ours.explanation,
        our_pair=(ours.our_blocking, ours.our_accessible),
        our_rule=ours.our_rule,
        beyond_ooni=ours.beyond_ooni,
        blockpages=tuple(m.name for m in ours.blockpages),
    )
    if not row.agrees:
        row.reason = explain(m, ours)
    elif not row.agrees_recomputed:
        row.reason = explain(m, again)
    return row


def _compare_keys(m: dict, counts: Counter) -> None:
    """Does our computation of each comparison key give what the probe stored?"""
    carried = m["test_keys"]
    again = decide(m, trust_carried=False)
    for key in sorted(k for k in COMPARISON_KEYS if k != "body_proportion"):
        if key not in carried:
            continue
        counts[f"{key} {'same' if carried[key] == getattr(again, key) else 'differs'}"] += 1
