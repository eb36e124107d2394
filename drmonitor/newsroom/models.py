"""Sections, articles and their authors and tags: the publication itself.

A section is a page in the tree, so the tree *is* the menu and editors rearrange it by moving
pages. An article lives under its primary section (that gives it its URL) and may also be
listed in extra sections, as WordPress posts sit in several categories.

The queries that list articles live here too, on `ArticlePage.objects`, so that everything
above the models (listings, feeds, search, template tags) asks them the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    MultipleChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PagePermissionTester
from wagtail.query import PageQuerySet
from wagtail.search import index

from drmonitor.core.caching import depends_on, keep
from drmonitor.core.caching import keys as core_keys
from drmonitor.core.fields import optional_link, optional_links
from drmonitor.core.index_fields import indexed
from drmonitor.core.models import Rendition
from drmonitor.core.page_context import Context, PageContext
from drmonitor.core.panels import field_panels, fieldset
from drmonitor.core.privacy import ViewRestrictionsInOneQuery
from drmonitor.newsroom import keys
from drmonitor.newsroom.blocks import ArticleBodyBlock
from drmonitor.newsroom.forms import ArticlePageForm
from drmonitor.newsroom.pagination import paginate

RELATED = 3
# The columns a teaser, a sidebar entry or a previous/next link reads. A page row has some
# forty; building model instances from all of them is most of what a listing query costs.
TEASER_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "live",
    "standfirst",
    "date_published",
    "featured_image",
)
# A range on the date that is always true lets SQLite walk the date index newest first and
# stop after one page of rows; without it, it reads every article and sorts them.
DATES_END = datetime(9999, 1, 1, tzinfo=UTC)


class Author(index.Indexed, ClusterableModel):
    """A byline: a person, or the house byline "DRM"."""

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    role = models.CharField(max_length=255, blank=True, help_text="e.g. Reporter, Editor")
    photo = optional_link("core.CustomImage")
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])
    x_handle = models.CharField("X handle", max_length=64, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="byline",
        verbose_name="staff account",
        help_text="The account that writes under this byline: its new articles start with it.",
    )

    panels = field_panels("name", "slug", "role", "photo", "bio", "x_handle", "user")
    search_fields = indexed("name", autocomplete=("name",))

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
        return reverse("newsroom:author", kwargs={"slug": self.slug})


class ArticleQuerySet(PageQuerySet):
    """The ways pages list articles."""

    def newest_first(self) -> ArticleQuerySet:
        return self.filter(date_published__lt=DATES_END).order_by("-date_published", "-pk")

    def for_teasers(self) -> ArticleQuerySet:
        """A few columns of each article, and its picture, as page objects: for what draws
        them with Wagtail's tags (the infographics gallery; teasers read plain rows)."""
        return self.only(*TEASER_FIELDS).select_related("featured_image")

    def listed_in(self, section: SectionPage) -> ArticleQuerySet:
        """Filed in the section or below it, or listed in it (or below it) as an extra."""
        # The extra listings as a subquery, not a join: no row comes twice, so no DISTINCT,
        # and the database can walk the date index newest first and stop after one page.
        extras = ArticlePage.extra_sections.through.objects.filter(
            sectionpage__path__startswith=section.path  # the section or one below it
        )
        return self.filter(
            Q(path__startswith=section.path) | Q(pk__in=extras.values("articlepage_id"))
        )

    def tagged(self, tag_pk: int) -> ArticleQuerySet:
        return self.filter(tagged_items__tag_id=tag_pk)

    def by(self, author: Author) -> ArticleQuerySet:
        return self.filter(article_authors__author=author)

    def dated(self, year: int, month: int | None = None) -> ArticleQuerySet:
        """Dated in a year or a month of Pakistan time, the calendar readers see."""
        articles = self.filter(date_published__year=year)
        if month is not None:
            articles = articles.filter(date_published__month=month)
        return articles


def describe_listing(opening: str, ids: Sequence[int]) -> str:
    """A listing's meta description, from its own content: what it is, then the titles of its
    newest stories (one narrow query)."""
    found = dict(ArticlePage.objects.filter(pk__in=ids[:3]).values_list("pk", "title"))
    titles = [found[pk] for pk in ids[:3] if pk in found]
    return f"{opening} Latest: {'; '.join(titles)}." if titles else opening


