"""Review by the newsroom: what a reporter adds or changes in the evidence is a draft until an
editor or a moderator approves it, and what readers see is the approved version only."""

from __future__ import annotations

from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, LockableMixin, Revision, RevisionMixin, WorkflowMixin

# Logged with the version readers saw of a record published outside the admin (by an import,
# the demo, or before review began), kept when its first reviewed change is saved.
AS_PUBLISHED = "tracker.as_published"


class ReviewedQuerySet(models.QuerySet):
    def published(self):
        """What readers see: rows an editor published, never a reporter's draft in review.

        Every public page, feed, calendar, export, the API and site search read records through
        this; the admin, imports and tests read every row."""
        return self.filter(live=True)


class Reviewed(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A record reporters keep: their additions and edits are drafts until an editor or a
    moderator approves them in the "Editorial review" workflow, and every published version is
    kept as a revision, so the public change list can say what changed and when. Its links to
    other records are ParentalManyToManyFields so that a draft's sources, laws and parties wait
    in the revision with the rest; the published row is what readers see meanwhile.
    """

    objects = ReviewedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save_revision(self, *args, **kwargs):
        if self.pk and self.live and self.live_revision_id is None:
            self.keep_published_version()
        return super().save_revision(*args, **kwargs)

    def keep_published_version(self) -> None:
        """Keep the version readers see as a revision, logged as such, before the first
        reviewed change of a record that was published without one: the change list compares
        the change with it and can say what changed."""
        published = type(self).objects.get(pk=self.pk)
        revision = Revision.objects.create(
            content_object=published,
            base_content_type=published.get_base_content_type(),
            content=published.serializable_data(),
            object_str=str(published),
        )
        type(self).objects.filter(pk=self.pk).update(live_revision=revision)
        self.live_revision = revision
        log(instance=published, action=AS_PUBLISHED, revision=revision)
