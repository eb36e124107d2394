"""Campaign pages join the site search (statements and trends are articles: found already)."""

from wagtail import hooks

from drmonitor.advocacy import search
from drmonitor.newsroom.hooks import SEARCH_SOURCES

hooks.register(SEARCH_SOURCES, search.sources)
