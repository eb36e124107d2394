"""Production's front: nginx, configured by `drmonitor manage nginx_config`, keeps the pages
Django keeps, for readers only, and Django purges them when what they show changes.

The configuration tests read the generated text; the others put real nginx (with Debian's
cache_purge module) in front of the live server and check what readers and editors get.
"""

from __future__ import annotations

import http.client
import io
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import ArticlePageFactory
from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.testing.requirements import require

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def generate(**options) -> str:
    out = io.StringIO()
    call_command("nginx_config", stdout=out, **options)
    return out.getvalue()


def test_the_config_keeps_only_what_django_keeps_and_takes_purges_from_here(db):
    """(The purge module's own `PURGE from` form crashes Debian's nginx 1.22, so purges are
    passed to a location of their own.)"""
    config = generate(listen="80", upstream="127.0.0.1:8000", server_names=["example.org"])
    assert "proxy_cache drm_pages;" in config
    # Nothing personal: a session or messages cookie, an Authorization header or a query
    # string goes to Django and is kept by no one.
    assert "proxy_cache_bypass $drm_personal $http_authorization $args;" in config
    assert "proxy_no_cache $drm_personal $http_authorization $args;" in config
    assert '"~(^|;) *(sessionid|messages)=" 1;' in config
    assert "allow 127.0.0.1;" in config and "proxy_cache_purge drm_pages $host$1;" in config
    # Only Django's X-Accel-Expires says how long: not its Cache-Control, not a default.
    assert "proxy_ignore_headers Vary Cache-Control Expires;" in config
    assert "proxy_cache_valid" not in config
    off = generate(purge_from=["none"])
    assert "proxy_cache_purge" not in off and "PURGE" not in off


def test_the_config_refuses_what_nginx_would_read_otherwise(db):
    with pytest.raises(CommandError, match="host:port"):
        generate(upstream="127.0.0.1:8000; evil")
    with pytest.raises(CommandError, match="nginx string literal"):
        generate(cache_dir="/var/cache/$evil")


# --- real nginx ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx_dir() -> Iterator[Path]:
    """A folder nginx's unprivileged workers can write their cache into (tmp_path is 0700)."""
    path = Path(tempfile.mkdtemp(prefix="drm-nginx-"))
    path.chmod(0o777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def nginx_front(live_server, settings, nginx_dir) -> Iterator[int]:
    """nginx with the generated configuration in front of the live server; yields its port.
    Django purges through it, as DRM_PURGE_URL makes it in production."""
    require(Path(NGINX).exists(), "nginx (CI installs nginx-light)")
    require(PURGE_MODULE.exists(), "nginx's cache_purge module (libnginx-mod-http-cache-purge)")
    port = free_port()
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    upstream = f"127.0.0.1:{urlsplit(live_server.url).port}"
    config = generate(listen=f"127.0.0.1:{port}", upstream=upstream, cache_dir=str(nginx_dir / "c"))
    # As in production: a root master, workers as an unprivileged user.
    user = "user www-data;" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"  {kind}_temp_path {nginx_dir}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (nginx_dir / "nginx.conf").write_text(
        f"""load_module {PURGE_MODULE};
{user}
worker_processes 1;
pid {nginx_dir}/nginx.pid;
error_log {nginx_dir}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log {nginx_dir}/access.log;
{temp}
{config}
}}
"""
    )
    command = [NGINX, "-p", str(nginx_dir), "-e", str(nginx_dir / "error.log")]
    command += ["-c", str(nginx_dir / "nginx.conf"), "-g", "daemon off;"]
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


def get(port: int, path: str, cookie: str = "", host: str = "") -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    if host:
        headers["Host"] = host
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, dict(response.getheaders()), body


def title_of(html: str) -> str:
    return html.split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0]


def news() -> SectionPage:
    return SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_keeps_pages_for_readers_and_django_purges_what_a_publish_changes(
    home, nginx_front, caplog
):
    port = nginx_front
    SiteSettings.load()
    now = timezone.now()
    story = ArticlePageFactory(parent=news(), title="Original headline", date_published=now)
    between = ArticlePageFactory(parent=news(), date_published=now - timedelta(days=5))
    unrelated = ArticlePageFactory(parent=news(), date_published=now - timedelta(days=50))

    for url in (story.url, unrelated.url, "/", news().url, between.url):
        assert get(port, url)[1]["X-Cache-Status"] == "MISS", url
    status, headers, body = get(port, story.url)
    assert (status, headers["X-Cache-Status"]) == (200, "HIT")
    assert title_of(body) == "Original headline"

    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw-1234567")
    browser = Client()
    browser.force_login(editor)
    session = f"csrftoken=x; sessionid={browser.cookies['sessionid'].value}"
    status, headers, _ = get(port, story.url, cookie=session)
    assert status == 200 and headers["X-Cache-Status"] == "BYPASS"
    assert "private" in headers["Cache-Control"]
    assert get(port, story.url + "?utm_source=x")[1]["X-Cache-Status"] == "BYPASS"
    assert get(port, story.url, cookie="messages=pending")[1]["X-Cache-Status"] == "BYPASS"
    assert get(port, story.url, cookie="xsessionid=1")[1]["X-Cache-Status"] == "HIT"

    story = ArticlePage.objects.get(pk=story.pk)
    story.title = "Headline corrected by the editor"
    story.save_revision(user=editor).publish(user=editor)  # commits: no transaction around it
    # Its feeds and tags were never read, so nginx holds no copy: nothing to purge, no error.
    assert not [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    for url in (story.url, "/", news().url):
        status, headers, body = get(port, url)
        assert headers["X-Cache-Status"] == "MISS", url
        assert "Headline corrected by the editor" in body, url
    # Sent from the cache again at once, and the new copy: the descriptor nginx kept open for
    # the purged file is not used for the file that replaced it.
    status, headers, body = get(port, story.url)
    assert headers["X-Cache-Status"] == "HIT"
    assert title_of(body) == "Headline corrected by the editor"
    assert get(port, unrelated.url)[1]["X-Cache-Status"] == "HIT"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_made_up_port_in_the_host_header_never_reaches_a_kept_page(home, nginx_front):
    """Pages link to themselves with the request's host; a kept page is what every reader
    gets."""
    port = nginx_front
    SiteSettings.load()
    status, headers, _ = get(port, "/", host="127.0.0.1:6666")
    assert (status, headers["X-Cache-Status"]) == (200, "MISS")
    status, headers, body = get(port, "/")
    assert headers["X-Cache-Status"] == "HIT"
    assert f'<link rel="canonical" href="http://127.0.0.1:{port}/">' in body
    assert "6666" not in body
