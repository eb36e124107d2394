"""Block-page fingerprints: our short list of facts, and OONI's full database when present."""

from __future__ import annotations

from pathlib import Path

from drm_observatory.analysis import fingerprints
from drm_observatory.analysis.ooni_io import Item, read_path
from drm_observatory.analysis.testkeys import parse
from drm_observatory.analysis.verdict import decide
from drm_observatory.testing.requirements import require
from tests.test_verdict import Page, build

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni").resolve()
OONI_DB = SHARED / "blocking-fingerprints"


def names(matches) -> list[str]:
    return sorted(m.name for m in matches)


def test_known_facts_are_oonis_own_rows():
    """Each fingerprint we carry is identical to the row in OONI's database."""
    require(OONI_DB.is_dir(), f"OONI fingerprint database not found at {OONI_DB}")
    db = {
        fp.name: fp
        for csv in ("fingerprints_http.csv", "fingerprints_dns.csv")
        for fp in fingerprints.load_csv(OONI_DB / csv)
    }
    assert len(db) > 1900
    for fp in fingerprints.KNOWN:
        assert db[fp.name] == fp, fp.name


def test_header_and_location_fingerprints():
    m = build(response=Page(302, "", {"Location": "http://restrict.wateen.net/?u=x"}))
    assert names(fingerprints.match(parse(m), "PK")) == ["cp.c_isp_pk_wateen_location"]
    m = build(response=Page(200, "<html></html>", {"Server": "V2R2C00-IAE/1.0"}))
    (match,) = fingerprints.match(parse(m), "PK")
    assert (match.name, match.confirmed) == ("ooni.es_1", True)
    (elsewhere,) = fingerprints.match(parse(m), "BR")
    assert not elsewhere.confirmed  # an institutional product confirms only where expected


def test_nayatel_dns_filter_is_found_in_answers():
    m = build(answers=("203.82.48.86",), answer_asn=0)
    verdict = decide(m)
    assert verdict.blocking == "dns"
    assert names(verdict.blockpages) == ["ooni.pk_4"]


def test_no_fingerprint_on_a_normal_page():
    assert decide(build()).blockpages == []


def test_full_database_confirms_oonis_iranian_example():
    """With OONI's whole database, the fastpath fixture of an Iranian DNS block page matches."""
    require(OONI_DB.is_dir(), f"OONI fingerprint database not found at {OONI_DB}")
    db = fingerprints.load_csv(OONI_DB / "fingerprints_dns.csv")
    path = SHARED / "backend-fastpath-testdata" / "web_connectivity_ir_fp.json"
    (item,) = [i for i in read_path(path) if isinstance(i, Item)]
    matches = fingerprints.match(parse(item.measurement), "IR", db)
    assert matches and all(m.confirmed for m in matches)
    assert decide(item.measurement).confirmed  # our short list knows Iran's addresses too
