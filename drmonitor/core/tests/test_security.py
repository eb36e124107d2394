"""Safety: production settings pass Django's deploy check, the Redis cache really works,
rich text cannot carry scripts onto a page, and forms refuse posts without a CSRF token."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.testing.requirements import require

REPO = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A production environment as an operator would set it, with a SQLite file database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DRM_", "EMAIL_")) and key not in {"DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="drmonitor.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        DJANGO_ALLOWED_HOSTS="drm.example.org",
        DRM_BASE_URL="https://drm.example.org",
        EMAIL_HOST="127.0.0.1",
        DRM_VAR_DIR=str(tmp_path / "var"),
        **extra,
    )
    return env


def run_django(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_django(
        production_env(tmp_path, REDIS_URL=REDIS_URL),
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DATABASE_URL", "DRM_BASE_URL"])
def test_production_names_a_missing_secret_or_address(tmp_path, missing):
    env = production_env(tmp_path)
    del env[missing]
    result = run_django(env, "check")
    assert result.returncode != 0
    assert f"Production settings need the environment variable {missing}" in result.stderr


REDIS_PROBE = """
import django, json, sys, uuid
django.setup()
from django.conf import settings
from django.core.cache import cache
key = "security-test:" + uuid.uuid4().hex
cache.set(key, {"article": 42}, 60)
got = cache.get(key)
added_twice = cache.add(key, "again")
cache.delete(key)
print(json.dumps({
    "backend": settings.CACHES["default"]["BACKEND"],
    "got": got,
    "added_twice": added_twice,
    "after_delete": cache.get(key),
}))
"""


def redis_reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=2):
            return True
    except OSError:
        return False


def test_production_cache_is_redis_and_works(tmp_path):
    require(redis_reachable(REDIS_URL), f"Redis is not reachable at {REDIS_URL}")
    env = production_env(tmp_path, REDIS_URL=REDIS_URL)
    result = subprocess.run(
        [sys.executable, "-c", REDIS_PROBE],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {
        "backend": "drmonitor.core.caching.resilient.ResilientRedisCache",
        "got": {"article": 42},
        "added_twice": False,  # the value was really stored in Redis
        "after_delete": None,
    }


# A paragraph as the admin's rich text editor sends it (Draftail's contentstate), forged to
# carry a script, an event handler and a javascript: link.
HOSTILE_PARAGRAPH = {
    "blocks": [
        {
            "key": "k1",
            "text": 'Read <script>alert("owned")</script> and <b onclick="steal()">this</b>',
            "type": "unstyled",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
            "data": {"onclick": "steal()"},
        },
        {
            "key": "k2",
            "text": "second",
            "type": "<script>alert(2)</script>",
            "depth": 0,
            "inlineStyleRanges": [{"offset": 0, "length": 6, "style": "onmouseover"}],
            "entityRanges": [{"offset": 0, "length": 6, "key": 1}],
            "data": {},
        },
    ],
    "entityMap": {
        "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:steal()"}},
        "1": {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": 'https://example.org/" onclick="steal()'},
        },
    },
}


@pytest.mark.django_db
def test_rich_text_from_the_admin_cannot_carry_scripts(client, home):
    editor = get_user_model().objects.create_superuser("eic", "eic@example.org", "x")
    client.force_login(editor)
    section = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    add_url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", section.pk))
    data = querydict_from_html(client.get(add_url).text, form_id="page-edit-form")
    data.update(
        {
            "title": "Sanitised story",
            "slug": "sanitised-story",
            "action-publish": "1",
            **nested_form_data(
                {"body": streamfield([("paragraph", json.dumps(HOSTILE_PARAGRAPH))])}
            ),
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.text[:2000]
    article = ArticlePage.objects.get(slug="sanitised-story")
    assert article.live

    html = Client().get(article.url).text
    soup = BeautifulSoup(html, "html.parser")
    paragraph = soup.find(string=lambda text: text and "alert(" in text)
    assert paragraph is not None, "the hostile paragraph is not on the page at all"
    # The words survive as text; none of them became markup.
    assert '<script>alert("owned")</script>' in paragraph.parent.get_text()
    assert not [tag for tag in soup.find_all("script") if "alert" in tag.get_text()]
    body = paragraph.find_parent("p").parent  # the article body around the paragraph
    handlers = [
        (tag.name, name)
        for tag in body.find_all(True)
        for name in tag.attrs
        if name.lower().startswith("on")
    ]
    assert handlers == []
    links = [tag.get("href", "") for tag in body.find_all("a")]
    assert links, "the link itself is kept, without its hostile address"
    assert not [href for href in links if "javascript:" in href.lower() or '"' in href]
    assert "onmouseover" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "accounts:register",
            {"username": "x", "email": "x@example.org", "password1": "p", "password2": "p"},
        ),
        ("accounts:login", {"username": "x", "password": "p"}),
        ("accounts:password_reset", {"email": "x@example.org"}),
        ("wagtailadmin_login", {"username": "x", "password": "p"}),
    ],
)
def test_forms_refuse_posts_without_a_csrf_token(url, data):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse(url), data)
    assert response.status_code == 403

    # The same form, fetched first as a browser would, carries a token and is accepted.
    page = browser.get(reverse(url))
    token = page.context["csrf_token"] if page.context else browser.cookies["csrftoken"].value
    response = browser.post(reverse(url), {**data, "csrfmiddlewaretoken": str(token)})
    assert response.status_code != 403
