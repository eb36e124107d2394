"""The validation rules editors and imports meet, each with a message naming the field."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from drmonitor.tracker.models import (
    CaseConsolidation,
    CaseNumber,
    Court,
    Hearing,
    Incident,
    LegalCase,
    Order,
)

D = datetime.date


def errors_of(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


def test_incident_end_before_start_is_refused(pakistan):
    incident = Incident(
        title="Backwards",
        kind="network_shutdown",
        country=pakistan,
        start_date=D(2024, 5, 14),
        end_date=D(2024, 5, 12),
        status="Ended",
    )
    errors = errors_of(incident)
    assert errors["end_date"] == ["The end (12 May 2024) is before the start (14 May 2024)."]


def test_incident_with_end_date_cannot_be_ongoing(pakistan):
    incident = Incident(
        title="Contradiction",
        kind="network_shutdown",
        country=pakistan,
        start_date=D(2024, 5, 12),
        end_date=D(2024, 5, 14),
        status="Ongoing",
    )
    assert "status" in errors_of(incident)


def test_valid_incident_passes_and_gets_a_slug(pakistan):
    incident = Incident(
        title="X blocked", kind="platform_block", country=pakistan, start_date=D(2024, 2, 17)
    )
    incident.full_clean()
    incident.save()
    assert incident.slug == "x-blocked"


def test_hearing_before_filing_is_refused(case):
    hearing = Hearing(case=case, date=D(2024, 2, 19))
    errors = errors_of(hearing)
    assert errors["date"] == [
        "This hearing (19 Feb 2024) is before the case was filed (20 Feb 2024)."
    ]


def test_hearing_next_date_must_follow(case):
    hearing = Hearing(case=case, date=D(2024, 3, 5), next_date=D(2024, 3, 1))
    assert "next_date" in errors_of(hearing)


@pytest.mark.django_db
def test_case_without_court_is_refused():
    case = LegalCase(title="Nowhere v. Federation")
    errors = errors_of(case)
    assert "court" in errors


@pytest.mark.django_db
def test_unknown_court_by_name_is_reported(court):
    assert Court.resolve("shc") == court
    assert Court.resolve("Sindh High Court") == court
    with pytest.raises(ValidationError) as info:
        Court.resolve("Sindh Hihg Court")
    assert info.value.message_dict == {"court": ['Unknown court "Sindh Hihg Court".']}


def test_duplicate_case_number_in_one_court_is_refused(case, court):
    CaseNumber.objects.create(case=case, number="C.P. No. D-1234/2024")
    other = LegalCase.objects.create(court=court, title="B v. Federation")
    # Same petition number with different punctuation is the same number.
    duplicate = CaseNumber(case=other, number="CP No D-1234/2024")
    errors = errors_of(duplicate)
    assert errors["number"] == ['Case number "CP No D-1234/2024" is already used in this court.']


def test_same_case_number_in_another_court_is_fine(case, pakistan):
    CaseNumber.objects.create(case=case, number="W.P. No. 1234/2024")
    ihc = Court.objects.create(name="Islamabad High Court", level="high", jurisdiction=pakistan)
    other = LegalCase.objects.create(court=ihc, title="C v. Federation")
    number = CaseNumber(case=other, number="W.P. No. 1234/2024")
    number.full_clean()
    number.save()


def test_case_form_reports_duplicate_number_through_clean(case, court):
    """The admin edits numbers inline, unsaved: the case's own clean() must catch the clash."""
    CaseNumber.objects.create(case=case, number="W.P. No. 7/2024")
    other = LegalCase(court=court, title="D v. Federation")
    other.numbers.add(CaseNumber(number="W.P. No. 7/2024"))
    errors = errors_of(other)
    assert "already used in Sindh High Court" in errors["__all__"][0]


def test_consolidation_separation_before_joining_is_refused(case, court):
    other = LegalCase.objects.create(court=court, title="E v. Federation")
    joined = CaseConsolidation(
        case=case,
        with_case=other,
        heard_together_from=D(2024, 3, 20),
        separated_on=D(2024, 3, 1),
    )
    assert "separated_on" in errors_of(joined)


def test_court_order_before_filing_is_refused(case):
    order = Order(title="Early", kind="interim", date=D(2024, 2, 1), case=case)
    assert "date" in errors_of(order)
    letter = Order(title="Letter", kind="government_order", date=D(2024, 2, 1), case=case)
    letter.full_clean()


def test_status_edit_is_recorded_as_a_change(case):
    case.status = "notice_issued"
    case.save()
    change = case.status_changes.get()
    assert (change.from_status, change.to_status) == ("filed", "notice_issued")
