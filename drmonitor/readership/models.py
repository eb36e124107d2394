"""The only thing kept about reading: how many times a page was read on a day."""

from __future__ import annotations

from django.db import models


class DailyReads(models.Model):
    """Reads of one page on one day (Pakistan time). Nothing identifies a reader."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "daily reads"
        verbose_name_plural = "daily reads"
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="one_count_a_day")]
        # "Most read" sums the recent days: the day leads the index.
        indexes = [models.Index(fields=["day", "page"], name="reads_by_day")]

    def __str__(self) -> str:
        return f"page {self.page_id} on {self.day}: {self.reads}"
