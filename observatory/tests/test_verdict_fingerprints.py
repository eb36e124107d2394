"""Block-page fingerprints: OONI's full database, found through an index, named in the verdict,
and our own verdict beside OONI's where a block page (or a hijacked answer) proves more."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drm_observatory.analysis import fingerprints
from drm_observatory.analysis.fingerprints import Fingerprint, FingerprintIndex, literal_anchor
from drm_observatory.analysis.ooni_io import Item, read_path
from drm_observatory.analysis.testkeys import parse
from drm_observatory.analysis.verdict import decide
from drm_observatory.testing.requirements import require
from tests.test_verdict import PAGE_HEADERS, PAGE_TITLE, Page, build

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni").resolve()
OONI_DB = SHARED / "blocking-fingerprints"
ARCHIVE_ORG_ID = (
    SHARED
    / "backend-fastpath-testdata"
    / "20250527233111.802678_ID_webconnectivity_5a37ec909dbf14e3.json"
)
# Rostelecom's page for sites on Russia's register, as OONI's database describes it (ooni.ru_0).
RU_BLOCK_PAGE = (
    f"<html><head><title>{PAGE_TITLE}</title></head><body><h1>Доступ к сайту ограничен в "
    "соответствии с Федеральными законами</h1></body></html>"
)


@pytest.fixture(scope="module")
def ooni_db() -> FingerprintIndex:
    require(OONI_DB.is_dir(), f"OONI fingerprint database not found at {OONI_DB}")
    return fingerprints.load(OONI_DB)


def names(matches) -> list[str]:
    return sorted(m.name for m in matches)


def one(path: Path) -> dict:
    require(path.is_file(), f"OONI measurement not found at {path}")
    (item,) = [i for i in read_path(path) if isinstance(i, Item)]
    return item.measurement


def test_known_facts_are_oonis_own_rows(ooni_db):
    """Each fingerprint of the built-in list is identical to the row in OONI's database."""
    assert len(ooni_db) > 1900
    db = {fp.name: fp for fp in ooni_db.fingerprints}
    for fp in fingerprints.KNOWN:
        assert db[fp.name] == fp, fp.name


def test_index_finds_what_a_scan_of_every_row_finds(ooni_db):
    """On every real measurement in the data, the index names exactly the fingerprints a plain
    loop over all 1,900+ rows (with OONI's matching semantics) names."""
    import re

    def scan(keys) -> set[str]:
        found = set()
        answers = {a for q in keys.queries for a in q.addrs}
        bodies = [r.body.decode("utf-8", "replace") for r in keys.requests if r.body]
        for fp in ooni_db.fingerprints:

            def hit(value: str, fp=fp) -> bool:
                if fp.pattern_type == "full":
                    return value == fp.pattern
                if fp.pattern_type == "prefix":
                    return value.startswith(fp.pattern)
                if fp.pattern_type == "regexp":
                    return re.search(fp.pattern, value) is not None
                return fp.pattern in value

            if fp.location == "dns":
                ok = any(hit(a) for a in answers)
            elif fp.location == "body":
                ok = any(hit(b) for b in bodies)
            else:
                name = fp.location.removeprefix("header.")
                ok = any(name in r.headers and hit(r.headers[name]) for r in keys.requests)
            if ok:
                found.add(fp.name)
        return found

    checked = matched = 0
    for path in sorted(SHARED.rglob("*.json")):
        for item in read_path(path):
            if not isinstance(item, Item) or "test_keys" not in item.measurement:
                continue
            keys = parse(item.measurement)
            expected = scan(keys)
            assert set(names(ooni_db.match(keys))) == expected, item.where
            checked += 1
            matched += bool(expected)
    assert checked > 50 and matched >= 3


