"""Search, feeds, sitemap.xml and robots.txt: how readers and machines find the articles.

Included at the site root before the newsroom's own URLs and Wagtail's pages: a section's feed
(/<section path>/feed/) answers before an article that happens to be called "feed", as
WordPress's category feeds do.
"""

from django.urls import path, re_path

from drmonitor.newsroom import feeds, search_views
from drmonitor.newsroom.sitemaps import robots_txt, sitemaps_view

app_name = "discovery"
urlpatterns = [
    path("search/", search_views.search_results, name="search"),
    path("search/live/", search_views.live_search, name="live_search"),
    path("feed/", feeds.SiteFeed(), name="feed"),
    path("feed/atom/", feeds.SiteFeed(atom=True), name="atom_feed"),
    path("tag/<str:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tag/<str:slug>/feed/atom/", feeds.TagFeed(atom=True), name="tag_atom_feed"),
    path("author/<str:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("author/<str:slug>/feed/atom/", feeds.AuthorFeed(atom=True), name="author_atom_feed"),
    re_path(r"^(?P<section_path>(?:[^/]+/)+)feed/$", feeds.SectionFeed(), name="section_feed"),
    re_path(
        r"^(?P<section_path>(?:[^/]+/)+)feed/atom/$",
        feeds.SectionFeed(atom=True),
        name="section_atom_feed",
    ),
    path("sitemap.xml", sitemaps_view, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]
