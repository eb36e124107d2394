"""The front page: the only page that composes the parts below it."""

from wagtail.models import Page

from drmonitor.newsroom.listings import front_page_context


class HomePage(Page):
    """The site root. Its children are the top-level sections of the menu."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage"]
    template = "home/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(front_page_context(self))
        return context