class SectionPage(ViewRestrictionsInOneQuery, PageContext, Page):
    """A menu section such as "DRM Exclusive" or its child "Court Updates"."""

    introduction = models.TextField(blank=True)
    per_page = models.PositiveSmallIntegerField(default=12)

    parent_page_types = ["home.HomePage", "newsroom.SectionPage"]
    # Any page type that allows a section as its parent: the sections of other apps (a vodcast
    # series, a library) sit in the tree beside the newsroom's.

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    search_fields = Page.search_fields + indexed("introduction")

    class Meta:
        verbose_name = "section"

    def own_context(self, context: Context) -> Context:
        parent = self.get_parent().specific_deferred  # its title and URL, no more
        return {
            **self.listing_context(context["request"]),
            "parent_section": parent if isinstance(parent, SectionPage) else None,
        }

    def listing_context(self, request: HttpRequest) -> Context:
        """What the section lists: a page of its articles, described for search engines when
        no editor wrote a description. (A library section lists its entries instead.)"""
        listing = paginate(
            request,
            self.articles,
            self.per_page,
            f"section:{self.pk}",
            depends=[keys.section_articles(self.pk)],
        )
        if self.search_description or self.introduction:
            return {"listing": listing}
        opening = f"{self.title}: reporting from Digital Rights Monitor."
        return {"listing": listing, "description": describe_listing(opening, listing.teasers)}

    def articles(self) -> ArticleQuerySet:
        """Live articles filed here or in a child section, or listed here as an extra section."""
        return ArticlePage.objects.live().listed_in(self).newest_first()

    def articles_besides(self, kind: type[ArticlePage]) -> ArticleQuerySet:
        """Live public articles listed here that are not of this section's own kind: a library
        or statements section lists its entries, then these (posts brought over from another
        site, filed as plain articles in the section above and listed here too)."""
        return self.articles().public().not_type(kind).only("title", "url_path", "date_published")

    def feed_urls(self, request: HttpRequest) -> tuple[str, str] | None:
        """The RSS and Atom feeds of this section: /<section path>/feed/ and feed/atom/; none
        for a section that is itself a site's root (its /feed/ is the whole site's)."""
        path = urlsplit(self.get_url(request) or "").path.lstrip("/")
        if not path:
            return None
        return (
            reverse("discovery:section_feed", kwargs={"section_path": path}),
            reverse("discovery:section_atom_feed", kwargs={"section_path": path}),
        )


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BylinePermissionTester(PagePermissionTester):
    """Who may edit an article: whoever Wagtail allows (editors; a reporter on pages they
    created), and a reporter the byline credits, so colleagues can share a story. Publishing
    stays with editors and the review workflow."""

    def can_edit(self) -> bool:
        if super().can_edit():
            return True
        return (
            self.user.is_active
            and "add" in self.permissions
            and self.page.article_authors.filter(author__user=self.user).exists()
        )


