"""The Trends Monitor landing page's charts, rendered once and kept until their data changes."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from drmonitor.core.caching import depends_on, keep
from drmonitor.core.caching import keys as core_keys
from drmonitor.newsroom import keys as newsroom_keys
from drmonitor.tracker import keys as tracker_keys
from drmonitor.trends import charts, coverage

register = template.Library()


@register.simple_tag
def desk_charts(section: Page) -> SafeString:
    """The trends over time and the desk's coverage, each a drawing with its table beside it.

    Counting every article, tag, incident and hearing is the dearest part of the page, so the
    HTML is kept until an article is published or withdrawn, or a tracker record changes.
    """

    def render() -> str:
        home = section.get_parent()
        timeline = coverage.trends_over_time(section)
        desk = coverage.desk_coverage(home)
        depends_on(*(core_keys.page(pk) for pk in coverage.sections_shown(home)))
        depends_on(*(newsroom_keys.tag(pk) for pk in coverage.tags_shown(home)))
        return render_to_string(
            "trends/includes/charts.html",
            {
                "timeline": timeline,
                "timeline_svg": charts.timeline_chart(timeline),
                "desk": [
                    (chart, charts.bar_chart(chart) if horizontal else charts.column_chart(chart))
                    for chart, horizontal in desk
                ],
            },
        )

    html = keep(
        f"trends:charts:{section.pk}",
        render,
        depends=[newsroom_keys.ARTICLES, core_keys.PAGES, tracker_keys.RECORDS],
    )
    return mark_safe(html)  # noqa: S308 - rendered by our own template
