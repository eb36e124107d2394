"""What an incident and a court case share: each is a record with a page of its own, found by
a slug made from its title, whose status changes are logged and whose edits are reviewed (a
reporter's change waits as a draft revision until an editor or a moderator publishes it)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from drmonitor.core.index_fields import indexed
from drmonitor.tracker.models.reference import SlugFromNameMixin, Source
from drmonitor.tracker.models.review import Reviewed
from drmonitor.tracker.models.status import StatusChange


class StatusLoggedMixin(models.Model):
    """Changing the status of a public record records a StatusChange dated the day the change
    is published, so followers and the timeline see it.

    Creating a record, or publishing it for the first time, does not log anything: its first
    status is not a change. Code that records a dated change itself (the demo, imports) sets
    `log_status_change = False`. The admin's form sets `status_source`, the report of the
    change, which the change cites; it travels in the draft revision until the change is
    published.
    """

    log_status_change = True
    status_source = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        previous = None
        # Saving a draft's bookkeeping (`update_fields` without the status) changes no fact.
        update_fields = kwargs.get("update_fields")
        status_saved = update_fields is None or "status" in update_fields
        if self.pk and self.log_status_change and status_saved:
            previous = (
                type(self).objects.filter(pk=self.pk, live=True).values_list("status", flat=True)
            ).first()
        super().save(*args, **kwargs)
        if previous is not None and previous != self.status:
            StatusChange.objects.create(
                date=timezone.localdate(),
                from_status=previous,
                to_status=self.status,
                note="Recorded when the record was edited.",
                source=self.status_source,
                **{self.status_owner_field: self},
            )

    def serializable_data(self) -> dict:
        data = super().serializable_data()
        data["status_source"] = self.status_source.pk if self.status_source else None
        return data

    def with_content_json(self, content: dict):
        record = super().with_content_json(content)
        source = content.get("status_source")
        record.status_source = Source.objects.filter(pk=source).first() if source else None
        return record


class PublicRecord(StatusLoggedMixin, SlugFromNameMixin, Reviewed, index.Indexed):
    """An incident or a court case. A subclass names the URL of its page (`page_url_name`) and
    the key its status changes use (`status_owner_field`); it extends `panels` and
    `search_fields` as Wagtail's pages extend theirs."""

    slug_source = "title"
    page_url_name: str

    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=100, unique=True, blank=True, help_text="Made from the title when left empty."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("title"), FieldPanel("slug")]
    search_fields = indexed(
        index.SearchField("title", boost=3), autocomplete=("title",), filters=("live",)
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(self.page_url_name, kwargs={"slug": self.slug})
