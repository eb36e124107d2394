"""The Wagtail hooks through which other apps add to the newsroom's pages, so that the newsroom
never names them: `hooks.register(ARTICLE_ASIDES, function)` and so on."""

# A function (article, request) -> HTML or "": a box under the article's text.
ARTICLE_ASIDES = "drm_article_asides"
# A function () -> list of newsroom.search.Source: more kinds of records in the site search.
SEARCH_SOURCES = "drm_search_sources"
# A function (request) -> {name: django.contrib.sitemaps.Sitemap}: more addresses in sitemap.xml.
SITEMAPS = "drm_sitemaps"
