"""The admin's "Import from WordPress": upload, background run by the worker, progress, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from drmonitor.core import worker
from drmonitor.newsroom.models import ArticlePage
from drmonitor.wordpress.models import ImportRun
from drmonitor.wordpress.tests.conftest import EXPORT


@pytest.fixture
def admin_client(db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def upload(client: Client, **fields):
    page = client.get(reverse("wordpress_import"))
    token = page.cookies["csrftoken"].value
    data = {"export": SimpleUploadedFile("site.xml", EXPORT.read_bytes()), **fields}
    return client.post(reverse("wordpress_import"), data, HTTP_X_CSRFTOKEN=token)


# The worker closes its connection after a job, as Django's commands do: a real transaction,
# not the test's, so the test also passes on PostgreSQL.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_upload_is_imported_by_the_worker_and_its_page_shows_progress_and_report(
    home, admin_client
):
    response = upload(admin_client, dry_run="")
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.state == ImportRun.QUEUED
    stored = Path(run.export_path)
    assert stored.is_file() and "media" not in stored.parts
    page = admin_client.get(response["Location"])
    assert b"<progress" in page.content and b"import-progress.js" in page.content
    assert admin_client.get(reverse("wordpress_import_progress", args=[run.pk])).json() == {
        "state": "queued",
        "done": 0,
        "total": 0,
        "percent": 0,
        "summary": "",
    }

    worker.run_once()

    run.refresh_from_db()
    assert run.state == ImportRun.DONE
    assert run.done == run.total > 0
    assert not stored.exists()  # the export held e-mail addresses
    assert ArticlePage.objects.filter(title__startswith="PTA blocks X").exists()
    progress = admin_client.get(reverse("wordpress_import_progress", args=[run.pk])).json()
    assert progress["percent"] == 100 and progress["state"] == "done"
    html = admin_client.get(reverse("wordpress_import_run", args=[run.pk])).content.decode()
    assert "Imported in" in html and "Comments (2), not kept" in html


@pytest.mark.django_db
def test_only_superusers_may_import_and_a_post_needs_its_token(home, admin_client):
    editor = get_user_model().objects.create_user("ed", "ed@example.org", "x", is_staff=True)
    client = Client()
    client.force_login(editor)
    assert client.get(reverse("wordpress_import")).status_code in (302, 403)
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(get_user_model().objects.get(username="chief"))
    data = {"export": SimpleUploadedFile("site.xml", EXPORT.read_bytes())}
    assert csrf.post(reverse("wordpress_import"), data).status_code == 403
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_an_export_gets_a_clear_message(home, admin_client):
    page = admin_client.get(reverse("wordpress_import"))
    token = page.cookies["csrftoken"].value
    data = {"export": SimpleUploadedFile("notes.xml", b"<notes>hello</notes>")}
    response = admin_client.post(reverse("wordpress_import"), data, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert "This is not a WordPress export" in response.content.decode()
    assert not ImportRun.objects.exists()
