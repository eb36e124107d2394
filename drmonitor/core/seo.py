"""What a page tells search engines, social networks and feed readers about itself.

One `PageMeta` per response, built from the template context: the canonical URL, the Open Graph
and X card fields, the feeds to announce and, for articles, NewsArticle structured data. Pages
supply what they know by duck typing (a `standfirst`, a `featured_image`, `authors()`, a
`date_published`, `feed_urls()`), so core needs no import of the apps above it; the
site settings supply the fallbacks (description, default social image, the X account).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from drmonitor.core.models import SiteSettings

SITE_NAME = "Digital Rights Monitor"
DEFAULT_DESCRIPTION = "Reporting on digital rights and internet governance in Pakistan."
SOCIAL_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_WORDS = 40

# Feeds announced on listing views outside the page tree: context key -> feed URL names.
OBJECT_FEEDS = {
    "tag": ("discovery:tag_feed", "discovery:tag_atom_feed"),
    "author": ("discovery:author_feed", "discovery:author_atom_feed"),
}

# JSON inside <script> must not be able to close the element or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    mime_type: str


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    og_type: str = "website"
    image: SocialImage | None = None
    published: datetime | None = None
    modified: datetime | None = None
    section: str = ""
    tags: list[str] = field(default_factory=list)
    x_site: str = ""
    x_creator: str = ""
    feeds: list[FeedLink] = field(default_factory=list)
    structured_data: dict | None = None

    @property
    def x_card(self) -> str:
        return "summary_large_image" if self.image else "summary"

    @property
    def structured_data_json(self) -> SafeString:
        """The JSON-LD, escaped so that no text in it can end the <script> element."""
        text = json.dumps(self.structured_data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
        return mark_safe(text)  # noqa: S308 - escaped above, as django's json_script does


def x_handle(value: str) -> str:
    """'@drm', 'drm' or 'https://x.com/drm' -> '@drm'; '' when there is none."""
    value = (value or "").strip()
    if "/" in value:
        value = urlsplit(value).path.strip("/").split("/")[0]
    value = value.lstrip("@")
    return f"@{value}" if value else ""


def _describe(text: str) -> str:
    return Truncator(" ".join(strip_tags(text or "").split())).words(DESCRIPTION_WORDS)


def _social_image(request: HttpRequest, image) -> SocialImage | None:
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    return SocialImage(
        url=request.build_absolute_uri(rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=getattr(rendition, "alt", "") or image.title,
    )


def _canonical(request: HttpRequest, page, given: str | None = None) -> str:
    """The page's own URL; for lists, `?page=N` is kept (page 2 is not page 1) and nothing else.
    A view may give its own (search: the plain query's address)."""
    if given:
        return request.build_absolute_uri(given)
    path = page.get_url(request) if page is not None else request.path
    number = request.GET.get("page", "")
    suffix = f"?page={number}" if number.isdigit() and number != "1" else ""
    return request.build_absolute_uri(path) + suffix


def _feeds(request: HttpRequest, context, page) -> list[FeedLink]:
    feeds = [
        FeedLink(f"{SITE_NAME} (RSS)", reverse("discovery:feed"), "application/rss+xml"),
        FeedLink(f"{SITE_NAME} (Atom)", reverse("discovery:atom_feed"), "application/atom+xml"),
    ]
    name, rss, atom = "", None, None
    own_feeds = page.feed_urls(request) if hasattr(page, "feed_urls") else None
    if own_feeds is not None:
        rss, atom = own_feeds
        name = page.title
    for key, (rss_name, atom_name) in OBJECT_FEEDS.items():
        obj = context.get(key)
        if rss is None and obj is not None and getattr(obj, "slug", None):
            rss = reverse(rss_name, kwargs={"slug": obj.slug})
            atom = reverse(atom_name, kwargs={"slug": obj.slug})
            name = getattr(obj, "name", obj.slug)
    if rss:
        feeds.append(FeedLink(f"{name} | {SITE_NAME} (RSS)", rss, "application/rss+xml"))
        feeds.append(FeedLink(f"{name} | {SITE_NAME} (Atom)", atom, "application/atom+xml"))
    return feeds


def _person(request: HttpRequest, author) -> dict:
    person = {"@type": "Person", "name": author.name}
    try:
        person["url"] = request.build_absolute_uri(author.get_absolute_url())
    except (AttributeError, NoReverseMatch):
        pass
    return person


def news_article_data(request: HttpRequest, meta: PageMeta, page, authors) -> dict:
    """schema.org NewsArticle, as search engines read it for news results."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": meta.description,
        "url": meta.canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical},
        "datePublished": timezone.localtime(meta.published).isoformat(),
        "dateModified": timezone.localtime(meta.modified or meta.published).isoformat(),
        "author": [_person(request, author) for author in authors],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": SITE_NAME,
            "url": request.build_absolute_uri("/"),
        },
    }
    if meta.image is not None:
        data["image"] = [meta.image.url]
    if meta.section:
        data["articleSection"] = meta.section
    if meta.tags:
        data["keywords"] = meta.tags
    if not data["author"]:
        data["author"] = [{"@type": "Organization", "name": SITE_NAME}]
    return data


def page_meta(context) -> PageMeta | None:
    """The meta of the page being rendered; None where there is no request (e.g. e-mails)."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    settings = _site_settings(request)

    title = SITE_NAME
    if page is not None:
        title = getattr(page, "seo_title", "") or page.title
    elif context.get("title"):
        title = str(context["title"])

    description = ""
    if page is not None:
        for attribute in ("search_description", "standfirst", "introduction"):
            description = getattr(page, attribute, "") or ""
            if description:
                break
    # A view outside the page tree (a tag, an author, a tracker record), or a page with nothing
    # of its own to say, describes itself in its context.
    description = description or str(context.get("description") or "")
    if not description and settings is not None:
        description = settings.tagline or settings.about
    meta = PageMeta(
        title=title,
        description=_describe(description or DEFAULT_DESCRIPTION),
        canonical=_canonical(request, page, context.get("canonical")),
        x_site=x_handle(settings.x_url) if settings is not None else "",
        feeds=_feeds(request, context, page),
    )

    image = getattr(page, "featured_image", None)
    if image is None and settings is not None:
        image = settings.default_social_image
    meta.image = _social_image(request, image)

    if page is not None and getattr(page, "date_published", None) and hasattr(page, "authors"):
        meta.og_type = "article"
        meta.published = page.date_published
        meta.modified = page.last_published_at or page.date_published
        section = getattr(page, "primary_section", None)
        meta.section = section.title if section is not None else ""
        meta.tags = [tag.name for tag in page.tags.all()] if hasattr(page, "tags") else []
        authors = page.authors()
        creators = [x_handle(a.x_handle) for a in authors if getattr(a, "x_handle", "")]
        meta.x_creator = creators[0] if creators else ""
        meta.structured_data = news_article_data(request, meta, page, authors)
    return meta


def _site_settings(request: HttpRequest) -> SiteSettings:
    return SiteSettings.load(request_or_site=request)
