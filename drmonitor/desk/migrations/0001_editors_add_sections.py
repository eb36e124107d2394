"""Editors add sections; reporters, who add articles, do not (desk/sections.py checks it).

The roles (accounts/roles.py) name the permission, so every later run of them keeps it; this
gives it to editors of an install whose roles were set up before it was named."""

from django.db import migrations

from drmonitor.accounts.roles import EDITORS, grant_model_permissions


def editors_add_sections(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, "newsroom", "sectionpage", ["add"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_editorial_roles"),
        ("newsroom", "0001_initial"),
    ]

    operations = [migrations.RunPython(editors_add_sections, migrations.RunPython.noop)]
