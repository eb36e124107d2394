"""Page files: anonymous pages written for nginx, never for editors, stale at once on publish.

The first group runs the page cache in this process and looks at what lands on disk; the
last test puts real nginx, configured by `drmonitor manage nginx_config`, in front of the live
server and checks what readers and editors actually get.
"""

from __future__ import annotations

import http.client
import io
import logging
import os
import shutil
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory

from drmonitor.core import page_files, worker
from drmonitor.core.cache import PageCacheMiddleware, bump_generation
from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import ArticlePageFactory, AuthorFactory
from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.testing.requirements import require

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SECURITY_HEADERS = (
    "Content-Type",
    "Cache-Control",
    "Vary",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


@pytest.fixture
def pages_dir(settings, tmp_path) -> Path:
    """Page cache and page files on, with the generation stamp in this test's own folder."""
    settings.DRM_PAGE_CACHE_SECONDS = 300
    settings.VAR_DIR = tmp_path
    settings.DRM_PAGE_FILES_DIR = str(tmp_path / "pages")
    return tmp_path / "pages"


def publish_article(title: str = "Original headline") -> ArticlePage:
    news = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    author = AuthorFactory(name="Sana Iqbal", slug="sana-iqbal")
    story = ArticlePageFactory(parent=news, title=title, authors=[author])
    story.save_revision().publish()
    SiteSettings.load()  # created on first use; a fresh site's first page view would do it
    return story


@pytest.fixture
def article(home, pages_dir) -> ArticlePage:
    return publish_article()


def file_for(pages_dir: Path, url: str, host: str = "testserver") -> Path:
    return pages_dir / "current" / host / url.strip("/") / "index.html"


def all_files(pages_dir: Path) -> set[Path]:
    return set(pages_dir.rglob("index.html"))


def title_of(html: bytes | str) -> str:
    text = html.decode() if isinstance(html, bytes) else html
    return text.split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0]


def test_an_anonymous_article_view_writes_a_file_nginx_can_read(client, article, pages_dir):
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    written = file_for(pages_dir, article.url)
    assert written.read_bytes() == response.content
    # nginx's workers are another user: every directory on the way and the file are readable.
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    for directory in written.relative_to(pages_dir).parents:
        if str(directory) != ".":
            assert stat.S_IMODE((pages_dir / directory).stat().st_mode) == 0o755, directory
    assert not [p for p in written.parent.iterdir() if p.name != "index.html"]  # no temp left


def test_readers_with_a_session_and_other_pages_write_nothing(client, article, pages_dir):
    client.get(article.url)
    before = all_files(pages_dir)
    assert len(before) == 1

    client.cookies["sessionid"] = "abc"
    assert client.get("/drm-exclusive/news/").status_code == 200
    del client.cookies["sessionid"]
    # Search results, page 2, campaign links and feeds stay with Django.
    for url in ("/search/?q=privacy", "/drm-exclusive/news/?page=1", "/?utm_source=x"):
        assert client.get(url).status_code == 200, url
    feed = client.get("/feed/")
    assert feed["X-Page-Cache"] == "miss" and "xml" in feed["Content-Type"]
    assert all_files(pages_dir) == before


def test_a_publish_points_current_at_a_new_empty_tree(client, article, pages_dir, committed):
    client.get(article.url)
    old_tree = (pages_dir / "current").resolve()
    assert file_for(pages_dir, article.url).exists()

    article.title = "Corrected headline"
    with committed():
        article.save_revision().publish()
    assert (pages_dir / "current").resolve() != old_tree
    assert not file_for(pages_dir, article.url).exists()
    assert (old_tree / "testserver").exists()  # left for the pruner, out of nginx's sight

    response = client.get(article.url)
    assert title_of(response.content) == "Corrected headline"
    assert title_of(file_for(pages_dir, article.url).read_bytes()) == "Corrected headline"


def test_a_page_rendered_while_an_editor_published_is_not_written(home, pages_dir):
    """The render read the old text; its file would outlive the publish that replaced it."""

    def view_during_a_publish(request) -> HttpResponse:
        html = "<h1>Old text</h1>"
        bump_generation()  # the editor's publish commits while this page is being rendered
        return HttpResponse(html)

    response = PageCacheMiddleware(view_during_a_publish)(RequestFactory().get("/racing/"))
    assert response["X-Page-Cache"] == "miss"  # Django still answers, and caches it per key
    assert not all_files(pages_dir)
    assert (pages_dir / "current").resolve().is_dir()


def test_the_next_day_gets_a_new_tree_from_the_worker(client, article, pages_dir, settings):
    client.get(article.url)
    yesterday = os.readlink(pages_dir / "current")
    # A real change of date: a zone whose calendar day is not Karachi's right now.
    karachi = datetime.now(ZoneInfo("Asia/Karachi")).date()
    settings.TIME_ZONE = next(
        zone
        for zone in ("Pacific/Kiritimati", "Etc/GMT+12")
        if datetime.now(ZoneInfo(zone)).date() != karachi
    )
    # The worker's own job, as configured (run_once() would also close the test's database
    # connection between jobs, which a test transaction on PostgreSQL does not survive).
    job = next(job for job in worker.jobs() if job.__name__ == "refresh_page_files")
    assert job() >= 1
    today = os.readlink(pages_dir / "current")
    assert today != yesterday and today.endswith(
        datetime.now(ZoneInfo(settings.TIME_ZONE)).date().isoformat()
    )
    assert not file_for(pages_dir, article.url).exists()
    client.get(article.url)
    assert file_for(pages_dir, article.url).exists()


