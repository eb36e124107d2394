"""Campaign pages join the site search (statements and trends are articles: found already),
and the tracker's timelines link statements and campaigns to their pages here."""

from wagtail import hooks

from drmonitor.advocacy import search
from drmonitor.advocacy.models import CampaignPage, StatementPage
from drmonitor.newsroom.hooks import SEARCH_SOURCES
from drmonitor.tracker.hooks import RECORD_PAGE
from drmonitor.tracker.models import Campaign, Statement

hooks.register(SEARCH_SOURCES, search.sources)


@hooks.register(RECORD_PAGE)
def page_of_record(record) -> str:
    """The live public page of a statement or a campaign record, or ""."""
    if isinstance(record, Statement):
        pages = StatementPage.objects.filter(statement=record)
    elif isinstance(record, Campaign):
        pages = CampaignPage.objects.filter(campaign=record)
    else:
        return ""
    page = pages.live().public().first()
    return (page.url or "") if page else ""
