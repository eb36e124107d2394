"""Editors make and edit campaign, statement and trend pages in Wagtail's editor."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from drmonitor.advocacy.factories import StatementPageFactory
from drmonitor.newsroom.sections import find_section
from drmonitor.trends.factories import TrendPageFactory


@pytest.fixture
def editor_client(client, home):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    return client


def test_each_new_page_type_opens_in_the_editor(editor_client, home):
    statements = find_section(home, "drm-advocacy/statements")
    monitor = find_section(home, "trends-monitor")
    campaign = find_section(home, "drm-exclusive/campaigns/privacyhumsabke")
    statement = StatementPageFactory(parent=statements)
    trend = TrendPageFactory(parent=monitor)
    for page in (statement, trend, campaign, statements, monitor):
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
    adding = {
        statements: "advocacy/statementpage",
        monitor: "trends/trendpage",
        campaign.get_parent(): "advocacy/campaignpage",
    }
    for parent, kind in adding.items():
        assert editor_client.get(f"/admin/pages/add/{kind}/{parent.pk}/").status_code == 200


def test_a_statements_section_takes_only_statements(editor_client, home):
    statements = find_section(home, "drm-advocacy/statements")
    response = editor_client.get(f"/admin/pages/add/newsroom/articlepage/{statements.pk}/")
    assert response.status_code == 302  # Wagtail sends the editor back with a message
    assert response["Location"] == "/admin/"
