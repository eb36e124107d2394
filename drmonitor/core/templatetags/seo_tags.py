"""`{% page_meta as meta %}`: the canonical URL, social cards, feeds and JSON-LD of a page."""

from django import template

from drmonitor.core import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context) -> seo.PageMeta | None:
    return seo.page_meta(context)
