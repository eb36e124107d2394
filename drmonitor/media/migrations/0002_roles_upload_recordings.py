"""Reporters may upload vodcast recordings and editors manage them: the newsroom's roles
(accounts/roles.py) put back with wagtailmedia's permissions, now that its tables exist."""

from django.db import migrations

from drmonitor.accounts.roles import ensure_editorial_roles


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
        ("accounts", "0001_editorial_roles"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(ensure_editorial_roles, migrations.RunPython.noop)]
