"""`{% sidebar %}`: the sidebar of recent articles, About and follow links."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from drmonitor.core.fragments import cached_fragment, cached_value
from drmonitor.newsroom import listings
from drmonitor.newsroom.models import ArticlePage

register = template.Library()


@register.simple_tag(takes_context=True)
def sidebar(context, exclude: ArticlePage | None = None) -> SafeString:
    """The sidebar, rendered once per content generation.

    An article's sidebar leaves the article itself out of "Recent", so the few newest articles
    each get their own copy; every other page shares one.
    """
    newest = cached_value(
        "recent-ids",
        lambda: list(
            listings.live_articles().values_list("pk", flat=True)[: listings.SIDEBAR_RECENT]
        ),
    )
    left_out = exclude.pk if exclude is not None and exclude.pk in newest else None
    request = context.get("request")

    def render() -> str:
        recent = listings.recent_articles(exclude=exclude if left_out else None)
        return render_to_string(
            "newsroom/includes/sidebar.html", {"recent_articles": recent}, request=request
        )

    return cached_fragment("sidebar", left_out, render)
