"""Charts drawn as SVG on the server: no script, readable without JavaScript.

A chart is data first (`Chart`, `Timeline`); the drawing is made from it, and so is the table
printed beside it, so the two cannot disagree. Every mark carries its numbers in `data-`
attributes and a `<title>` (what a pointer or a screen reader's exploration shows); the SVG
itself is one image (`role="img"`) named by its own `<title>` and `<desc>`, and the table
beside it holds the same numbers for anyone who cannot see the drawing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from drmonitor.core.svg import FONT
from drmonitor.core.svg import coordinate as _n
from drmonitor.core.svg import svg_open as _svg_open

PALETTE = ["#0b5394", "#b71c1c", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#827717"]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[int]


@dataclass(frozen=True)
class Chart:
    """Counts by category (a month, a kind of incident), in one or more series."""

    id: str
    title: str
    description: str
    category_label: str  # the table's first column: "Month", "Kind of incident"
    categories: list[str]
    series: list[Series]
    unit: str  # "articles", "incidents"

    def totals(self) -> list[int]:
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    def rows(self) -> list[tuple[str, list[int], int]]:
        """(category, the value of each series, their total) for the table."""
        return [
            (category, [s.values[i] for s in self.series], total)
            for i, (category, total) in enumerate(zip(self.categories, self.totals(), strict=True))
        ]

    @property
    def empty(self) -> bool:
        return not any(self.totals())


@dataclass(frozen=True)
class Span:
    """One trend on the time line: when it trended and how loud it was, where recorded."""

    label: str
    url: str
    start: datetime.date | None
    end: datetime.date | None
    peak: int | None


@dataclass(frozen=True)
class Timeline:
    id: str
    title: str
    description: str
    spans: list[Span] = field(default_factory=list)


def _nice_top(value: int) -> int:
    """A round number at least `value` for the top of the scale: 4 -> 5, 23 -> 25."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        top = -(-value // step) * step
        if top / step <= 5:
            return max(top, 1)
    return max(value, 1)


def column_chart(chart: Chart) -> SafeString:
    """Columns per category (months along the bottom), the series stacked in each."""
    left, bottom = 36, 34
    column, gap = 18, 6
    width = max(left + len(chart.categories) * (column + gap) + 30, 320)  # room for the last label
    legend_lines = _legend_lines(chart.series, width)
    top = 12 + legend_lines * 16
    plot = 160
    height = top + plot + bottom
    scale_top = _nice_top(max(chart.totals(), default=0))
    parts = [_svg_open(chart.id, chart.title, chart.description, width, height)]
    if legend_lines:
        parts.append(_legend(chart.series, width))
    for tick in range(0, scale_top + 1, max(scale_top // 5, 1)):
        y = top + plot - plot * tick / scale_top
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ddd"/>'
                '<text x="{}" y="{}" text-anchor="end" {}>{}</text>',
                left,
                width,
                _n(y),
                _n(y),
                left - 4,
                _n(y + 4),
                mark_safe(FONT),  # noqa: S308 - a constant
                tick,
            )
        )
    for i, category in enumerate(chart.categories):
        x = left + gap + i * (column + gap)
        base = top + plot
        for n, one in enumerate(chart.series):
            value = one.values[i]
            if not value:
                continue
            h = plot * value / scale_top
            base -= h
            parts.append(
                format_html(
                    '<rect class="chart__mark" x="{}" y="{}" width="{}" height="{}" '
                    'fill="{}" data-category="{}" data-series="{}" data-value="{}">'
                    "<title>{}: {} {}{}</title></rect>",
                    x,
                    _n(base),
                    column,
                    _n(h),
                    PALETTE[n % len(PALETTE)],
                    category,
                    one.name,
                    value,
                    category,
                    value,
                    chart.unit,
                    f" ({one.name})" if len(chart.series) > 1 else "",
                )
            )
        if _labelled(i, len(chart.categories)):
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" {}>{}</text>',
                    _n(x + column / 2),
                    top + plot + 14,
                    mark_safe(FONT),  # noqa: S308 - a constant
                    category,
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def _legend_rooms(series: list[Series], width: int) -> list[tuple[int, int]]:
    """Where each series' key goes in the legend, wrapping at the chart's width."""
    places, x, y = [], 0, 2
    for one in series:
        room = 24 + 6 * len(one.name)
        if x and x + room > width:
            x, y = 0, y + 16
        places.append((x, y))
        x += room
    return places


def _legend_lines(series: list[Series], width: int) -> int:
    """How many lines the legend takes; none for a single series."""
    if len(series) < 2:
        return 0
    return _legend_rooms(series, width)[-1][1] // 16 + 1


