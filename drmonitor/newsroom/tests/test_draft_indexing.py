"""A reporter's draft saved in the admin without any author: it is indexed (on save and by
`update_index`), editors find it with the admin's search, readers only once it is published.

Reported as a KeyError in the search index for such a draft; these tests make the draft the
way the admin's form does (an empty authors formset), on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from drmonitor.accounts.roles import EDITORS, REPORTERS
from drmonitor.newsroom.models import ArticlePage, Author, SectionPage

pytestmark = pytest.mark.django_db
User = get_user_model()
TITLE = "Zebrafish hearing adjourned"


def staff(name: str, group: str) -> Client:
    user = User.objects.create_user(name, f"{name}@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def save_draft_without_authors(reporter: Client, *, byline_removed: bool) -> ArticlePage:
    """Fill in the admin's "add article" form and save a draft, leaving the authors empty (or
    removing the byline the form starts with)."""
    section = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    add_url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", section.pk))
    data = querydict_from_html(reporter.get(add_url).text, form_id="page-edit-form")
    data.update(
        {"title": TITLE, "slug": "zebrafish-hearing", **nested_form_data({"body": streamfield([])})}
    )
    if byline_removed:
        assert data["article_authors-TOTAL_FORMS"] == "1", "the form starts with the byline"
        data["article_authors-0-DELETE"] = "1"
    response = reporter.post(add_url, data)
    assert response.status_code == 302, response.text[:2000]
    article = ArticlePage.objects.get(slug="zebrafish-hearing")
    assert not article.live
    assert article.authors() == []
    return article


def admin_search_titles(client: Client) -> str:
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "zebrafish"})
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("byline_removed", [False, True])
def test_a_draft_without_authors_is_indexed_and_found_by_editors_only(home, byline_removed):
    reporter = staff("rubab", REPORTERS)
    if byline_removed:
        Author.objects.create(name="Rubab Ali", slug="rubab-ali", user=User.objects.get())
    article = save_draft_without_authors(reporter, byline_removed=byline_removed)
    call_command("update_index", verbosity=0)

    editor = staff("ehsan", EDITORS)
    assert TITLE in admin_search_titles(editor)
    reader = Client()
    assert TITLE not in reader.get("/search/", {"q": "zebrafish"}).text
    assert TITLE not in reader.get("/search/live/", {"q": "zebraf"}).text

    article.save_revision().publish()
    assert TITLE in reader.get("/search/", {"q": "zebrafish"}).text
