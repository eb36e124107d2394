"""Reporters upload an episode's recording; editors also change and delete recordings."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.permissions import policy_registry
from wagtailmedia.models import get_media_model

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS
from drmonitor.media.factories import RecordingFactory


def member_of(group: str):
    user = get_user_model().objects.create_user(group.lower(), f"{group}@example.org", "x-12345")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_who_may_upload_and_manage_recordings(db):
    policy = policy_registry.get_by_type(get_media_model())
    reporter, editor, moderator = member_of(REPORTERS), member_of(EDITORS), member_of(MODERATORS)
    editors_upload = RecordingFactory(uploaded_by_user=editor)
    reporters_upload = RecordingFactory(uploaded_by_user=reporter)
    assert policy.user_has_permission(reporter, "add")
    # A reporter changes their own upload, not an editor's; an editor manages every upload.
    assert policy.user_has_permission_for_instance(reporter, "change", reporters_upload)
    assert not policy.user_has_permission_for_instance(reporter, "delete", editors_upload)
    for action in ("change", "delete"):
        assert policy.user_has_permission_for_instance(editor, action, reporters_upload)
    assert not policy.user_has_permission(moderator, "add")