def _legend(series: list[Series], width: int) -> str:
    parts = []
    for n, (one, (x, y)) in enumerate(zip(series, _legend_rooms(series, width), strict=True)):
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="10" height="10" fill="{}"/>'
                '<text x="{}" y="{}" {}>{}</text>',
                x,
                y,
                PALETTE[n % len(PALETTE)],
                x + 14,
                y + 9,
                mark_safe(FONT),  # noqa: S308 - a constant
                one.name,
            )
        )
    return "".join(parts)


def _labelled(i: int, count: int) -> bool:
    """Which columns get a label under them: all of a few, every third of many."""
    return count <= 12 or i % 3 == 0 or i == count - 1


def bar_chart(chart: Chart) -> SafeString:
    """One horizontal bar per category, longest first as given: kinds, services."""
    values = chart.totals()
    label_width = min(int(max((len(c) for c in chart.categories), default=4) * 6.5) + 14, 240)
    row, plot = 22, 260
    width = label_width + plot + 40
    height = max(len(chart.categories) * row + 8, 30)
    scale_top = max(values, default=0) or 1
    parts = [_svg_open(chart.id, chart.title, chart.description, width, height)]
    for i, (category, value) in enumerate(zip(chart.categories, values, strict=True)):
        y = 4 + i * row
        w = plot * value / scale_top
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" {}>{}</text>'
                '<rect class="chart__mark" x="{}" y="{}" width="{}" height="{}" fill="{}" '
                'data-category="{}" data-value="{}"><title>{}: {} {}</title></rect>'
                '<text x="{}" y="{}" {}>{}</text>',
                label_width - 6,
                y + 13,
                mark_safe(FONT),  # noqa: S308 - a constant
                category,
                label_width,
                y,
                _n(w),
                row - 6,
                PALETTE[0],
                category,
                value,
                category,
                value,
                chart.unit,
                _n(label_width + w + 4),
                y + 13,
                mark_safe(FONT),  # noqa: S308 - a constant
                value,
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def timeline_chart(timeline: Timeline) -> SafeString:
    """Each trend as a bar from the day it started trending to the day it stopped; a trend
    whose end is not recorded is a dot at its start, one with no dates is left out."""
    dated = [span for span in timeline.spans if span.start]
    label_width, plot, row = 150, 420, 24
    width = label_width + plot + 20
    height = max(len(dated) * row + 30, 50)
    parts = [_svg_open(timeline.id, timeline.title, timeline.description, width, height)]
    if dated:
        first = min(span.start for span in dated)
        last = max(span.end or span.start for span in dated)
        days = max((last - first).days, 1)

        def x_of(day: datetime.date) -> float:
            return label_width + plot * (day - first).days / days

        for i, span in enumerate(dated):
            y = 6 + i * row
            end_text = f"{span.end:%d %b %Y}" if span.end else "end not recorded"
            peak_text = (
                f"peak {span.peak:,} posts" if span.peak is not None else "peak not recorded"
            )
            title = f"{span.label}: {span.start:%d %b %Y} to {end_text}; {peak_text}"
            attrs = format_html(
                'data-label="{}" data-start="{}" data-end="{}" data-peak="{}"',
                span.label,
                span.start.isoformat(),
                span.end.isoformat() if span.end else "",
                "" if span.peak is None else span.peak,
            )
            if span.end:
                mark = format_html(
                    '<rect class="chart__mark" x="{}" y="{}" width="{}" height="14" '
                    'fill="{}" {}><title>{}</title></rect>',
                    _n(x_of(span.start)),
                    y,
                    _n(max(x_of(span.end) - x_of(span.start), 3)),
                    PALETTE[0],
                    attrs,
                    title,
                )
            else:
                mark = format_html(
                    '<circle class="chart__mark" cx="{}" cy="{}" r="6" fill="{}" {}>'
                    "<title>{}</title></circle>",
                    _n(x_of(span.start)),
                    y + 7,
                    PALETTE[1],
                    attrs,
                    title,
                )
            parts.append(
                format_html(
                    '<a href="{}"><text x="{}" y="{}" text-anchor="end" {}>{}</text></a>{}',
                    span.url,
                    label_width - 8,
                    y + 11,
                    mark_safe(FONT),  # noqa: S308 - a constant
                    span.label,
                    mark,
                )
            )
        axis_y = 6 + len(dated) * row + 12
        ends = ((first, "start"), (last, "end")) if last != first else ((first, "start"),)
        for day, anchor in ends:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="{}" {}>{}</text>',
                    _n(x_of(day)),
                    axis_y,
                    anchor,
                    mark_safe(FONT),  # noqa: S308 - a constant
                    f"{day:%d %b %Y}",
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html
