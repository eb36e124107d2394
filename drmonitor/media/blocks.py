"""The structured parts of an episode: its chapters and its transcript, each line with the
time it starts at, so both can link to that moment of the recording."""

from __future__ import annotations

from wagtail import blocks

from drmonitor.media import timecodes


class TimedValue(blocks.StructValue):
    """A chapter or transcript line that knows its start in seconds and as a reader reads it."""

    @property
    def seconds(self) -> int | None:
        start = self.get("start")
        return timecodes.parse(start) if start else None

    @property
    def timecode(self) -> str:
        seconds = self.seconds
        return "" if seconds is None else timecodes.display(seconds)


class ChapterBlock(blocks.StructBlock):
    start = blocks.CharBlock(
        max_length=12,
        validators=[timecodes.validate],
        help_text="Where the chapter starts, e.g. 04:10 or 1:02:03.",
        search_index=False,
    )
    title = blocks.CharBlock(max_length=200)

    class Meta:
        icon = "time"
        value_class = TimedValue


class TranscriptLineBlock(blocks.StructBlock):
    start = blocks.CharBlock(
        max_length=12,
        required=False,
        validators=[timecodes.validate],
        help_text="When it is said, e.g. 04:10; readers can jump there.",
        search_index=False,
    )
    speaker = blocks.CharBlock(max_length=120, required=False)
    text = blocks.TextBlock()

    class Meta:
        icon = "openquote"
        value_class = TimedValue


class GuestBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200)
    role = blocks.CharBlock(max_length=200, required=False, help_text="e.g. Lawyer, Lahore")
    url = blocks.URLBlock(required=False, help_text="A page about them, shown as a link.")

    class Meta:
        icon = "user"
