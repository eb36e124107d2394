"""The front page: the only page that composes the parts below it."""

from wagtail.models import Page

from drmonitor.core.privacy import ViewRestrictionsInOneQuery
from drmonitor.core.routing import route_by_url_path
from drmonitor.newsroom.listings import front_page
from drmonitor.tracker.panels import evidence_desk


class HomePage(ViewRestrictionsInOneQuery, Page):
    """The site root. Its children are the top-level sections of the menu."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage"]
    template = "home/home_page.html"

    def route(self, request, path_components):
        if path_components:
            found = route_by_url_path(self, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(front_page(self))
        context.update(evidence_desk())
        return context
