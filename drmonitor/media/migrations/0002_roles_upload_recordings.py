"""Reporters may upload vodcast recordings and editors manage them: the newsroom's roles
(accounts/roles.py) get wagtailmedia's permissions, now that its tables exist. Only these are
set, so what other apps' migrations granted the roles (the tracker's records) stays."""

from django.db import migrations

from drmonitor.accounts.roles import set_collection_permissions


def grant_recordings(apps, schema_editor) -> None:
    set_collection_permissions(apps, "media")


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
        ("accounts", "0001_editorial_roles"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(grant_recordings, migrations.RunPython.noop)]