def test_indonesian_archive_org_block_page_is_confirmed_and_ours_says_blocked(ooni_db):
    """OONI's probe called this accessible (its rules followed the redirect to a 200 page);
    Indonesia's block-page redirect is in OONI's database, and OONI's fastpath confirms it."""
    m = one(ARCHIVE_ORG_ID)
    verdict = decide(m, database=ooni_db)
    assert (verdict.blocking, verdict.accessible) == (False, True)  # OONI's pair, unchanged
    assert "ooni.id_lamanlabuh_kominfo" in names(verdict.blockpages) and verdict.confirmed
    assert (verdict.our_blocking, verdict.our_accessible) == ("http-diff", False)
    assert verdict.our_rule == "drm/blockpage"
    assert "ooni.id_lamanlabuh_kominfo" in verdict.beyond_ooni
    # The built-in list alone does not know Indonesia's page.
    assert not decide(m, database=fingerprints.BUILT_IN).confirmed


def test_block_page_with_the_real_pages_title(ooni_db):
    """A Russian block page that copies the real page's title: OONI's rules see matching
    titles and call it accessible; the fingerprint proves otherwise, and both pairs are kept."""
    m = build(response=Page(200, RU_BLOCK_PAGE), probe_cc="RU")
    verdict = decide(m, database=ooni_db)
    assert verdict.title_match is True
    assert (verdict.blocking, verdict.accessible) == (False, True)
    assert names(verdict.blockpages) == ["ooni.ru_0"] and verdict.confirmed
    assert (verdict.our_blocking, verdict.our_accessible, verdict.our_rule) == (
        "http-diff",
        False,
        "drm/blockpage",
    )
    assert "beyond OONI (rule drm/blockpage)" in verdict.explanation


def test_dns_hijack_to_a_private_address_with_matching_headers():
    """The resolver answers a private address whose server sends the real page's headers:
    OONI's classic rules (our probe's) find the page matching; the bogon answer says hijack."""
    m = build(
        software="drmonitor-probe",
        answers=("10.0.0.5",),
        answer_asn=0,
        response=Page(200, "<html>a filter's page</html>", dict(PAGE_HEADERS)),
    )
    verdict = decide(m)
    assert verdict.headers_match is True
    assert (verdict.our_blocking, verdict.our_accessible, verdict.our_rule) == (
        "dns",
        False,
        "drm/bogon",
    )
    assert "10.0.0.5" in verdict.beyond_ooni
    # Where the control resolved a private address too (an intranet name), nothing is added.
    same = build(software="drmonitor-probe", answers=("10.0.0.5",), control_answers=("10.0.0.5",))
    assert decide(same).our_rule == ""


def test_header_and_location_fingerprints():
    m = build(response=Page(302, "", {"Location": "http://restrict.wateen.net/?u=x"}))
    assert names(fingerprints.BUILT_IN.match(parse(m), "PK")) == ["cp.c_isp_pk_wateen_location"]
    # A prefix matches only at the start of the value.
    m = build(response=Page(302, "", {"Location": "http://x.test/?http://restrict.wateen.net/"}))
    assert fingerprints.BUILT_IN.match(parse(m), "PK") == []
    m = build(response=Page(200, "<html></html>", {"Server": "V2R2C00-IAE/1.0"}))
    (match,) = fingerprints.BUILT_IN.match(parse(m), "PK")
    assert (match.name, match.confirmed) == ("ooni.es_1", True)
    (elsewhere,) = fingerprints.BUILT_IN.match(parse(m), "BR")
    assert not elsewhere.confirmed  # an institutional product confirms only where expected


def test_regexp_fingerprints_are_regular_expressions():
    db = FingerprintIndex(
        [Fingerprint("t.re", "nat", "body", "regexp", r"URL .* Sp.*er Gate")], "test"
    )
    hit = build(response=Page(200, "<p>URL http://a.test/ is blocked by Spider Gate</p>"))
    assert names(db.match(parse(hit))) == ["t.re"]
    assert db.match(parse(build(response=Page(200, "Spider Gate, no URL")))) == []


def test_literal_anchor_is_in_every_match():
    assert literal_anchor(r"URL .* Sp.*er Gate") == "er Gate"
    assert literal_anchor(r"http://www\.internet\.gov\.sa/x") == "http://www.internet.gov.sa/x"
    assert literal_anchor(r"ab(cd)?efg") == "efg"  # a group may be optional
    assert literal_anchor(r"colou?r") == "colo"
    assert literal_anchor(r"a|b") == ""  # alternatives: searched on every text
    assert literal_anchor(r"ab{2,3}cde.*xyz") == "cde"  # {m,n} repeats, it is no text


