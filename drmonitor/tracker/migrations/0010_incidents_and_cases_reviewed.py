"""Reporters' changes to incidents and cases go through review, as hearings and orders do.

Incidents and cases get Wagtail's draft state, locking and workflows; their links to other
records become ParentalManyToManyFields (the same tables) so that a draft keeps its sources,
laws and parties in its revision. Every existing row stays live, published as it stands: its
latest revision, when it has one, becomes its live revision, and its creation and last edit
date its first and last publication. Reporters may now add and change incidents and cases,
without "publish": what they add or change is a draft until a moderator or an editor approves
it in the "Editorial review" workflow.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F
from modelcluster.fields import ParentalManyToManyField

from drmonitor.accounts.roles import put_under_review

REVIEWED = ["incident", "legalcase"]
# Each reviewed record's links: (model, field, target, related name, help text).
LINKS = [
    ("incident", "articles", "newsroom.articlepage", "tracker_incidents", ""),
    ("incident", "legal_basis", "tracker.law", "incidents", ""),
    ("incident", "networks", "tracker.network", "incidents", ""),
    (
        "incident",
        "ordered_by",
        "tracker.actor",
        "incidents_ordered",
        "The authorities that ordered or carried out the block.",
    ),
    ("incident", "services", "tracker.service", "incidents", ""),
    ("incident", "sources", "tracker.source", "incidents", ""),
    ("legalcase", "articles", "newsroom.articlepage", "tracker_cases", ""),
    ("legalcase", "incidents", "tracker.incident", "cases", ""),
    ("legalcase", "laws", "tracker.law", "cases", ""),
    ("legalcase", "petitioners", "tracker.actor", "cases_as_petitioner", ""),
    ("legalcase", "respondents", "tracker.actor", "cases_as_respondent", ""),
    ("legalcase", "sources", "tracker.source", "cases", ""),
]


def kept_key(to: str, related_name: str, verbose_name: str) -> models.ForeignKey:
    """A key Wagtail sets itself (not in the admin's form), emptied when its target goes."""
    return models.ForeignKey(
        blank=True,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name=related_name,
        to=to,
        verbose_name=verbose_name,
    )


def draft_state_fields(model_name: str) -> list[migrations.AddField]:
    """Wagtail's DraftStateMixin and LockableMixin columns; every existing row stays live."""
    fields = {
        "expire_at": models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        "expired": models.BooleanField(default=False, editable=False, verbose_name="expired"),
        "first_published_at": models.DateTimeField(
            blank=True, db_index=True, null=True, verbose_name="first published at"
        ),
        "go_live_at": models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        "has_unpublished_changes": models.BooleanField(
            default=False, editable=False, verbose_name="has unpublished changes"
        ),
        "last_published_at": models.DateTimeField(
            editable=False, null=True, verbose_name="last published at"
        ),
        "live": models.BooleanField(default=True, editable=False, verbose_name="live"),
        "live_revision": kept_key("wagtailcore.revision", "+", "live revision"),
        "locked": models.BooleanField(default=False, editable=False, verbose_name="locked"),
        "locked_at": models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        "locked_by": kept_key(settings.AUTH_USER_MODEL, "locked_%(class)ss", "locked by"),
    }
    return [
        migrations.AddField(model_name=model_name, name=name, field=field)
        for name, field in fields.items()
    ]


def parental_links() -> list[migrations.AlterField]:
    """The same link tables, kept in a draft's revision until it is published."""
    return [
        migrations.AlterField(
            model_name=model_name,
            name=name,
            field=ParentalManyToManyField(
                blank=True,
                related_name=related_name,
                to=to,
                **({"help_text": help} if help else {}),
            ),
        )
        for model_name, name, to, related_name, help in LINKS
    ]


def published_as_they_stand(apps, schema_editor) -> None:
    for name in ("Incident", "LegalCase"):
        apps.get_model("tracker", name).objects.update(
            live=True,
            has_unpublished_changes=False,
            live_revision=F("latest_revision"),
            first_published_at=F("created_at"),
            last_published_at=F("updated_at"),
        )


def review(apps, schema_editor) -> None:
    put_under_review(apps, "tracker", REVIEWED)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_editorial_roles"),
        ("newsroom", "0003_information_page_and_gallery"),
        ("tracker", "0009_an_order_outlives_its_incident"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        *draft_state_fields("incident"),
        *draft_state_fields("legalcase"),
        *parental_links(),
        migrations.RunPython(published_as_they_stand, migrations.RunPython.noop),
        migrations.RunPython(review, migrations.RunPython.noop),
    ]
