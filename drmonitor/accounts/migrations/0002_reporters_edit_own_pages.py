from django.db import migrations

from drmonitor.accounts.roles import set_page_permissions


class Migration(migrations.Migration):
    """Reporters lose "change" on the page tree: they edit their own pages (and articles whose
    byline credits them), never the home page, sections or others' stories."""

    dependencies = [("accounts", "0001_editorial_roles")]

    operations = [migrations.RunPython(set_page_permissions, migrations.RunPython.noop)]
