"""A web worker that serves no status page does not carry DuckDB (about 40 MB): it is loaded by
the first request that reads the measurement store. Checked in a fresh process, since this
one's tests have long loaded it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# A worker's life in short: its own database (tables made from the models, which is quicker
# than migrating and enough here), the URL configuration, pages of other apps, then /status/.
A_WORKER = textwrap.dedent(
    """
    import sys

    import django

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import get_resolver

    settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
    call_command("migrate", run_syncdb=True, verbosity=0)
    get_resolver().resolve("/status/PK/x.com/")
    get_resolver().resolve("/measurements/ingest/")
    print("urls", "duckdb" in sys.modules)
    for url in ("/robots.txt", "/incidents/"):
        assert Client().get(url).status_code == 200, url
    print("pages", "duckdb" in sys.modules)
    assert "No measurements yet" in Client().get("/status/").content.decode()
    print("status", "duckdb" in sys.modules)
    """
)


def test_duckdb_loads_with_the_first_status_page_not_with_the_url_conf(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "drmonitor.settings.test",
        "DRM_VAR_DIR": str(tmp_path),  # its own database, no measurement store
    }
    done = subprocess.run(
        [sys.executable, "-c", A_WORKER],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["urls False", "pages False", "status True"]
