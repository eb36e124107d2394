"""The IP-to-ASN database the operator points at: iptoasn's TSV (gzip or not) or our table."""

from __future__ import annotations

import gzip

import pytest

from drm_observatory.probe.asn import AsnTable

# Rows in the layout of iptoasn.com's ip2asn-combined.tsv (ranges made up for the test).
IPTOASN = (
    "1.0.0.0\t1.0.0.255\t13335\tUS\tCLOUDFLARENET\n"
    "1.0.1.0\t1.0.3.255\t0\tNone\tNot routed\n"
    "39.32.0.0\t39.63.255.255\t45595\tPK\tPKTELECOM-AS-PK Pakistan Telecom Company Limited\n"
    "104.244.40.0\t104.244.47.255\t13414\tUS\tTWITTER\n"
    "2400:adc0::\t2400:adc0:ffff:ffff:ffff:ffff:ffff:ffff\t9541\tPK\tCYBERNET-AP Cyber Internet\n"
)


@pytest.mark.parametrize("compressed", [False, True])
def test_iptoasn_tsv_gives_asn_organisation_and_country(tmp_path, compressed):
    path = tmp_path / ("ip2asn-combined.tsv" + (".gz" if compressed else ""))
    path.write_bytes(gzip.compress(IPTOASN.encode()) if compressed else IPTOASN.encode())
    table = AsnTable.load(path)
    assert table.lookup("39.40.1.2") == (
        45595,
        "PKTELECOM-AS-PK Pakistan Telecom Company Limited",
        "PK",
    )
    assert table.lookup("104.244.42.1") == (13414, "TWITTER", "US")
    assert table.lookup("2400:adc0::1") == (9541, "CYBERNET-AP Cyber Internet", "PK")
    assert table.lookup("1.0.2.1") == (0, "", "")  # "Not routed" is unknown, as OONI writes it
    assert table.lookup("8.8.8.8") == (0, "", "")
    assert table.lookup("not an address") == (0, "", "")


def test_our_table_picks_the_narrowest_network(tmp_path):
    path = tmp_path / "asn.txt"
    path.write_text(
        "# lab networks\n127.0.0.0/8 AS64500 Wide\n127.66.0.0/16 AS64666 Lying Resolver\n"
        "127.66.5.0/24 AS64777\n"
    )
    table = AsnTable.load(path)
    assert table.lookup("127.66.5.9") == (64777, "", "")
    assert table.lookup("127.66.9.9") == (64666, "Lying Resolver", "")
    assert table.lookup("127.1.1.1") == (64500, "Wide", "")


def test_a_broken_line_names_file_and_line(tmp_path):
    path = tmp_path / "ip2asn.tsv"
    path.write_text(IPTOASN + "1.2.3.4\tnot-an-ip\t1\tUS\tX\n")
    with pytest.raises(ValueError, match=r"ip2asn.tsv:6: expected"):
        AsnTable.load(path)
