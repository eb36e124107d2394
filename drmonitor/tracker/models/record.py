"""What an incident and a court case share: each is a record with a page of its own, found by
a slug made from its title, whose status changes are logged and whose edits keep revisions."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from drmonitor.core.index_fields import indexed
from drmonitor.tracker.models.reference import SlugFromNameMixin
from drmonitor.tracker.models.status import StatusChange


class StatusLoggedMixin(models.Model):
    """Editing `status` records a StatusChange dated today, so followers and the timeline see it.

    Creating a record does not log anything: its first status is not a change. Code that
    records a dated change itself (the demo, imports) sets `log_status_change = False`. The
    admin's form sets `status_source`, the report of the change, which the change cites.
    """

    log_status_change = True
    status_source = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        previous = None
        if self.pk and self.log_status_change:
            previous = type(self).objects.filter(pk=self.pk).values_list("status", flat=True)
            previous = previous.first()
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


class PublicRecord(StatusLoggedMixin, SlugFromNameMixin, RevisionMixin, index.Indexed):
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
    search_fields = indexed(index.SearchField("title", boost=3), autocomplete=("title",))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(self.page_url_name, kwargs={"slug": self.slug})
