"""Sections, articles and their authors and tags: the publication itself.

A section is a page in the tree, so the tree *is* the menu and editors rearrange it by moving
pages. An article lives under its primary section (that gives it its URL) and may also be
listed in extra sections, as WordPress posts sit in several categories.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from drmonitor.core.privacy import ViewRestrictionShortcut
from drmonitor.newsroom.blocks import ArticleBodyBlock


class Author(index.Indexed, ClusterableModel):
    """A byline: a person, or the house byline "DRM"."""

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    role = models.CharField(max_length=255, blank=True, help_text="e.g. Reporter, Editor")
    photo = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])
    x_handle = models.CharField("X handle", max_length=64, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("x_handle"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
        renamed = (
            self.pk is not None and not Author.objects.filter(pk=self.pk, name=self.name).exists()
        )
        super().save(*args, **kwargs)
        if renamed:
            # Articles are found by their authors' names: their index entries follow a rename.
            for article in ArticlePage.objects.filter(article_authors__author=self).distinct():
                index.insert_or_update_object(article)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("newsroom:author", kwargs={"slug": self.slug})


class SectionPage(ViewRestrictionShortcut, RoutablePageMixin, Page):
    """A menu section such as "DRM Exclusive" or its child "Court Updates"."""

    introduction = models.TextField(blank=True)
    per_page = models.PositiveSmallIntegerField(default=12)

    parent_page_types = ["home.HomePage", "newsroom.SectionPage"]
    subpage_types = ["newsroom.SectionPage", "newsroom.ArticlePage"]
    template = "newsroom/section_page.html"

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = "section"

    def get_context(self, request, *args, **kwargs):
        from drmonitor.newsroom.listings import paginate, teasers

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = paginate(
            request, lambda: teasers(self.articles()), self.per_page, f"section:{self.pk}"
        )
        parent = self.get_parent().specific_deferred  # its title and URL, no more
        context["parent_section"] = parent if isinstance(parent, SectionPage) else None
        return context

    @route("feed/", name="feed")
    def rss_feed(self, request):
        from drmonitor.newsroom.feeds import SectionFeed

        return SectionFeed()(request, section=self)

    @route("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from drmonitor.newsroom.feeds import SectionAtomFeed

        return SectionAtomFeed()(request, section=self)

    def articles(self) -> QuerySet[ArticlePage]:
        """Live articles filed here or in a child section, or listed here as an extra section."""
        sections = SectionPage.objects.descendant_of(self, inclusive=True)
        return (
            ArticlePage.objects.live()
            .filter(Q(path__startswith=self.path) | Q(extra_sections__in=sections))
            .distinct()
            .order_by("-date_published", "-pk")
        )


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(ViewRestrictionShortcut, Page):
    """A news story, court update, feature, comment or statement."""

    standfirst = models.TextField(
        blank=True, help_text="One or two sentences under the title that say what happened."
    )
    date_published = models.DateTimeField(
        default=timezone.now,
        db_index=True,
        help_text="The date readers see. Kept as given when stories are imported.",
    )
    featured_image = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    featured_image_caption = models.CharField(
        max_length=400, blank=True, help_text="Defaults to the image's own caption."
    )
    featured_image_credit = models.CharField(
        max_length=255,
        blank=True,
        help_text='Defaults to the image\'s own credit, e.g. "Illustration: DRM".',
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    extra_sections = ParentalManyToManyField(
        "newsroom.SectionPage",
        blank=True,
        related_name="extra_articles",
        help_text="Other sections that list this article besides its own.",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types: list[str] = []
    template = "newsroom/article_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultipleChooserPanel("article_authors", chooser_field_name="author", label="Authors"),
        FieldPanel("date_published"),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldRowPanel(
                    [FieldPanel("featured_image_caption"), FieldPanel("featured_image_credit")]
                ),
            ],
            heading="Featured image",
        ),
        FieldPanel("body"),
        FieldPanel("extra_sections"),
        FieldPanel("tags"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("author_names"),
        index.SearchField("tag_names"),
        index.AutocompleteField("standfirst"),
        index.AutocompleteField("author_names"),
        index.AutocompleteField("tag_names"),
        index.FilterField("date_published"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "article"

    def clean(self) -> None:
        super().clean()
        # Taggit compares names case-insensitively, but only against what is already stored:
        # two spellings entered together would both be created.
        names = [tag.name if hasattr(tag, "name") else str(tag) for tag in self.tags.all()]
        folded = [name.casefold() for name in names]
        if len(set(folded)) != len(folded):
            raise ValidationError({"tags": "The same tag is given twice in different cases."})

    def get_context(self, request, *args, **kwargs):
        from drmonitor.newsroom.listings import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request))
        return context

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # The search index entry was written on post_save, before modelcluster committed the
        # authors and tags given with this save: write it again now that they are stored.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"article_authors", "tagged_items"} & set(update_fields):
            index.insert_or_update_object(self)
        return result

    @cached_property
    def primary_section(self) -> SectionPage | None:
        # Its title and URL are all an article shows of it: no query for the section's row.
        parent = self.get_parent()
        return parent.specific_deferred if parent else None

    def sections(self) -> list[SectionPage]:
        """The primary section first, then the extra ones: "in DRM Exclusive, News"."""
        primary = self.primary_section
        extra = [s for s in self.extra_sections.all() if primary is None or s.pk != primary.pk]
        return ([primary] if primary else []) + extra

    def authors(self) -> list[Author]:
        return [link.author for link in self.article_authors.all() if link.author_id]

    @cached_property
    def byline(self) -> list[str]:
        """The authors' names in byline order; listings set it for all their teasers at once."""
        return [author.name for author in self.authors()]

    def author_names(self) -> str:
        return " ".join(author.name for author in self.authors())

    def tag_names(self) -> str:
        return " ".join(tag.name for tag in self.tags.all())

    @property
    def image_caption(self) -> str:
        image = self.featured_image
        return self.featured_image_caption or (image.caption if image else "")

    @property
    def image_credit(self) -> str:
        image = self.featured_image
        return self.featured_image_credit or (image.credit if image else "")


class ArticleAuthor(Orderable):
    """The ordered byline of an article."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("article", "author")]
