"""How the desk writes a moment: "3 Dec, 09:00", in the editor's own time zone.

Short, because it sits in buttons and dashboard rows; the year only when it is not this one.
"""

from __future__ import annotations

import datetime

from django.utils import dateformat, timezone


def desk_time(moment: datetime.datetime | datetime.date) -> str:
    """'3 Dec, 09:00' for a moment, '3 Dec' for a day; '3 Dec 2027, 09:00' in another year."""
    if isinstance(moment, datetime.datetime):
        local = timezone.localtime(moment)
        day = _day(local.date())
        return f"{day}, {dateformat.format(local, 'H:i')}"
    return _day(moment)


def _day(day: datetime.date) -> str:
    this_year = timezone.localdate().year
    return dateformat.format(day, "j M" if day.year == this_year else "j M Y")
