"""The background worker: scheduled articles go live by themselves, and one failing job
does not stop the others."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from drmonitor.core import worker
from drmonitor.newsroom.models import ArticlePage, SectionPage

POLL_LIMIT = timedelta(seconds=30)  # a bound for a broken worker, not a speed goal
PUBLISHES = ("wagtail.publish", "wagtail.publish.scheduled")  # not "...publish.schedule"


class Worker:
    """The real worker loop in a thread, as `drmonitor run` starts it beside the server."""

    def __init__(self, interval: float) -> None:
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _run(self, interval: float) -> None:
        try:
            worker.run_forever(interval, self.stop)
        finally:
            connections.close_all()  # this thread's own database connection

    def __enter__(self) -> Worker:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()


def schedule_article(section: SectionPage, title: str, go_live_at) -> ArticlePage:
    """What an editor does with "Go live at" and Publish: an approved, scheduled revision."""
    article = ArticlePage(
        title=title,
        slug="pta-restores-x-access",
        standfirst="Access is back on every network, the regulator says.",
        live=False,
        go_live_at=go_live_at,
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == go_live_at
    return article


def wait_until(condition, what: str) -> None:
    stop = threading.Event()
    deadline = timezone.now() + POLL_LIMIT
    while not condition():
        assert timezone.now() < deadline, f"gave up waiting: {what}"
        stop.wait(0.1)


# Committed data, for the worker's own connection; serialized rollback restores what migrations
# made (page tree root, locale, roles) after the flush, as the other transactional tests expect.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_scheduled_article_appears_by_itself_after_its_time(home, settings):
    settings.DRM_WORKER_JOBS = ["drmonitor.core.worker.publish_scheduled"]
    section = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    title = "PTA restores access to X"
    go_live_at = timezone.now() + timedelta(seconds=2)
    article = schedule_article(section, title, go_live_at)
    url = article.get_url()
    reader = Client()

    assert reader.get(url).status_code == 404
    assert title not in reader.get(section.url).text

    # While the worker writes, the test database (SQLite in memory, shared cache) can refuse a
    # read with "table is locked", which the file database of `make run` (WAL) never does; the
    # poll counts such an answer as "not yet", and the checks after the loop use `reader`.
    poller = Client(raise_request_exception=False)
    with Worker(interval=0.2):
        wait_until(lambda: poller.get(url).status_code == 200, "the article to go live")

    page = reader.get(url)
    assert title in page.text
    assert title in reader.get(section.url).text
    article.refresh_from_db()
    assert article.live and article.first_published_at >= go_live_at  # not a moment early


seen: list[str] = []


def failing_job() -> int:
    raise RuntimeError("the OONI API is down")


def counting_job() -> int:
    seen.append("ran")
    return 1


def stopping_job() -> int:
    """Ends the loop from inside after three rounds, so the test needs no timing."""
    if len(seen) >= 3:
        loop_stop.set()
    return 0


loop_stop = threading.Event()


@pytest.fixture
def jobs(settings):
    seen.clear()
    loop_stop.clear()
    settings.DRM_WORKER_JOBS = [
        f"{__name__}.failing_job",
        f"{__name__}.counting_job",
        f"{__name__}.stopping_job",
    ]


@pytest.mark.django_db  # the worker recycles its database connection between jobs
def test_a_failing_job_does_not_stop_the_others(jobs, caplog):
    assert worker.run_once() == 1
    assert seen == ["ran"]
    assert "background job failing_job failed" in caplog.text
    assert "the OONI API is down" in caplog.text


@pytest.mark.django_db
def test_the_loop_outlives_a_failing_job(jobs, caplog):
    worker.run_forever(0, loop_stop)

    assert seen == ["ran", "ran", "ran"]
    assert caplog.text.count("background job failing_job failed") == 3


@pytest.mark.django_db
def test_a_worker_that_dies_mid_publish_leaves_the_article_scheduled_then_publishes_it_once(
    home,
):
    """The worker can be killed at any moment (a deploy, the OOM killer). Dying after the page
    row is saved and before the publish is logged must not leave a live page without its
    publish, nor a page no longer scheduled that never went live."""
    section = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    go_live_at = timezone.now() + timedelta(seconds=1)
    article = schedule_article(section, "PTA restores access to X", go_live_at)
    wait_until(lambda: timezone.now() > go_live_at, "the go-live time")

    def die(**kwargs) -> None:  # sent once the page row is saved, before the publish is logged
        raise RuntimeError("the worker died here")

    page_published.connect(die)
    try:
        with pytest.raises(RuntimeError):
            worker.publish_scheduled()
    finally:
        page_published.disconnect(die)
    article.refresh_from_db()
    assert not article.live
    assert article.revisions.filter(approved_go_live_at=go_live_at).exists()

    assert worker.publish_scheduled() == 1
    article.refresh_from_db()
    assert article.live
    publishes = PageLogEntry.objects.filter(page=article, action__in=PUBLISHES)
    assert list(publishes.values_list("action", flat=True)) == ["wagtail.publish.scheduled"]
    assert worker.publish_scheduled() == 0