class ArticlePage(ViewRestrictionsInOneQuery, PageContext, Page):
    """A news story, court update, feature, comment or statement."""

    standfirst = models.TextField(
        blank=True, help_text="One or two sentences under the title that say what happened."
    )
    date_published = models.DateTimeField(
        default=timezone.now,
        db_index=True,
        help_text="The date readers see. Kept as given when stories are imported.",
    )
    featured_image = optional_link("core.CustomImage")
    featured_image_caption = models.CharField(
        max_length=400, blank=True, help_text="Defaults to the image's own caption."
    )
    featured_image_credit = models.CharField(
        max_length=255,
        blank=True,
        help_text='Defaults to the image\'s own credit, e.g. "Illustration: DRM".',
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    extra_sections = optional_links(
        "newsroom.SectionPage",
        related_name="extra_articles",
        help_text="Other sections that list this article besides its own.",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)

    objects = PageManager.from_queryset(ArticleQuerySet)()
    base_form_class = ArticlePageForm

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + field_panels(
        "standfirst",
        MultipleChooserPanel("article_authors", chooser_field_name="author", label="Authors"),
        "date_published",
        fieldset(
            "Featured image", "featured_image", ("featured_image_caption", "featured_image_credit")
        ),
        "body",
        "extra_sections",
        "tags",
    )

    search_fields = Page.search_fields + indexed(
        "standfirst",
        "body",
        "author_names",
        "tag_names",
        index.RelatedFields("tags", [index.SearchField("name")]),
        autocomplete=("standfirst", "author_names", "tag_names"),
        filters=("date_published",),
    )

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

    def own_context(self, context: Context) -> Context:
        # The byline, the tag list, related articles and the page's meta tags all read the
        # authors and tags: fetch each once.
        prefetch_related_objects([self], bylines(), "tags")
        depends_on(*(keys.author(author.pk) for author in self.authors()))
        depends_on(*(keys.tag(tag.pk) for tag in self.tags.all()))
        return {"authors": self.authors(), "related_articles": self.related_ids()}

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
        parent = getattr(self, "routed_parent", None) or self.get_parent()
        return parent.specific_deferred if parent else None

    def sections(self) -> list[SectionPage]:
        """The primary section first, then the extra ones: "in DRM Exclusive, News"."""
        primary = self.primary_section
        extra = [s for s in self.extra_sections.all() if primary is None or s.pk != primary.pk]
        return ([primary] if primary else []) + extra

    def authors(self) -> list[Author]:
        return [link.author for link in self.article_authors.all() if link.author_id]

    def permissions_for_user(self, user) -> PagePermissionTester:
        """Wagtail's rules, plus: an article is shared with the writers its byline credits."""
        return BylinePermissionTester(user, self)

    @cached_property
    def byline(self) -> list[str]:
        """The authors' names in byline order; listings set it for all their teasers at once."""
        return [author.name for author in self.authors()]

    @cached_property
    def byline_ids(self) -> list[int]:
        return [author.pk for author in self.authors()]

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

    def neighbour_ids(self) -> tuple[int | None, int | None]:
        """The live articles published just before and just after this one, by date.

        Two lookups each way, both on the date index: an article of the very same moment (an
        import can give many the same date) comes first, ordered by id; otherwise the nearest
        date. One "earlier date, or same date and smaller id" condition reads every row.
        """
        when, pk = self.date_published, self.pk
        live = ArticlePage.objects.live()
        same_moment = live.filter(date_published=when).values_list("pk", flat=True)
        previous = same_moment.filter(pk__lt=pk).order_by("-pk").first()
        following = same_moment.filter(pk__gt=pk).order_by("pk").first()
        if previous is None:
            earlier = live.filter(date_published__lt=when).order_by("-date_published", "-pk")
            previous = earlier.values_list("pk", flat=True).first()
        if following is None:
            later = live.filter(date_published__gt=when).order_by("date_published", "pk")
            following = later.values_list("pk", flat=True).first()
        return previous, following

    def neighbours(self) -> tuple[ArticlePage | None, ArticlePage | None]:
        """The articles just before and after this one, kept until either side changes."""
        previous, following = keep(
            f"neighbours:{self.pk}", self.neighbour_ids, depends=[keys.neighbours(self.pk)]
        )
        depends_on(*(core_keys.page(pk) for pk in (previous, following) if pk))
        found = ArticlePage.objects.only(*TEASER_FIELDS).in_bulk([previous, following])
        return found.get(previous), found.get(following)

    def related_ids(self, limit: int = RELATED) -> list[int]:
        """The live articles sharing the most tags with this one, newest first among equals.

        A common tag can sit on thousands of articles, which makes the ranking the costliest
        query of the page. It is kept until one of the tags' lists changes, but pages that
        show it do not wait for that: they pick up a new ranking when they expire.
        """
        tag_ids = [tag.pk for tag in self.tags.all()]
        if not tag_ids:
            return []

        def rank() -> list[int]:
            # Rank on the narrow tag table; grouping whole article rows costs ten times more.
            ranked = (
                ArticleTag.objects.filter(tag_id__in=tag_ids, content_object__live=True)
                .exclude(content_object_id=self.pk)
                .values("content_object_id")
                .annotate(shared_tags=Count("pk"))
                .order_by("-shared_tags", "-content_object__date_published", "-content_object_id")
            )
            return [row["content_object_id"] for row in ranked[:limit]]

        return keep(
            f"related:{self.pk}:{limit}",
            rank,
            depends=[keys.tag_articles(pk) for pk in tag_ids],
            propagate=False,
        )


def picture_renditions(spec: str) -> Prefetch:
    """The renditions of one filter spec of each article's picture, which a list shows at one
    size: Wagtail finds them among these, and a picture has one for each size of each style."""
    return Prefetch(
        "featured_image__renditions", queryset=Rendition.objects.filter(filter_spec=spec)
    )


def bylines() -> Prefetch:
    """An article's authors in byline order, each with its photo, in one query."""
    return Prefetch(
        "article_authors",
        queryset=ArticleAuthor.objects.select_related("author__photo").order_by("sort_order"),
    )


class ArticleAuthor(Orderable):
    """The ordered byline of an article."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("article", "author")]


class InformationPage(ViewRestrictionsInOneQuery, Page):
    """A page about the publication itself (About us, Contact us, Write for us): no date, no
    byline, not listed in any section, reached from the menu or a link. A WordPress site's
    pages come over as these."""

    introduction = models.TextField(blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + indexed("introduction", "body")

    class Meta:
        verbose_name = "information page"
