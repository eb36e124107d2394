"""Least privilege for the evidence desk: editors keep and publish records; reporters add and
change them as drafts; moderators approve drafts."""

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
def test_reporters_keep_records_as_drafts_they_cannot_publish():
    reporter = member_of(REPORTERS)
    for model in ("hearing", "order", "incident", "legalcase"):
        assert reporter.has_perm(f"tracker.add_{model}")
        assert reporter.has_perm(f"tracker.change_{model}")
        assert not reporter.has_perm(f"tracker.publish_{model}")
        assert not reporter.has_perm(f"tracker.delete_{model}")


@pytest.mark.django_db
def test_moderators_approve_reviewed_records_but_add_and_delete_none():
    moderator = member_of(MODERATORS)
    for model in ("hearing", "order", "incident", "legalcase"):
        assert moderator.has_perm(f"tracker.publish_{model}")
        assert not moderator.has_perm(f"tracker.add_{model}")
        assert not moderator.has_perm(f"tracker.delete_{model}")
    assert not moderator.has_perm("tracker.change_source")
