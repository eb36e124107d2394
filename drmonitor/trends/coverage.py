"""What the Trends Monitor landing page charts, counted from the site's own data.

The trends over time, then what the desk covers: live public articles per top-level section
(the section each is filed in) and per most-used tag, month by month; incidents by kind and by
affected service; court hearings per month. Months are the newsroom's (Asia/Karachi), and a
month with nothing in it is shown as a zero between the first and the last month counted.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.db.models import Count, F, Q
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from drmonitor.newsroom.models import ArticlePage, ArticleTag, SectionPage
from drmonitor.tracker.models import Hearing, Incident, Service
from drmonitor.tracker.vocab import IncidentKind
from drmonitor.trends.charts import Chart, Series, Span, Timeline
from drmonitor.trends.models import TrendPage

MONTHS = 24  # the article charts show at most the latest two years
TOP_TAGS = 6
MAX_SECTIONS = 8  # beyond this many top-level sections the rest are counted as "Other"


def month_label(month: datetime.date) -> str:
    return f"{month:%b %Y}"


def _as_month(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.replace(day=1)


def month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every first-of-month from `first`'s month to `last`'s."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _latest(months: list[datetime.date]) -> list[datetime.date]:
    return months[-MONTHS:]


def _monthly_chart(
    counts: dict[tuple[str, datetime.date], int],
    names: list[str],
    months: list[datetime.date],
    **chart,
) -> Chart:
    series = [Series(name, [counts.get((name, month), 0) for month in months]) for name in names]
    return Chart(categories=[month_label(m) for m in months], series=series, **chart)


def live_articles(home: Page):
    return ArticlePage.objects.live().public().descendant_of(home)


def articles_by_section(home: Page) -> Chart:
    """Each live article in the top-level section it is filed under, per month."""
    prefix_length = (home.depth + 1) * Page.steplen
    sections = dict(
        SectionPage.objects.child_of(home).order_by("path").values_list("path", "title")
    )
    rows = (
        live_articles(home)
        .annotate(top=Substr("path", 1, prefix_length), month=TruncMonth("date_published"))
        .values("top", "month")
        .annotate(n=Count("pk", distinct=True))
    )
    names = list(sections.values())
    kept = set(names[:MAX_SECTIONS])
    counts: Counter = Counter()
    for row in rows:
        name = sections.get(row["top"], "Other")
        counts[(name if name in kept else "Other", _as_month(row["month"]))] += row["n"]
    months = _latest(month_range(*_bounds(month for _name, month in counts)))
    used = {name for (name, month), n in counts.items() if n and month in months}
    order = [name for name in [*names[:MAX_SECTIONS], "Other"] if name in used]
    return _monthly_chart(
        counts,
        order,
        months,
        id="chart-articles-sections",
        title="Articles per month, by section",
        description=(
            "Live articles published each month, stacked by the top-level section each is filed in."
        ),
        category_label="Month",
        unit="articles",
    )


def _tagged(home: Page):
    return ArticleTag.objects.filter(content_object__in=live_articles(home).values("pk"))


def tags_shown(home: Page) -> list[int]:
    """The most-used tags on live articles, most used first (then by name)."""
    top = _tagged(home).values("tag_id").annotate(n=Count("pk")).order_by("-n", "tag__name")
    return [row["tag_id"] for row in top[:TOP_TAGS]]


def articles_by_tag(home: Page) -> Chart:
    """The most-used tags, each article counted once per tag it carries, per month."""
    tagged = _tagged(home)
    shown = tags_shown(home)
    tag_names = dict(Tag.objects.filter(pk__in=shown).values_list("pk", "name"))
    names = [tag_names[pk] for pk in shown]
    rows = (
        tagged.filter(tag_id__in=tag_names)
        .annotate(month=TruncMonth("content_object__date_published"))
        .values("tag_id", "month")
        .annotate(n=Count("pk"))
    )
    counts: Counter = Counter()
    for row in rows:
        counts[(tag_names[row["tag_id"]], _as_month(row["month"]))] += row["n"]
    months = _latest(month_range(*_bounds(month for _name, month in counts)))
    return _monthly_chart(
        counts,
        names,
        months,
        id="chart-articles-tags",
        title=f"Articles per month, for the {len(names)} most-used tags",
        description="Live articles published each month that carry each of the most-used tags.",
        category_label="Month",
        unit="articles",
    )


def incidents_by_kind() -> Chart:
    rows = (
        Incident.objects.published().values("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    )
    labels = dict(IncidentKind.choices)
    return Chart(
        id="chart-incidents-kinds",
        title="Incidents by kind",
        description="Every incident the tracker records, by the kind of disruption.",
        category_label="Kind of incident",
        categories=[labels.get(row["kind"], row["kind"]) for row in rows],
        series=[Series("Incidents", [row["n"] for row in rows])],
        unit="incidents",
    )


def incidents_by_service() -> Chart:
    services = (
        Service.objects.annotate(
            n=Count("incidents", filter=Q(incidents__live=True), distinct=True)
        )
        .filter(n__gt=0)
        .order_by("-n", "name")
    )
    return Chart(
        id="chart-incidents-services",
        title="Incidents by affected service",
        description=(
            "Incidents that affected each platform or app; an incident that affected several "
            "is counted once for each."
        ),
        category_label="Service",
        categories=[service.name for service in services],
        series=[Series("Incidents", [service.n for service in services])],
        unit="incidents",
    )


def hearings_by_month() -> Chart:
    rows = (
        Hearing.objects.published()
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(n=Count("pk"))
    )
    counts = {("Hearings", _as_month(row["month"])): row["n"] for row in rows}
    months = month_range(*_bounds(month for _name, month in counts))
    return _monthly_chart(
        counts,
        ["Hearings"],
        months,
        id="chart-hearings",
        title="Court hearings per month",
        description="Hearings of the court cases the tracker follows, by the month they were held.",
        category_label="Month",
        unit="hearings",
    )


def _bounds(months) -> tuple[datetime.date, datetime.date]:
    """The first and last month, or an empty range when there are none."""
    months = sorted(set(months))
    if not months:
        today = timezone.localdate().replace(day=1)
        return today, today - datetime.timedelta(days=1)
    return months[0], months[-1]


def trends_over_time(section: Page) -> Timeline:
    trends = (
        TrendPage.objects.live()
        .public()
        .descendant_of(section)
        .order_by(F("trended_from").asc(nulls_last=True), "hashtag")
        .only("title", "url_path", "hashtag", "trended_from", "trended_until", "peak_volume")
    )
    return Timeline(
        id="chart-trends",
        title="Trending hashtags over time",
        description=(
            "Each hashtag the series examined, from the day it began trending to the day it "
            "stopped; a dot marks a trend whose end is not recorded."
        ),
        spans=[
            Span(
                label=trend.hashtag,
                url=trend.url or "",
                start=trend.trended_from,
                end=trend.trended_until,
                peak=trend.peak_volume,
            )
            for trend in trends
        ],
    )


def desk_coverage(home: Page) -> list[tuple[Chart, bool]]:
    """The desk's charts, each with whether it is drawn as horizontal bars."""
    return [
        (articles_by_section(home), False),
        (articles_by_tag(home), False),
        (incidents_by_kind(), True),
        (incidents_by_service(), True),
        (hearings_by_month(), False),
    ]


def sections_shown(home: Page) -> list[int]:
    """The top-level sections whose titles the charts print."""
    return list(SectionPage.objects.child_of(home).values_list("pk", flat=True))
