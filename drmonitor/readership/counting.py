"""Counting a read and ranking what was read most, in one cheap query each."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from wagtail.models import Page

from drmonitor.readership.models import DailyReads


def record_read(page_id: int, day: datetime.date | None = None) -> bool:
    """Add one read of a live page to its counter for `day` (today); False if no such page.

    The counter is raised in the database (`F() + 1`), so readers counted at the same moment
    by different processes all count.
    """
    if not Page.objects.filter(pk=page_id, live=True).exists():
        return False
    day = day or timezone.localdate()
    if DailyReads.objects.filter(page_id=page_id, day=day).update(reads=F("reads") + 1):
        return True
    try:
        with transaction.atomic():
            DailyReads.objects.create(page_id=page_id, day=day, reads=1)
    except IntegrityError:  # another process made today's row first
        DailyReads.objects.filter(page_id=page_id, day=day).update(reads=F("reads") + 1)
    return True


def most_read(days: int = 1, limit: int = 10, today: datetime.date | None = None) -> list[int]:
    """The ids of the pages read most over the last `days` days up to today, most read first.

    Pages that are no longer live are left out; ties go to the newer page.
    """
    rows = (
        _reads_per_page(days, today)
        .filter(page__live=True)
        .order_by("-total", "-page_id")
        .values_list("page_id", flat=True)
    )
    return list(rows[:limit])


def reads_of(page_ids: list[int], days: int = 1, today: datetime.date | None = None) -> dict:
    """How many reads each of these pages had over the last `days` days: {page id: reads}."""
    rows = _reads_per_page(days, today).filter(page_id__in=page_ids)
    return dict(rows.values_list("page_id", "total"))


def _reads_per_page(days: int, today: datetime.date | None):
    """Each page's reads summed over the last `days` days up to today, as rows with `total`."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days - 1)
    return (
        DailyReads.objects.filter(day__gte=since, day__lte=today)
        .values("page_id")
        .annotate(total=Sum("reads"))
    )
