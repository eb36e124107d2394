"""A model's fields in the search index written as their names, as `panels.field_panels` writes
the admin's: the text searched, the words completed as one types, the filters."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.search import index


def indexed(
    *searched: str | index.BaseField | index.RelatedFields,
    autocomplete: Iterable[str] = (),
    filters: Iterable[str] = (),
) -> list[index.BaseField | index.RelatedFields]:
    """Index fields for the text `searched` (a name, or a field made as such: one with a boost,
    a related record's fields), the names `autocomplete` completes and the `filters`."""
    return [
        *(index.SearchField(field) if isinstance(field, str) else field for field in searched),
        *(index.AutocompleteField(name) for name in autocomplete),
        *(index.FilterField(name) for name in filters),
    ]
