"""Reporters' hearings and orders go through review; sources are evidence, changed by editors.

Reporters add and edit hearings and orders as drafts and submit them to the "Editorial review"
workflow (its reviewers, moderators and editors, approve and publish). They may add a source
but not change one: a source backs every record that cites it, editors' incidents included.
"""

from django.db import migrations

from drmonitor.accounts.roles import (
    EDITORS,
    MODERATORS,
    REPORTERS,
    grant_model_permissions,
    revoke_model_permissions,
    review_snippets,
)

REVIEWED = ["hearing", "order"]


def review(apps, schema_editor) -> None:
    revoke_model_permissions(apps, REPORTERS, "tracker", "source", ["change"])
    for model in REVIEWED:
        grant_model_permissions(apps, EDITORS, "tracker", model, ["publish", "lock", "unlock"])
        grant_model_permissions(apps, MODERATORS, "tracker", model, ["change", "publish", "view"])
    review_snippets(apps, "tracker", REVIEWED)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0006_evidence_sources_review_documents"),
        ("accounts", "0001_editorial_roles"),
    ]

    operations = [migrations.RunPython(review, migrations.RunPython.noop)]
