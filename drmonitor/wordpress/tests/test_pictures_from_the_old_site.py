"""--media-base: pictures fetched from the old site (a loopback server here), a few at a time,
retried when the server fails, each file fetched once however many attachments name it."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from drmonitor.core.models import CustomImage
from drmonitor.wordpress.importer import Options, import_wordpress
from drmonitor.wordpress.media import MediaSource, Wanted, fetch_all
from drmonitor.wordpress.tests.conftest import EXPORT


@pytest.fixture
def old_site(uploads: Path):
    """Serves the uploads folder; the first request for notice.png fails with 503."""
    requests: Counter = Counter()

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(uploads), **kwargs)

        def do_GET(self):
            requests[self.path] += 1
            if self.path.endswith("notice.png") and requests[self.path] == 1:
                self.send_error(503, "busy")
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_pictures_come_from_the_old_site_with_retries_and_once_each(home, old_site):
    base, requests = old_site
    report = import_wordpress(EXPORT, Options(media_base=base))
    assert CustomImage.objects.count() == 4
    assert requests["/2024/02/notice.png"] == 2  # failed once, then fetched
    assert requests["/2024/02/featured-x.jpg"] == 1  # named by two attachments
    assert "picture 106 2024/02/lost.jpg" in dict(report.skipped)
    assert "HTTP 404" in dict(report.skipped)["picture 106 2024/02/lost.jpg"]


def test_downloads_run_a_few_at_a_time_and_keep_their_order(old_site):
    base, requests = old_site
    source = MediaSource(media_base=base, pause_seconds=0.01)
    wanted = [Wanted(name, "") for name in ("2024/02/protest-one.jpg", "2024/02/nothing.jpg")] * 3
    results = list(fetch_all(source, wanted))
    assert [w.key for w, _, _ in results] == [w.key for w in wanted]
    assert [data is not None for _, data, _ in results] == [True, False] * 3
    assert results[1][2].endswith("HTTP 404")


def test_uploads_outside_the_folder_are_refused(uploads):
    source = MediaSource(uploads=uploads)
    results = list(fetch_all(source, [Wanted("../../etc/passwd", "")]))
    assert results[0][1] is None
    assert "outside the uploads folder" in results[0][2]