def test_the_worker_prunes_trees_dead_for_ten_minutes(client, article, pages_dir, committed):
    client.get(article.url)
    first = (pages_dir / "current").resolve()
    with committed():
        bump_generation()
    second = (pages_dir / "current").resolve()
    with committed():
        bump_generation()
    long_ago = time.time() - page_files.DEAD_TREE_SECONDS - 60
    os.utime(first, (long_ago, long_ago))
    assert page_files.refresh() == 1
    assert not first.exists()
    assert second.exists()  # dead only a moment ago: a request may still be writing there
    assert (pages_dir / "current").resolve().is_dir()


def test_an_unwritable_directory_is_logged_and_readers_still_get_pages(
    client, home, settings, tmp_path, caplog, committed
):
    settings.DRM_PAGE_CACHE_SECONDS = 300
    settings.VAR_DIR = tmp_path
    (tmp_path / "a-file").write_text("not a directory")
    settings.DRM_PAGE_FILES_DIR = str(tmp_path / "a-file" / "pages")  # fails even for root
    story = publish_article()
    with caplog.at_level(logging.ERROR, logger="drmonitor.core.page_files"):
        response = client.get(story.url)
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
        assert title_of(response.content) == "Original headline"
        with committed():
            bump_generation()  # a publish must not fail either
        assert client.get(story.url).status_code == 200
    assert "page files: could not" in caplog.text


def test_nginx_config_carries_django_headers(home, pages_dir):
    out = io.StringIO()
    call_command("nginx_config", listen="127.0.0.1:18080", upstream="127.0.0.1:8000", stdout=out)
    config = out.getvalue()
    assert f'root "{pages_dir}";' in config
    assert "try_files $drm_page_file @django;" in config
    assert 'default_type "text/html; charset=utf-8";' in config
    assert 'add_header X-Frame-Options "DENY";' in config
    assert 'add_header Cache-Control "public, max-age=0, must-revalidate";' in config
    assert "(sessionid|messages)=" in config
    assert "proxy_pass http://127.0.0.1:8000;" in config


def test_nginx_config_for_https_sends_hsts_and_never_a_file_over_http(home, pages_dir, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    out = io.StringIO()
    call_command("nginx_config", server_names=["example.org"], stdout=out)
    config = out.getvalue()
    assert 'add_header Strict-Transport-Security "max-age=3600";' in config
    assert 'if ($scheme != "https")' in config
    assert "server_name example.org;" in config


# --- with real nginx ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def world_readable_dir() -> Iterator[Path]:
    """Page files where nginx's unprivileged workers can reach them (tmp_path is 0700)."""
    path = Path(tempfile.mkdtemp(prefix="drm-page-files-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def nginx_front(live_server, settings, tmp_path, world_readable_dir) -> Iterator[int]:
    """nginx with the generated server block in front of the live server; yields its port."""
    require(Path(NGINX).exists(), "nginx (CI installs nginx-light)")
    settings.DRM_PAGE_CACHE_SECONDS = 300
    settings.VAR_DIR = tmp_path
    settings.DRM_PAGE_FILES_DIR = str(world_readable_dir)
    port = free_port()
    upstream = f"127.0.0.1:{urlsplit(live_server.url).port}"
    out = io.StringIO()
    call_command("nginx_config", listen=f"127.0.0.1:{port}", upstream=upstream, stdout=out)
    # As in production: a root master, workers as an unprivileged user.
    user = "user www-data;" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"  {kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log {tmp_path}/access.log;
{temp}
  proxy_max_temp_file_size 0;
{out.getvalue()}
}}
"""
    )
    command = [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "error.log")]
    command += ["-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen(command)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(
    port: int, path: str, cookie: str = "", host: str = ""
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    if host:
        headers["Host"] = host
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_serves_files_to_readers_and_django_to_editors(home, nginx_front):
    port = nginx_front
    story = publish_article()
    url = story.url

    status, first, body = get(port, url)
    assert (status, first.get("X-Page-Cache")) == (200, "miss")
    status, second, again = get(port, url)
    assert (status, second.get("X-Page-Cache")) == (200, "file")
    assert again == body
    for name in SECURITY_HEADERS:
        assert second.get(name) == first.get(name), name

    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw-1234567")
    browser = Client()
    browser.force_login(editor)
    session = f"csrftoken=x; sessionid={browser.cookies['sessionid'].value}"
    status, headers, _ = get(port, url, cookie=session)
    assert status == 200 and "X-Page-Cache" not in headers
    assert "private" in headers["Cache-Control"]
    assert get(port, url + "?utm_source=x")[1].get("X-Page-Cache") != "file"
    assert get(port, url, cookie="messages=pending")[1].get("X-Page-Cache") != "file"
    assert get(port, url, cookie="xsessionid=1")[1].get("X-Page-Cache") == "file"

    story = ArticlePage.objects.get(pk=story.pk)
    story.title = "Headline corrected by the editor"
    story.save_revision(user=editor).publish(user=editor)  # commits: no transaction around it
    status, headers, body = get(port, url)
    assert status == 200 and headers.get("X-Page-Cache") == "miss"
    assert title_of(body) == "Headline corrected by the editor"
    status, headers, body = get(port, url)
    assert headers.get("X-Page-Cache") == "file"
    assert title_of(body) == "Headline corrected by the editor"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_made_up_port_in_the_host_header_never_reaches_shared_files(home, nginx_front):
    """Pages link to themselves with the request's host; a file is what every reader gets."""
    port = nginx_front
    publish_article()
    status, headers, _ = get(port, "/", host="127.0.0.1:6666")
    assert (status, headers.get("X-Page-Cache")) == (200, "miss")
    status, headers, body = get(port, "/")
    assert headers.get("X-Page-Cache") == "file"
    assert f'<link rel="canonical" href="http://127.0.0.1:{port}/">' in body.decode()
    assert b"6666" not in body
