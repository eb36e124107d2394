"""Reporters' hearings and orders go through review; sources are evidence, changed by editors.

Reporters add and edit hearings and orders as drafts and submit them to the "Editorial review"
workflow (its reviewers, moderators and editors, approve and publish). They may add a source
but not change one: a source backs every record that cites it, editors' incidents included.
"""

from django.db import migrations

from drmonitor.accounts.roles import REPORTERS, put_under_review, revoke_model_permissions

REVIEWED = ["hearing", "order"]


def review(apps, schema_editor) -> None:
    revoke_model_permissions(apps, REPORTERS, "tracker", "source", ["change"])
    put_under_review(apps, "tracker", REVIEWED)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0006_evidence_sources_review_documents"),
        ("accounts", "0001_editorial_roles"),
    ]

    operations = [migrations.RunPython(review, migrations.RunPython.noop)]
