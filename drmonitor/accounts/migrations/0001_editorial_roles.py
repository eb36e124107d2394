from django.db import migrations

from drmonitor.accounts.roles import ensure_editorial_roles


def roles_of_images_and_documents(apps, schema_editor) -> None:
    """The roles as this migration first made them: recordings (wagtailmedia) are added by
    media's 0002, which runs once wagtailmedia's own migrations have made its permissions."""
    ensure_editorial_roles(apps, schema_editor, kinds=("image", "document"))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("newsroom", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(roles_of_images_and_documents, migrations.RunPython.noop)
    ]
