"""Editors curate the newsroom's playlists and feature public ones; no other role may."""

from django.db import migrations

from drmonitor.accounts.roles import EDITORS, grant_model_permissions


def grant(apps, schema_editor) -> None:
    grant_model_permissions(apps, EDITORS, "playlists", "playlist", ["add", "change", "delete", "view"])


class Migration(migrations.Migration):
    dependencies = [
        ("playlists", "0001_initial"),
        ("accounts", "0001_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
