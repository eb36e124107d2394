"""What an import remembers of the WordPress site it read, so that a second run finds it again.

Every WordPress object that became something here is kept with its WordPress identity (a post
or attachment by its ID, a category or tag by its slug, an author by login): a second run of
the same export updates what changed and adds what is new, and never makes a duplicate.
`fingerprint` is a hash of what the export said of an item the last time it was imported; an
item whose fingerprint is the same is left alone, which is what makes an unchanged second run
fast.
"""

from __future__ import annotations

from django.db import models

from drmonitor.core.background import BackgroundRun


class ImportedItem(models.Model):
    """A post, page or attachment of the WordPress site, and what it became here."""

    wp_id = models.PositiveBigIntegerField(unique=True)
    post_type = models.CharField(max_length=40)
    status = models.CharField(max_length=20)
    slug = models.CharField(max_length=255, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The file an attachment came from (its path under wp-content/uploads), so two items that
    # name the same file share one picture.
    source_file = models.CharField(max_length=500, blank=True, db_index=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["post_type", "slug"])]

    def __str__(self) -> str:
        return f"WordPress {self.post_type} {self.wp_id}"


class ImportedTerm(models.Model):
    """A category (now a section) or a tag of the WordPress site."""

    CATEGORY, TAG = "category", "post_tag"
    taxonomy = models.CharField(max_length=32, choices=[(CATEGORY, "category"), (TAG, "tag")])
    slug = models.CharField(max_length=200)
    term_id = models.PositiveBigIntegerField(null=True, blank=True)
    name = models.CharField(max_length=255)
    section = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tag = models.ForeignKey(
        "taggit.Tag", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "slug"], name="wordpress_term_once")
        ]

    def __str__(self) -> str:
        return f"WordPress {self.taxonomy} {self.slug}"


class ImportedAuthor(models.Model):
    """A WordPress user who wrote posts, and their byline here.

    The e-mail address is kept only to recognise the same person in a later export; it is
    never shown on the site (bylines show the Author, which has no e-mail field).
    """

    login = models.CharField(max_length=200, unique=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True)
    email = models.EmailField(blank=True)
    author = models.ForeignKey(
        "newsroom.Author", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"WordPress author {self.login}"


class ImportRun(BackgroundRun):
    """An import started from the admin, done by the background worker.

    The uploaded export is kept in a private folder (it holds authors' e-mail addresses) until
    the run ends, then deleted; the run keeps its progress and its report.
    """

    export_path = models.CharField(max_length=500)
    media_base = models.URLField(blank=True)
    dry_run = models.BooleanField(default=False)

    @property
    def is_dry_run(self) -> bool:
        return self.dry_run
