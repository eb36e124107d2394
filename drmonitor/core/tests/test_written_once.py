"""A query written once answers what Django's ORM answers, with the rows as they are now."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from drmonitor.core.written_once import WrittenOnce

pytestmark = pytest.mark.django_db


def pages_by_id():
    return WrittenOnce(
        lambda ids: Page.objects.filter(pk__in=ids).values_list("pk", "title", "first_published_at")
    )


def test_it_answers_as_the_orm_for_any_number_of_ids(home):
    pages = [home.add_child(instance=Page(title=f"Page {n}", slug=f"page-{n}")) for n in range(10)]
    ids = [page.pk for page in pages]
    query = pages_by_id()
    for count in (1, 3, 8, 9, 10):
        expected = Page.objects.filter(pk__in=ids[:count]).values_list(
            "pk", "title", "first_published_at"
        )
        assert sorted(query.rows(ids[:count])) == sorted(expected)
    assert query.rows([]) == []
    assert query.rows([ids[0], ids[0]]) == [(ids[0], "Page 0", pages[0].first_published_at)]


def test_it_reads_what_changed_after_its_sql_was_written(home):
    page = home.add_child(instance=Page(title="Before", slug="before"))
    query = pages_by_id()
    assert query.rows([page.pk])[0][1] == "Before"
    Page.objects.filter(pk=page.pk).update(title="After")
    assert query.rows([page.pk])[0][1] == "After"


def test_dates_come_back_as_django_gives_them(home):
    page = home.add_child(instance=Page(title="Dated", slug="dated"))
    page.save_revision().publish()
    page.refresh_from_db()
    [(_pk, _title, published)] = pages_by_id().rows([page.pk])
    assert published == page.first_published_at and published.tzinfo is not None
