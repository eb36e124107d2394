"""What every chart the site draws as SVG on the server shares: the opening tag that names the
drawing for screen readers (`role="img"`, its own `<title>` and `<desc>`), the font, and
coordinates to a tenth of a pixel."""

from __future__ import annotations

from django.utils.html import format_html

FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def svg_open(chart_id: str, title: str, description: str, width: int, height: int) -> str:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" role="img" '
        'aria-labelledby="{0}-title {0}-desc" viewBox="0 0 {1} {2}" width="{1}" height="{2}" '
        'preserveAspectRatio="xMinYMin meet">'
        '<title id="{0}-title">{3}</title><desc id="{0}-desc">{4}</desc>',
        chart_id,
        width,
        height,
        title,
        description,
    )


def coordinate(value: float) -> str:
    """A coordinate, to a tenth of a pixel."""
    return f"{value:.1f}"