def test_a_regexp_is_searched_only_where_it_can_match():
    db = FingerprintIndex(
        [
            Fingerprint("us", "fp", "body", "regexp", r"U\.S\..*Command"),
            Fingerprint("undecodable", "fp", "body", "regexp", "\ufffd.*\ufffd"),
        ],
        "test",
    )

    def found(body: str) -> list[str]:
        return names(db.match(parse(build(response=Page(200, body)))))

    assert found("Command line") == []  # the anchor alone
    assert found("the U.S. Command") == ["us"]
    assert found("plain ASCII") == []
    # Bytes that are not UTF-8 are read as U+FFFD (a lone surrogate here).
    assert found("a\ud800b\udfffc") == ["undecodable"]
    # A UTF-8 page holds U+FFFD only where it spells it out: searched then, not otherwise.
    assert found("spelt \ufffd out \ufffd") == ["undecodable"]
    assert found("caf\u00e9 na\u00efve") == []


def test_nayatel_dns_filter_is_found_in_answers():
    m = build(answers=("203.82.48.86",), answer_asn=0)
    verdict = decide(m, database=fingerprints.BUILT_IN)
    assert verdict.blocking == "dns"
    assert names(verdict.blockpages) == ["ooni.pk_4"]


def test_no_fingerprint_on_a_normal_page(ooni_db):
    verdict = decide(build(), database=ooni_db)
    assert verdict.blockpages == [] and verdict.our_rule == ""


def test_a_broken_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "fingerprints_http.csv"
    bad.write_text("name,scope,location_found,pattern_type,pattern\nx,nat,body,fuzzy,abc\n")
    with pytest.raises(ValueError, match=r"fingerprints_http.csv:2: .*'fuzzy'"):
        fingerprints.load(tmp_path)
    with pytest.raises(ValueError, match="no fingerprint database"):
        fingerprints.load(tmp_path / "missing")


def verdict_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != fingerprints.ENVIRONMENT}
    return subprocess.run(
        [sys.executable, "-m", "drm_observatory", "verdict", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environment, **(env or {})},
    )


def test_the_command_uses_oonis_database_when_pointed_at_it(ooni_db):
    require(ARCHIVE_ORG_ID.is_file(), f"OONI measurement not found at {ARCHIVE_ORG_ID}")
    built_in = verdict_cli(str(ARCHIVE_ORG_ID))
    assert built_in.returncode == 0, built_in.stderr
    assert "blockpages" not in json.loads(built_in.stdout)
    assert f"{len(fingerprints.KNOWN)} block-page fingerprints" in built_in.stderr
    for done in (
        verdict_cli(str(ARCHIVE_ORG_ID), env={fingerprints.ENVIRONMENT: str(OONI_DB)}),
        verdict_cli("--fingerprints", str(OONI_DB), str(ARCHIVE_ORG_ID)),
    ):
        assert done.returncode == 0, done.stderr
        row = json.loads(done.stdout)
        assert "ooni.id_lamanlabuh_kominfo" in row["blockpages"] and row["confirmed"] is True
        assert (row["blocking"], row["accessible"]) == (False, True)
        assert (row["our_blocking"], row["our_rule"]) == ("http-diff", "drm/blockpage")
        assert f"{len(ooni_db)} block-page fingerprints (OONI database at" in done.stderr
    missing = verdict_cli("--fingerprints", "/nonexistent/fp", str(ARCHIVE_ORG_ID))
    assert (
        missing.returncode == 2 and "no fingerprint database at /nonexistent/fp" in missing.stderr
    )
    assert missing.stdout == ""


def test_an_answer_with_a_lone_surrogate_is_judged_not_an_internal_error():
    # JSON allows "\ud800"; looking it up among the DNS fingerprints must not crash the verdict.
    verdict = decide(build(answers=("\ud800",)), database=fingerprints.BUILT_IN)
    assert verdict.rule != "error" and verdict.blockpages == []
