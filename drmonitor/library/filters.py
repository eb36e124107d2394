"""The filters of a library section: by type, by status (laws) and by year, read from the query
string so they work without JavaScript and can be linked to. A bad value gets a field error and
is left out, as on the tracker's lists."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from drmonitor.library.vocab import FrameworkType, InstrumentType, LawStatus, ResearchType

PER_PAGE = 20


def _with_any(choices) -> list[tuple[str, str]]:
    return [("", "Any"), *choices]


class LibraryFilter(forms.Form):
    """Type and year; a subclass names the fields they are read from."""

    type_choices: ClassVar[list[tuple[str, str]]]
    type_field: ClassVar[str]
    year_lookup: ClassVar[str]

    type = forms.ChoiceField(required=False)
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, data, entries: QuerySet):
        super().__init__(data)
        self.fields["type"].choices = _with_any(self.type_choices)
        years = entries.order_by().values_list(self.year_lookup, flat=True).distinct()
        known = sorted({year for year in years if year}, reverse=True)
        self.fields["year"].choices = _with_any((str(year), str(year)) for year in known)

    def filter(self, entries: QuerySet) -> QuerySet:
        """The entries the valid filters let through; invalid ones are reported and left out."""
        data = self.cleaned_data if self.is_bound else {}
        valid = {k: v for k, v in data.items() if v not in (None, "") and k not in self.errors}
        if "type" in valid:
            entries = entries.filter(**{self.type_field: valid["type"]})
        if "year" in valid:
            entries = entries.filter(**{self.year_lookup: valid["year"]})
        if "status" in valid:
            entries = entries.filter(status=valid["status"])
        return entries


class LawFilter(LibraryFilter):
    type_choices = InstrumentType.choices
    type_field = "instrument_type"
    year_lookup = "year"

    status = forms.ChoiceField(required=False, choices=_with_any(LawStatus.choices))
    field_order = ["type", "status", "year"]


class ResearchFilter(LibraryFilter):
    type_choices = ResearchType.choices
    type_field = "research_type"
    year_lookup = "issued__year"


class FrameworkFilter(LibraryFilter):
    type_choices = FrameworkType.choices
    type_field = "framework_type"
    year_lookup = "adopted_on__year"


def listing(filter_class: type[LibraryFilter], entries: QuerySet, request: HttpRequest) -> dict:
    """The context of a library section's list: the bound form, a page of entries, the count
    and the query string without its page number (for the pagination links)."""
    form = filter_class(request.GET or None, entries)
    if form.is_bound:
        form.is_valid()
    found = form.filter(entries)
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "form": form,
        "page_obj": Paginator(found, PER_PAGE).get_page(request.GET.get("page")),
        "total": found.count(),
        "query": params.urlencode(),
    }
