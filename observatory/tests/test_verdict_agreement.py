"""Our rules against OONI's own verdicts on the real and synthetic data in ../shared/data/ooni.

Every disagreement must have a known reason (bench/verdict_agreement.py writes the full list to
docs/verdict-agreement.md); an unexplained one is a bug in our rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drm_observatory.analysis import fingerprints
from drm_observatory.analysis.agreement import UNEXPLAINED, measure
from drm_observatory.testing.requirements import require

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni").resolve()


@pytest.fixture(scope="module")
def report():
    require(SHARED.is_dir(), f"shared OONI data not found at {SHARED}")
    return measure(SHARED, fingerprints.load(SHARED / "blocking-fingerprints"))


def test_agreement_with_ooni_is_high_and_every_disagreement_explained(report):
    for row in report.disagreements:
        print(f"{row.source}: OONI {row.ooni}, ours {row.ours}: {row.reason}")
    assert len(report.rows) == 73  # 22 real + 1 PK test_keys + 50 synthetic, all with a verdict
    assert report.share() == 1.0  # 73 of 73, with OONI's full fingerprint database on
    # Recomputing keys cannot use the flags of OONI's pre-classic LTE analysis (dnsgoogle80).
    assert report.share(recomputed=True) >= 0.98
    assert [r.source for r in report.disagreements if r.reason == UNEXPLAINED] == []


def test_every_synthetic_qa_scenario_agrees(report):
    rows = [r for r in report.rows if r.source.startswith("wc05-qa-synthetic/")]
    assert len(rows) == 50
    assert [r.source for r in rows if not (r.agrees and r.agrees_recomputed)] == []


def test_every_engine_is_represented(report):
    """MK, the Python probe, Go v0.4 and LTE all occur, so each rule set is exercised."""
    engines = {r.engine for r in report.rows}
    assert engines == {"mk", "python", "v0.4", "v0.5"}


def test_pakistan_cdn_false_positive_is_reproduced(report):
    """OONI's documented PK false positive (ooni/probe#2517): we say "dns" as OONI did."""
    (row,) = [r for r in report.rows if "PK-test_keys" in r.source]
    assert row.ooni == row.ours == ("dns", False)
    assert "DNS is inconsistent" in row.explanation


def test_where_ours_goes_beyond_oonis_the_evidence_is_given(report):
    """OONI's pair is kept in every row; our own pair differs only with stated evidence."""
    beyond = {r.source.split("/")[-1]: r for r in report.beyond_ooni}
    archive = beyond["20250527233111.802678_ID_webconnectivity_5a37ec909dbf14e3.json:1"]
    assert (archive.ooni, archive.our_pair) == ((False, True), ("http-diff", False))
    assert (
        archive.our_rule == "drm/blockpage" and "ooni.id_lamanlabuh_kominfo" in archive.beyond_ooni
    )
    assert all(r.beyond_ooni for r in report.beyond_ooni)
    assert len(report.beyond_ooni) <= 3
