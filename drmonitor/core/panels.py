"""The admin's edit forms written as the fields they show: a name is that field, a tuple of
names is one row of them. Models then list their fields in order instead of nesting panels."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel

type Field = str | tuple[str, ...] | Panel


def field_panels(*fields: Field) -> list[Panel]:
    """A panel for each of `fields`, in order; a panel given as such stays itself."""
    return [_panel(field) for field in fields]


def fieldset(heading: str, *fields: Field, **options) -> MultiFieldPanel:
    """`fields` grouped under `heading`, as the form shows what belongs together."""
    return MultiFieldPanel(field_panels(*fields), heading=heading, **options)


def _panel(field: Field) -> Panel:
    if isinstance(field, str):
        return FieldPanel(field)
    if isinstance(field, tuple):
        return FieldRowPanel([FieldPanel(name) for name in field])
    return field
