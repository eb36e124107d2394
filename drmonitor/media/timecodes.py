"""Times in an episode, as editors write them ("4:10", "1:02:03") and as players want them
(seconds, for a `#t=250` media fragment, a chapters file or a WebVTT cue)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

TIMECODE = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")


def parse(text: str) -> int:
    """'04:10' -> 250, '1:02:03' -> 3723; anything else is refused with the form to use."""
    match = TIMECODE.match(text.strip())
    if match is None:
        raise ValidationError(
            f"Write a time as minutes:seconds or hours:minutes:seconds, not {text!r}."
        )
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def validate(text: str) -> None:
    parse(text)


def display(seconds: int | float) -> str:
    """250 -> '04:10', 3723 -> '1:02:03': what a reader sees beside a chapter."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def itunes(seconds: int | float) -> str:
    """iTunes' <itunes:duration> as HH:MM:SS."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"
