"""The service page's time chart, drawn as SVG on the server (no script): per network, a column
per day of measurements (blocked, accessible, other), the blocking episodes shaded behind them
with their restorations, and the tracker's orders and hearings marked on the same time axis.

The SVG is one image named by its `<title>` and `<desc>`; every mark carries a `<title>` with
its figures. The tables beside it (a month per row, the episodes, the numbered events) are the
accessible version, made from the same data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from drmonitor.core.svg import FONT, coordinate, svg_open

WIDTH = 960
LEFT, RIGHT = 118, 12
MARKS_ROW = 30
BAND, GAP = 64, 10
AXIS = 26
COLOURS = {"blocked": "#b71c1c", "accessible": "#2e7d32", "other": "#9e9e9e"}


@dataclass(frozen=True)
class Day:
    """One day of one network's series."""

    day: dt.date
    measurements: int
    blocked: int
    accessible: int

    @property
    def other(self) -> int:
        return self.measurements - self.blocked - self.accessible


@dataclass(frozen=True)
class Band:
    """One network's row: its label, days and episodes (first day, last day, restorations)."""

    label: str
    days: list[Day]
    episodes: list[tuple[dt.date, dt.date, str, list[tuple[dt.date, dt.date]]]]


@dataclass(frozen=True)
class Marker:
    """An order or a hearing on the time axis, numbered as in the table beside the chart."""

    number: int
    day: dt.date
    kind: str
    title: str


def _font() -> SafeString:
    return mark_safe(FONT)  # noqa: S308 - a constant


def _span(bands: list[Band], markers: list[Marker]) -> tuple[dt.date, dt.date]:
    days = [d.day for band in bands for d in band.days] + [m.day for m in markers]
    return min(days), max(days)


def time_chart(chart_id: str, title: str, bands: list[Band], markers: list[Marker]) -> SafeString:
    """The chart; empty when there is nothing to draw."""
    if not any(band.days for band in bands):
        return mark_safe("")  # noqa: S308 - nothing
    first, last = _span(bands, markers)
    span = max((last - first).days + 1, 1)
    plot = WIDTH - LEFT - RIGHT
    step = plot / span
    height = MARKS_ROW + len(bands) * (BAND + GAP) + AXIS

    def x(day: dt.date) -> float:
        return LEFT + (day - first).days * step

    description = (
        f"Measurements per day from {first:%d %B %Y} to {last:%d %B %Y} on {len(bands)} "
        "networks: red blocked, green accessible, grey neither; blocking episodes shaded; "
        f"{len(markers)} orders and hearings marked by number. The tables below give the "
        "same figures."
    )
    parts = [svg_open(chart_id, title, description, WIDTH, height)]
    parts += _axis(first, last, x, height)
    bottom = height - AXIS
    badge = -1e9
    for marker in markers:
        line = x(marker.day) + step / 2
        badge = max(line, badge + 15)  # badges of close dates side by side, not on top
        parts.append(_marker(marker, line, badge, bottom))
    for n, band in enumerate(bands):
        top = MARKS_ROW + n * (BAND + GAP)
        parts += _band(band, top, x, step)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def _axis(first: dt.date, last: dt.date, x, height: int) -> list[str]:
    """A tick and label at each quarter's first day (each month's on a short span)."""
    parts = []
    months = (last.year - first.year) * 12 + last.month - first.month
    every = 1 if months <= 8 else 3
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        if day >= first and (day.month - 1) % every == 0:
            parts.append(
                format_html(
                    '<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" stroke="#ccc"/>'
                    '<text x="{0}" y="{3}" text-anchor="middle" {4}>{5}</text>',
                    coordinate(x(day)),
                    MARKS_ROW,
                    height - AXIS + 4,
                    height - 8,
                    _font(),
                    day.strftime("%b %Y"),
                )
            )
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return parts


def _marker(marker: Marker, line: float, at: float, bottom: int) -> str:
    """The event's dashed line at its date and its numbered badge at `at` (moved right of a
    neighbour's), joined to the line's top so that a moved badge still points at its date."""
    shape = (
        format_html(
            '<rect x="{}" y="6" width="12" height="12" transform="rotate(45 {} 12)"/>',
            coordinate(at - 6),
            coordinate(at),
        )
        if marker.kind == "order"
        else format_html('<circle cx="{}" cy="12" r="7"/>', coordinate(at))
    )
    return format_html(
        '<g class="chart__event chart__event--{}" data-date="{}" data-kind="{}">'
        "<title>{} {}: {} ({})</title>"
        '<polyline points="{},19 {},{} {},{}" fill="none" stroke-dasharray="3 3"/>{}'
        '<text x="{}" y="15.5" text-anchor="middle" {}>{}</text></g>',
        marker.kind,
        marker.day.isoformat(),
        marker.kind,
        marker.number,
        marker.kind.capitalize(),
        marker.title,
        marker.day.strftime("%d %b %Y"),
        coordinate(at),
        coordinate(line),
        MARKS_ROW,
        coordinate(line),
        bottom,
        shape,
        coordinate(at),
        mark_safe('font-family="system-ui, sans-serif" font-size="9" fill="#fff"'),  # noqa: S308
        marker.number,
    )


def _band(band: Band, top: int, x, step: float) -> list[str]:
    # "AS59257 CMPak (Zong)" is wider than the margin: the number above, the name under it.
    number, _, name = band.label.partition(" ")
    parts = [
        format_html(
            '<text x="{0}" y="{1}" text-anchor="end" {2}><tspan x="{0}">{3}</tspan>'
            '<tspan x="{0}" dy="14">{4}</tspan></text>'
            '<line x1="{5}" x2="{6}" y1="{7}" y2="{7}" stroke="#999"/>',
            LEFT - 6,
            top + BAND / 2 - 3,
            _font(),
            number,
            name,
            LEFT,
            WIDTH - RIGHT,
            top + BAND,
        )
    ]
    for start, end, label, restorations in band.episodes:
        parts.append(_shade("chart__episode", start, end, label, top, x, step))
        for back, gone in restorations:
            restored = f"Restored {back:%d %b %Y} to {gone:%d %b %Y}"
            parts.append(_shade("chart__restoration", back, gone, restored, top, x, step))
    most = max((d.measurements for d in band.days), default=0) or 1
    for day in band.days:
        if not day.measurements:
            continue
        base = top + BAND
        for part, count in (
            ("blocked", day.blocked),
            ("accessible", day.accessible),
            ("other", day.other),
        ):
            if not count:
                continue
            h = (BAND - 6) * count / most
            base -= h
            parts.append(
                format_html(
                    '<rect class="chart__day chart__day--{}" x="{}" y="{}" width="{}" '
                    'height="{}" fill="{}"><title>{}, {}: {} of {} measurements {}</title></rect>',
                    part,
                    coordinate(x(day.day)),
                    coordinate(base),
                    coordinate(max(step, 1)),
                    coordinate(h),
                    COLOURS[part],
                    day.day.strftime("%d %b %Y"),
                    band.label,
                    count,
                    day.measurements,
                    part if part != "other" else "neither blocked nor accessible",
                )
            )
    return parts


def _shade(css: str, start: dt.date, end: dt.date, label: str, top: int, x, step: float) -> str:
    """A stretch of days shaded behind a band's columns (an episode, a restoration)."""
    return format_html(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
        css,
        coordinate(x(start)),
        top,
        coordinate(x(end) - x(start) + step),
        BAND,
        label,
    )
