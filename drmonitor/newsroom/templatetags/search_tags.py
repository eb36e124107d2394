"""`{% select_options field %}`: the options of a search filter, written out in one go."""

from __future__ import annotations

from html import escape

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def select_options(field: BoundField) -> SafeString:
    """The <option>s of a choice field, its current value selected.

    The tag filter lists every tag in use, hundreds of them: Django's widget templates render
    each option separately, and even a template loop cost a tenth of the results page.
    """
    current = "" if field.value() is None else str(field.value())
    options = (
        f'<option value="{escape(str(value))}"{" selected" if str(value) == current else ""}>'
        f"{escape(str(label))}</option>"
        for value, label in field.field.choices
    )
    return mark_safe("\n".join(options))  # noqa: S308 - every value and label is escaped above
