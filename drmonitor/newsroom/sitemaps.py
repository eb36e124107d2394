"""sitemap.xml and robots.txt: how search engines find every published page and nothing else."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from taggit.models import Tag
from wagtail import hooks
from wagtail.models import Page, Site

from drmonitor.core.caching import depends_on
from drmonitor.core.caching import keys as core_keys
from drmonitor.newsroom import hooks as newsroom_hooks
from drmonitor.newsroom import keys
from drmonitor.newsroom.models import ArticlePage, ArticleTag, Author

ROBOTS_DISALLOW = ("/admin/", "/accounts/")


def _live_articles():
    return ArticlePage.objects.live().public()


class PageSitemap(Sitemap):
    """Live, public pages of the requested site. Like every URL the site gives out (canonical
    links, feeds), locations are on the host the request came to, not the Site record's."""

    def __init__(self, request: HttpRequest):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
        return (
            site.root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def location(self, page: Page) -> str:
        return page.get_url(self.request)

    def lastmod(self, page: Page):
        return page.last_published_at or page.latest_revision_created_at


class TagSitemap(Sitemap):
    """Tag pages that list at least one published article."""

    changefreq = "daily"

    def items(self):
        used = ArticleTag.objects.filter(content_object__in=_live_articles()).values("tag_id")
        tags = list(Tag.objects.filter(pk__in=used).order_by("slug"))
        depends_on(*(keys.tag(tag.pk) for tag in tags))
        return tags

    def location(self, tag: Tag) -> str:
        return reverse("newsroom:tag", kwargs={"slug": tag.slug})


class AuthorSitemap(Sitemap):
    """Author pages of people with at least one published article."""

    changefreq = "weekly"

    def items(self):
        authors = list(
            Author.objects.filter(article_links__article__in=_live_articles()).distinct()
        )
        depends_on(*(keys.author(author.pk) for author in authors))
        return authors

    def location(self, author: Author) -> str:
        return author.get_absolute_url()


@require_GET
def sitemaps_view(request: HttpRequest) -> HttpResponse:
    depends_on(core_keys.PAGES, keys.ARTICLES)
    sitemaps = {"pages": PageSitemap(request), "tags": TagSitemap(), "authors": AuthorSitemap()}
    for more in hooks.get_hooks(newsroom_hooks.SITEMAPS):
        sitemaps.update(more(request))  # other apps' addresses (newsroom/hooks.py)
    return sitemap(request, sitemaps)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {prefix}" for prefix in ROBOTS_DISALLOW]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('discovery:sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
