"""RSS 2.0 and Atom feeds of live articles: the whole site, a section, a tag, an author.

The URLs follow WordPress's (/feed/, /<section>/feed/, /tag/<slug>/feed/, /author/<slug>/feed/)
so readers' feed subscriptions survive the move; /feed/atom/ beside each gives Atom. Items carry
the featured image as a Media RSS thumbnail, which feed readers show beside the headline. Each
feed names the list it shows (see newsroom/keys.py), so the page cache keeps it until that list
or one of its articles changes.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Site

from drmonitor.core.caching import depends_on
from drmonitor.core.caching import keys as core_keys
from drmonitor.core.models import SiteSettings
from drmonitor.newsroom import keys
from drmonitor.newsroom.listings import tag_for_slug
from drmonitor.newsroom.models import (
    ArticlePage,
    ArticleQuerySet,
    ArticleTag,
    Author,
    SectionPage,
    picture_renditions,
)
from drmonitor.newsroom.teasers import with_bylines

FEED_LIMIT = 20
THUMBNAIL_SPEC = "fill-640x360"
MEDIA_NS = "http://search.yahoo.com/mrss/"
SITE_NAME = "Digital Rights Monitor"


def with_tag_names(articles: list[ArticlePage]) -> None:
    """Give each article its `tag_list`: its tags' names, in the order they were given."""
    names: dict[int, list[str]] = defaultdict(list)
    tagged = ArticleTag.objects.filter(content_object__in=[article.pk for article in articles])
    for article_id, name in tagged.order_by("pk").values_list("content_object_id", "tag__name"):
        names[article_id].append(name)
    for article in articles:
        article.tag_list = names[article.pk]


class MediaThumbnails:
    """Each item's `thumbnail` as a Media RSS `media:thumbnail`, in RSS 2.0 and Atom alike."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        thumbnail = item.get("thumbnail")
        if thumbnail:
            handler.addQuickElement("media:thumbnail", "", thumbnail)


class MediaRssFeed(MediaThumbnails, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}


class MediaAtomFeed(MediaThumbnails, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}


class ArticleFeed(Feed):
    """The newest live articles of some selection; subclasses say which and what to call it,
    and each selection is served twice: as RSS 2.0, and as Atom at `feed/atom/` (`atom=True`)."""

    request: HttpRequest | None = None

    def __init__(self, *, atom: bool = False) -> None:
        self.feed_type = MediaAtomFeed if atom else MediaRssFeed

    def __call__(self, request, *args, **kwargs):
        # Feed instances live as long as the URL conf; a copy per request carries the request
        # (for absolute image URLs and page URLs) without sharing it between threads.
        bound = copy.copy(self)
        bound.request = request
        return Feed.__call__(bound, request, *args, **kwargs)

    # --- the selection ---

    def articles(self, obj) -> ArticleQuerySet:
        raise NotImplementedError

    def list_key(self, obj) -> str:
        """The key of the list this feed shows."""
        raise NotImplementedError

    def items(self, obj):
        depends_on(self.list_key(obj))
        articles = list(
            self.articles(obj)
            .live()
            .public()
            .order_by("-date_published", "-pk")
            .select_related("featured_image")
            .prefetch_related(picture_renditions(THUMBNAIL_SPEC))
            .defer_streamfields()[:FEED_LIMIT]
        )
        # Names only, one narrow query each: tag and author objects cost more than the feed.
        with_bylines(articles)
        with_tag_names(articles)
        depends_on(*(core_keys.page(article.pk) for article in articles))
        return articles

    # --- the channel ---

    def site_description(self) -> str:
        settings = SiteSettings.load(request_or_site=self.request)
        return settings.tagline or "Reporting on digital rights and internet governance"

    def subtitle(self, obj) -> str:
        return self._get_dynamic_attr("description", obj)

    # --- one item ---

    def item_title(self, article: ArticlePage) -> str:
        return article.title

    def item_description(self, article: ArticlePage) -> str:
        # Feed readers take a description as HTML; the standfirst is plain text.
        return escape(article.standfirst)

    def item_link(self, article: ArticlePage) -> str:
        return article.get_url(self.request)

    def item_pubdate(self, article: ArticlePage):
        return article.date_published

    def item_updateddate(self, article: ArticlePage):
        return article.last_published_at or article.date_published

    def item_author_name(self, article: ArticlePage) -> str | None:
        return ", ".join(article.byline) or None

    def item_categories(self, article: ArticlePage) -> list[str]:
        return article.tag_list

    def item_extra_kwargs(self, article: ArticlePage) -> dict:
        image = article.featured_image
        if image is None:
            return {}
        rendition = image.get_rendition(THUMBNAIL_SPEC)
        url = rendition.url
        if self.request is not None:
            url = self.request.build_absolute_uri(url)
        return {
            "thumbnail": {
                "url": url,
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        }


class SiteFeed(ArticleFeed):
    title = SITE_NAME
    link = "/"

    def description(self) -> str:
        return self.site_description()

    def articles(self, obj):
        return ArticlePage.objects.all()

    def list_key(self, obj) -> str:
        return keys.ARTICLES


class SectionFeed(ArticleFeed):
    """A section with its child sections and the articles listed in it as an extra section,
    at /<section path>/feed/; a path that is no live, public section is not found."""

    def get_object(self, request, section_path: str) -> SectionPage:
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("No site answers for this host")
        url_path = site.root_page.url_path + section_path
        section = SectionPage.objects.live().public().filter(url_path=url_path).first()
        if section is None:
            raise Http404("No such section")
        depends_on(core_keys.page(section.pk))
        return section

    def title(self, section: SectionPage) -> str:
        return f"{section.title} | {SITE_NAME}"

    def link(self, section: SectionPage) -> str:
        return section.get_url(self.request)

    def description(self, section: SectionPage) -> str:
        return section.introduction or f"The latest from {section.title}."

    def articles(self, section: SectionPage):
        return section.articles()

    def list_key(self, section: SectionPage) -> str:
        return keys.section_articles(section.pk)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Tag:
        return tag_for_slug(slug)

    def title(self, tag: Tag) -> str:
        return f"{tag.name} | {SITE_NAME}"

    def link(self, tag: Tag) -> str:
        return reverse("newsroom:tag", kwargs={"slug": tag.slug})

    def description(self, tag: Tag) -> str:
        return f"Articles tagged {tag.name}."

    def articles(self, tag: Tag):
        return ArticlePage.objects.tagged(tag.pk).distinct()

    def list_key(self, tag: Tag) -> str:
        return keys.tag_articles(tag.pk)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Author:
        author = get_object_or_404(Author, slug=slug)
        depends_on(keys.author(author.pk))
        return author

    def title(self, author: Author) -> str:
        return f"{author.name} | {SITE_NAME}"

    def link(self, author: Author) -> str:
        return author.get_absolute_url()

    def description(self, author: Author) -> str:
        return f"Articles by {author.name}."

    def articles(self, author: Author):
        return ArticlePage.objects.by(author).distinct()

    def list_key(self, author: Author) -> str:
        return keys.author_articles(author.pk)
