"""Reads are counted by the site itself, per page and day, and nothing about the reader."""

from __future__ import annotations

import datetime

from drmonitor.newsroom.factories import ArticlePageFactory
from drmonitor.newsroom.models import SectionPage
from drmonitor.readership.counting import most_read, reads_of, record_read
from drmonitor.readership.models import DailyReads


def _news(home) -> SectionPage:
    return SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")


def test_the_beacon_counts_a_read_and_sets_no_cookie(client, home):
    story = ArticlePageFactory(parent=_news(home), title="Counted")
    for _ in range(3):
        response = client.post(f"/read/{story.pk}/")
        assert response.status_code == 204
        assert not response.cookies  # no session, no CSRF cookie: nothing to tell readers apart
    assert reads_of([story.pk]) == {story.pk: 3}
    row = DailyReads.objects.get()
    assert {field.name for field in DailyReads._meta.fields} == {"id", "page", "day", "reads"}
    assert row.reads == 3


def test_the_beacon_takes_only_posts_for_live_pages(client, home):
    draft = ArticlePageFactory(parent=_news(home), live=False)
    assert client.get(f"/read/{draft.pk}/").status_code == 405
    assert client.post(f"/read/{draft.pk}/").status_code == 404
    assert client.post("/read/999999/").status_code == 404
    assert not DailyReads.objects.exists()


def test_most_read_ranks_the_week_and_leaves_older_reads_out(home):
    news = _news(home)
    today = datetime.date(2026, 12, 3)
    quiet, popular, old_hit = (ArticlePageFactory(parent=news) for _ in range(3))
    for day_offset, page, reads in [
        (0, quiet, 1),
        (1, popular, 2),
        (6, popular, 1),
        (9, old_hit, 9),
    ]:
        for _ in range(reads):
            record_read(page.pk, today - datetime.timedelta(days=day_offset))
    assert most_read(days=7, today=today) == [popular.pk, quiet.pk]
    assert most_read(days=1, today=today) == [quiet.pk]
    popular.unpublish()
    assert most_read(days=7, today=today) == [quiet.pk]
