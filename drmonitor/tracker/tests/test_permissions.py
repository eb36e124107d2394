"""Least privilege for the evidence desk: editors keep records, reporters add hearings."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS


def member_of(group: str):
    user = get_user_model().objects.create_user(f"{group.lower()}-1", password="x-long-pass-1")
    user.groups.add(Group.objects.get(name=group))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.mark.django_db
def test_editors_keep_every_record():
    editor = member_of(EDITORS)
    for perm in ("add_incident", "change_legalcase", "delete_hearing", "change_statement"):
        assert editor.has_perm(f"tracker.{perm}")
    assert not editor.has_perm("tracker.change_follow")  # readers' follows are theirs


@pytest.mark.django_db
def test_reporters_record_hearings_and_orders_but_not_incidents_or_cases():
    reporter = member_of(REPORTERS)
    assert reporter.has_perm("tracker.add_hearing") and reporter.has_perm("tracker.add_order")
    assert reporter.has_perm("tracker.view_incident")
    assert not reporter.has_perm("tracker.add_incident")
    assert not reporter.has_perm("tracker.change_legalcase")
    assert not reporter.has_perm("tracker.delete_hearing")


@pytest.mark.django_db
def test_moderators_get_nothing_in_the_tracker():
    moderator = member_of(MODERATORS)
    assert not moderator.has_perm("tracker.change_incident")
