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
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models
from django.db.models import F

from drmonitor.accounts.roles import (
    EDITORS,
    MODERATORS,
    REPORTERS,
    grant_model_permissions,
    review_snippets,
)

REVIEWED = ["incident", "legalcase"]


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
    for model in REVIEWED:
        grant_model_permissions(apps, REPORTERS, "tracker", model, ["add", "change", "view"])
        grant_model_permissions(apps, EDITORS, "tracker", model, ["publish", "lock", "unlock"])
        grant_model_permissions(apps, MODERATORS, "tracker", model, ["change", "publish", "view"])
    review_snippets(apps, "tracker", REVIEWED)


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0003_information_page_and_gallery'),
        ('tracker', '0009_an_order_outlives_its_incident'),
        ('accounts', '0001_editorial_roles'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='incident',
            name='expire_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time'),
        ),
        migrations.AddField(
            model_name='incident',
            name='expired',
            field=models.BooleanField(default=False, editable=False, verbose_name='expired'),
        ),
        migrations.AddField(
            model_name='incident',
            name='first_published_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at'),
        ),
        migrations.AddField(
            model_name='incident',
            name='go_live_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='go live date/time'),
        ),
        migrations.AddField(
            model_name='incident',
            name='has_unpublished_changes',
            field=models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes'),
        ),
        migrations.AddField(
            model_name='incident',
            name='last_published_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='last published at'),
        ),
        migrations.AddField(
            model_name='incident',
            name='live',
            field=models.BooleanField(default=True, editable=False, verbose_name='live'),
        ),
        migrations.AddField(
            model_name='incident',
            name='live_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision'),
        ),
        migrations.AddField(
            model_name='incident',
            name='locked',
            field=models.BooleanField(default=False, editable=False, verbose_name='locked'),
        ),
        migrations.AddField(
            model_name='incident',
            name='locked_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='locked at'),
        ),
        migrations.AddField(
            model_name='incident',
            name='locked_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='expire_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='expired',
            field=models.BooleanField(default=False, editable=False, verbose_name='expired'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='first_published_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='go_live_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='go live date/time'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='has_unpublished_changes',
            field=models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='last_published_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='last published at'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='live',
            field=models.BooleanField(default=True, editable=False, verbose_name='live'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='live_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='locked',
            field=models.BooleanField(default=False, editable=False, verbose_name='locked'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='locked_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='locked at'),
        ),
        migrations.AddField(
            model_name='legalcase',
            name='locked_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by'),
        ),
        migrations.AlterField(
            model_name='incident',
            name='articles',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='tracker_incidents', to='newsroom.articlepage'),
        ),
        migrations.AlterField(
            model_name='incident',
            name='legal_basis',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='incidents', to='tracker.law'),
        ),
        migrations.AlterField(
            model_name='incident',
            name='networks',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='incidents', to='tracker.network'),
        ),
        migrations.AlterField(
            model_name='incident',
            name='ordered_by',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The authorities that ordered or carried out the block.', related_name='incidents_ordered', to='tracker.actor'),
        ),
        migrations.AlterField(
            model_name='incident',
            name='services',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='incidents', to='tracker.service'),
        ),
        migrations.AlterField(
            model_name='incident',
            name='sources',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='incidents', to='tracker.source'),
        ),
        migrations.AlterField(
            model_name='legalcase',
            name='articles',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='tracker_cases', to='newsroom.articlepage'),
        ),
        migrations.AlterField(
            model_name='legalcase',
            name='incidents',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='cases', to='tracker.incident'),
        ),
        migrations.AlterField(
            model_name='legalcase',
            name='laws',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='cases', to='tracker.law'),
        ),
        migrations.AlterField(
            model_name='legalcase',
            name='petitioners',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='cases_as_petitioner', to='tracker.actor'),
        ),
        migrations.AlterField(
            model_name='legalcase',
            name='respondents',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='cases_as_respondent', to='tracker.actor'),
        ),
        migrations.AlterField(
            model_name='legalcase',
            name='sources',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='cases', to='tracker.source'),
        ),
        migrations.RunPython(published_as_they_stand, migrations.RunPython.noop),
        migrations.RunPython(review, migrations.RunPython.noop),
    ]
