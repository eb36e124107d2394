"""Playlists: a reader's ordered list of pages (articles, episodes) to read or watch later.

A reader's playlist is private until its owner makes it public; a public one can be shared by
its link and is listed and found by anyone. Editors curate the newsroom's own playlists (no
owner) in the admin and feature some of them on /playlists/. A private playlist is visible to
its owner alone: every public place (pages, search, the API, the sitemap) goes through
`Playlist.objects.public()` or `visible_to()`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max, Q
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from drmonitor.core.index_fields import indexed
from drmonitor.core.panels import field_panels

# A reader's limits: enough for any real use, small enough that nobody fills the database.
MAX_PLAYLISTS_PER_READER = 100
MAX_ITEMS_PER_PLAYLIST = 500


class PlaylistQuerySet(models.QuerySet):
    def public(self) -> PlaylistQuerySet:
        return self.filter(is_public=True)

    def featured(self) -> PlaylistQuerySet:
        return self.public().filter(is_featured=True)

    def owned_by(self, user) -> PlaylistQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def visible_to(self, user) -> PlaylistQuerySet:
        """Public playlists, and the reader's own."""
        if not user.is_authenticated:
            return self.public()
        return self.filter(Q(is_public=True) | Q(owner=user))

    def listed(self) -> PlaylistQuerySet:
        """Featured first, then the most recently changed."""
        return self.order_by("-is_featured", "-updated_at", "-pk")


class Playlist(index.Indexed, ClusterableModel):
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True, max_length=500)
    # None for the newsroom's own playlists, made by editors in the admin.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="playlists",
    )
    is_public = models.BooleanField(
        "public",
        default=False,
        help_text="Anyone with the link can see a public playlist; it is listed and searchable.",
    )
    is_featured = models.BooleanField(
        "featured",
        default=False,
        help_text="Shown first on the playlists page. A featured playlist must be public.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlaylistQuerySet.as_manager()

    panels = field_panels(
        "title",
        "description",
        "is_public",
        "is_featured",
        InlinePanel("items", label="Pages", heading="Pages, in order"),
    )
    search_fields = indexed(
        "title", "description", autocomplete=("title",), filters=("is_public", "updated_at")
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.is_featured and not self.is_public:
            raise ValidationError({"is_featured": "Make the playlist public to feature it."})

    def get_absolute_url(self) -> str:
        return reverse("playlists:detail", kwargs={"pk": self.pk})

    @property
    def curator(self) -> str:
        """Who made it, as readers see it. Readers' user names are not shown to others."""
        return "Digital Rights Monitor" if self.owner_id is None else "a reader"

    def is_visible_to(self, user) -> bool:
        return self.is_public or (user.is_authenticated and self.owner_id == user.pk)

    def is_owned_by(self, user) -> bool:
        return user.is_authenticated and self.owner_id == user.pk

    def shown_items(self) -> list[PlaylistItem]:
        """The items whose page readers may open (live, no view restriction), in order, each
        with its `page` as its specific type."""
        items = list(self.items.order_by("sort_order", "pk"))
        pages = (
            Page.objects.filter(pk__in=[item.page_id for item in items])
            .live()
            .public()
            .defer_streamfields()
            .specific()
            .in_bulk()
        )
        shown = []
        for item in items:
            if item.page_id in pages:
                item.page = pages[item.page_id]
                shown.append(item)
        return shown

    def add(self, page: Page) -> tuple[PlaylistItem, bool]:
        """Put `page` at the end, unless it is already in; (item, whether it was added)."""
        with transaction.atomic():
            existing = self.items.filter(page=page).first()
            if existing is not None:
                return existing, False
            if self.items.count() >= MAX_ITEMS_PER_PLAYLIST:
                raise ValidationError(
                    f"A playlist holds at most {MAX_ITEMS_PER_PLAYLIST} pages; remove some first."
                )
            last = self.items.aggregate(last=Max("sort_order"))["last"]
            try:
                with transaction.atomic():
                    item = PlaylistItem.objects.create(
                        playlist=self, page=page, sort_order=0 if last is None else last + 1
                    )
            except IntegrityError:  # a double click: the other request put it in
                return self.items.get(page=page), False
            self.save(update_fields=["updated_at"])
        return item, True

    def move(self, item: PlaylistItem, step: int) -> bool:
        """Move `item` one place up (-1) or down (+1); False when it is already at that end."""
        with transaction.atomic():
            items = list(self.items.select_for_update().order_by("sort_order", "pk"))
            position = next(n for n, each in enumerate(items) if each.pk == item.pk)
            target = position + step
            if not 0 <= target < len(items):
                return False
            items[position], items[target] = items[target], items[position]
            for order, each in enumerate(items):
                if each.sort_order != order:
                    each.sort_order = order
                    each.save(update_fields=["sort_order"])
            self.save(update_fields=["updated_at"])
        return True

    def remove(self, item: PlaylistItem) -> None:
        with transaction.atomic():
            item.delete()
            self.save(update_fields=["updated_at"])


class PlaylistItem(Orderable):
    playlist = ParentalKey(Playlist, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["playlist", "page"], name="playlist_page_once")
        ]

    def __str__(self) -> str:
        return f"{self.page} in {self.playlist}"
