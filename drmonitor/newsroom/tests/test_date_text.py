"""Teasers write dates without Django's format parser, and must write what templates write."""

from __future__ import annotations

import datetime

from django.utils import dateformat

from drmonitor.newsroom.templatetags.newsroom_tags import date_text


def test_teaser_dates_read_as_the_templates_date_filter_writes_them():
    for month in range(1, 13):
        for day in (1, 9, 28):
            when = datetime.datetime(2025, month, day, 23, 30)
            assert date_text(when) == dateformat.format(when, "j F Y")
