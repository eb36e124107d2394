"""The admin's forms for tracker records: no fact without a source.

A hearing, an order or a statement names at least one source; a change of an incident's or a
case's status names the source that reports it, which the logged StatusChange carries. Each
refusal is a field error on the field to fill in, and nothing is saved. `form_for` says which
record type is edited with which form.
"""

from __future__ import annotations

from django import forms
from django.db.models import Model
from wagtail.admin.forms import WagtailAdminModelForm

from drmonitor.tracker.models.advocacy import Statement
from drmonitor.tracker.models.cases import Hearing, Order
from drmonitor.tracker.models.record import StatusLoggedMixin
from drmonitor.tracker.models.reference import Source

NO_SOURCE = "Add at least one source: a fact is published only with the source that reports it."
NO_STATUS_SOURCE = (
    "The status changed: choose the source that reports the change (add it under Sources first "
    "if it is new)."
)


# The records that state a fact of their own, so must name a source.
SOURCED_RECORDS: tuple[type[Model], ...] = (Hearing, Order, Statement)


def form_for(model: type[Model]) -> type[WagtailAdminModelForm] | None:
    """The form the admin edits a record type with; None for Wagtail's own."""
    if issubclass(model, StatusLoggedMixin):
        return StatusSourcedForm
    if issubclass(model, SOURCED_RECORDS):
        return SourcedRecordForm
    return None


class SourcedRecordForm(WagtailAdminModelForm):
    """For records whose `sources` must not be empty (`SOURCED_RECORDS`)."""

    def clean(self):
        cleaned = super().clean()
        if "sources" in self.fields and not cleaned.get("sources"):
            self.add_error("sources", NO_SOURCE)
        return cleaned


class StatusSourcedForm(WagtailAdminModelForm):
    """For records whose status changes are logged (incidents and cases): a new status needs
    the source of the change."""

    status_source = forms.ModelChoiceField(
        queryset=Source.objects.order_by("url"),
        required=False,
        label="Source of the status change",
        help_text="Required when you change the status: the report that says it changed.",
    )

    def clean(self):
        cleaned = super().clean()
        changed = self.instance.pk and "status" in self.changed_data
        if changed and not cleaned.get("status_source"):
            self.add_error("status_source", NO_STATUS_SOURCE)
        return cleaned

    def save(self, commit=True):
        self.instance.status_source = self.cleaned_data.get("status_source")
        return super().save(commit=commit)
