"""The import page refuses a file over its size limit before anything reads it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from drmonitor.tracker.models import StopImportRun

pytestmark = pytest.mark.django_db


def test_a_sheet_over_20_mb_is_refused_with_the_limit_named_and_starts_no_run(
    client, django_user_model
):
    editor = django_user_model.objects.create_user("stop-editor", password="x")
    codenames = ["access_admin", "add_incident", "change_incident"]
    editor.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(editor)
    header = b"country,start_date\n"
    too_large = header + b"x" * (20 * 1024 * 1024 + 1 - len(header))
    upload = SimpleUploadedFile("stop.csv", too_large, content_type="text/csv")

    response = client.post("/admin/tracker/import-stop/", {"file": upload, "commit": "on"})

    assert response.status_code == 200
    assert "The file is larger than 20 MB." in response.content.decode()
    assert not StopImportRun.objects.exists()
