"""The filters of the incident and case lists, as forms so a bad value gets a clear message."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q, QuerySet

from drmonitor.tracker.models import Country, Court, Incident, LegalCase, Service
from drmonitor.tracker.vocab import CaseStatus, IncidentKind, IncidentStatus


def _with_any(choices) -> list[tuple[str, str]]:
    return [("", "Any")] + list(choices)


class IncidentFilter(forms.Form):
    country = forms.ModelChoiceField(
        Country.objects.all(), required=False, to_field_name="code", empty_label="Any"
    )
    kind = forms.ChoiceField(choices=_with_any(IncidentKind.choices), required=False)
    service = forms.ModelChoiceField(
        Service.objects.all(), required=False, to_field_name="slug", empty_label="Any"
    )
    status = forms.ChoiceField(choices=_with_any(IncidentStatus.choices), required=False)
    year = forms.IntegerField(
        required=False, min_value=1990, max_value=2100, help_text="Incidents under way that year."
    )

    def filter(self, incidents: QuerySet[Incident]) -> QuerySet[Incident]:
        """Apply the valid filters; an invalid one is reported by the form and left out."""
        data = self.cleaned_data if self.is_bound else {}
        valid = {k: v for k, v in data.items() if v not in (None, "") and k not in self.errors}
        if valid.get("country"):
            incidents = incidents.filter(country=valid["country"])
        if valid.get("kind"):
            incidents = incidents.filter(kind=valid["kind"])
        if valid.get("service"):
            incidents = incidents.filter(services=valid["service"])
        if valid.get("status"):
            incidents = incidents.filter(status=valid["status"])
        if valid.get("year"):
            year = valid["year"]
            incidents = incidents.filter(start_date__lte=datetime.date(year, 12, 31)).filter(
                Q(end_date__gte=datetime.date(year, 1, 1)) | Q(end_date__isnull=True)
            )
        return incidents.distinct()


class CaseFilter(forms.Form):
    court = forms.ModelChoiceField(Court.objects.all(), required=False, empty_label="Any")
    status = forms.ChoiceField(choices=_with_any(CaseStatus.choices), required=False)

    def filter(self, cases: QuerySet[LegalCase]) -> QuerySet[LegalCase]:
        data = self.cleaned_data if self.is_bound else {}
        if data.get("court") and "court" not in self.errors:
            cases = cases.filter(court=data["court"])
        if data.get("status") and "status" not in self.errors:
            cases = cases.filter(status=data["status"])
        return cases


def bound(form_class, params):
    """A filter form bound to the query string; `is_valid()` runs so errors can be shown."""
    form = form_class(params or None)
    if form.is_bound:
        form.is_valid()
    return form
