"""Every background import run keeps its uploaded file's name in `upload_name` (core's
BackgroundRun), as the STOP import's run already did."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("wordpress", "0001_initial")]

    operations = [
        migrations.RenameField("importrun", "export_name", "upload_name"),
    ]
