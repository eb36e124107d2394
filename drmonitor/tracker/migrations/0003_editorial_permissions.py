"""Who may keep the evidence: editors keep every record; reporters add hearings and orders.

Least privilege: reporters cover courts, so they record what happened at a hearing and the
orders that followed, with their sources; incidents and cases stay with editors.
"""

from django.db import migrations

from drmonitor.accounts.roles import EDITORS, REPORTERS, grant_model_permissions

RECORDS = [
    "incident",
    "legalcase",
    "casenumber",
    "caseconsolidation",
    "hearing",
    "order",
    "court",
    "bench",
    "actor",
    "country",
    "law",
    "network",
    "service",
    "source",
    "statement",
    "campaign",
    "statuschange",
]
REPORTED = ["hearing", "order", "source"]


def grant(apps, schema_editor) -> None:
    for model in RECORDS:
        grant_model_permissions(apps, EDITORS, "tracker", model, ["add", "change", "delete", "view"])
        grant_model_permissions(
            apps, REPORTERS, "tracker", model, ["add", "change", "view"] if model in REPORTED else ["view"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0002_revisions"),
        ("accounts", "0001_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
