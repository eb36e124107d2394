"""Every test starts from the installed site, tests that commit included (drmonitor/conftest.py).

The two committing tests below run one after the other: the first deletes a section for real,
the second must still find the whole tree, restored from the serialized state that
`drmonitor.testing.databases` takes again after the install.
"""

from __future__ import annotations

import pytest
from django.db import connection

from drmonitor.newsroom.models import SectionPage
from drmonitor.newsroom.sections import find_section, section_paths


@pytest.mark.django_db
def test_a_test_starts_with_the_home_page_and_the_section_tree():
    assert SectionPage.objects.count() == len(section_paths())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committing_test_may_delete_a_section(home):
    assert hasattr(connection, "_test_serialized_contents"), "Django moved the serialized state"
    find_section(home, "drm-exclusive/news").delete()
    assert SectionPage.objects.count() == len(section_paths()) - 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_next_committing_test_finds_the_whole_tree_again():
    assert SectionPage.objects.count() == len(section_paths())
