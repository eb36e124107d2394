"""Staff of each role, and the sections they write in."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS
from drmonitor.newsroom.models import SectionPage

User = get_user_model()


def member_of(group_name: str | None, username: str, **fields):
    user = User.objects.create_user(
        username, email=f"{username}@example.org", password="x", **fields
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def news(home) -> SectionPage:
    return SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")


@pytest.fixture
def reporter(home):
    return member_of(REPORTERS, "rubab", first_name="Rubab", last_name="Ali")


@pytest.fixture
def editor(home):
    return member_of(EDITORS, "ehsan", first_name="Ehsan", last_name="Raza")


@pytest.fixture
def moderator(home):
    return member_of(MODERATORS, "mehwish")


@pytest.fixture
def admin(home):
    return User.objects.create_superuser("admin", email="admin@example.org", password="x")
