"""Vocabularies read from YAML keep STOP's exact strings and refuse YAML's silent booleans."""

import pytest

from drmonitor.core.vocabulary import load_vocabularies
from drmonitor.tracker.vocab import CLOSED_CASE_STATUSES, CaseStatus, GeoScope


def test_a_list_keeps_its_values_labels_and_order(tmp_path):
    (tmp_path / "words.yaml").write_text(
        "Network:\n  MOBILE: Mobile\n  BOTH: ['Broadband, Mobile', Broadband and mobile]\n"
    )
    network = load_vocabularies(str(tmp_path / "words.py"))["Network"]
    assert network.choices == [
        ("Mobile", "Mobile"),
        ("Broadband, Mobile", "Broadband and mobile"),
    ]
    assert network.BOTH == "Broadband, Mobile"


def test_a_bare_yes_is_refused_with_the_place_to_fix(tmp_path):
    (tmp_path / "words.yaml").write_text("Answer:\n  YES: Yes\n")
    with pytest.raises(ValueError, match=r"words.yaml: Answer\.True must be text.*quote Yes"):
        load_vocabularies(str(tmp_path / "words.py"))


def test_the_trackers_lists_are_importable_by_name_with_stops_strings():
    assert GeoScope.ONE_CITY == "It only affected one city, county, or village"
    assert GeoScope.ONE_CITY.label == "One city, county or village"
    assert CaseStatus.DECIDED in CLOSED_CASE_STATUSES
    with pytest.raises(ImportError):
        from drmonitor.tracker.vocab import NoSuchList  # noqa: F401
