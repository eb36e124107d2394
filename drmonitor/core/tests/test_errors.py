"""When something fails: the traceback is in the log, and a busy database gets a page that says
nothing was lost and to try again, not the generic error page."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from wagtail.models import Revision

from drmonitor.newsroom.tests.discovery_support import publish, section

pytestmark = pytest.mark.django_db

A_FAILING_REQUEST = textwrap.dedent(
    """
    import django
    django.setup()
    from django.test import Client, override_settings
    from django.urls import path

    def broken(request):
        raise RuntimeError("the reporter's upload broke here")

    urlpatterns = [path("broken/", broken)]
    with override_settings(ROOT_URLCONF="__main__", MIDDLEWARE=[]):
        print(Client(raise_request_exception=False).get("/broken/").status_code)
    """
)


def test_a_500_in_make_runs_settings_logs_its_traceback(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "drmonitor.settings.dev",
        "DRM_VAR_DIR": str(tmp_path),
    }
    env.pop("DRM_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", A_FAILING_REQUEST],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "500"
    assert "Traceback (most recent call last)" in done.stderr
    assert "RuntimeError: the reporter's upload broke here" in done.stderr


def test_an_editor_saving_into_a_busy_database_is_told_nothing_was_lost(client, home):
    """SQLite's query_only switch makes the database refuse the write, as one too busy to
    take it does (OperationalError, after the 20 s wait in production)."""
    if connection.vendor != "sqlite":
        pytest.skip("the query_only switch is SQLite's")
    article = publish(section(home, "editorial"), "Court lifts the ban")
    editor = get_user_model().objects.create_superuser("eic", "eic@example.org", "x")
    client.force_login(editor)
    client.raise_request_exception = False
    revisions = Revision.objects.count()
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    try:
        response = client.post(url, {"title": "Court lifts the ban today", "slug": article.slug})
    finally:
        # On the driver's own connection: should the request have broken the test's
        # transaction, Django would refuse the statement and leave every later test read-only.
        connection.connection.execute("PRAGMA query_only = OFF")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Nothing was lost" in response.text and "try again" in response.text
    article.refresh_from_db()
    assert article.title == "Court lifts the ban" and Revision.objects.count() == revisions
