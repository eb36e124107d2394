"""Campaign pages in the site search, after the articles (statements are articles already).

A campaign is a section of its own, so the newsroom's article search does not see it; readers
search for a campaign by its name or hashtag. Registered with the newsroom's search hook
(advocacy/wagtail_hooks.py). A campaign has no tag; a search narrowed to a section finds the
campaigns in it, and the dates apply to the day the campaign began.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest

from drmonitor.advocacy.models import CampaignPage
from drmonitor.newsroom.search import Filters, Hit


class CampaignSource:
    kind = "campaign"

    def results(self, query: str, filters: Filters, order: str) -> QuerySet:
        campaigns = CampaignPage.objects.live().public()
        if not query or filters.tag is not None:
            return campaigns.none()
        wanted = campaigns
        if filters.section is not None:
            wanted = wanted.descendant_of(filters.section, inclusive=True)
        if filters.date_from is not None:
            wanted = wanted.filter(campaign__start_date__gte=filters.date_from)
        if filters.date_to is not None:
            wanted = wanted.filter(campaign__start_date__lte=filters.date_to)
        # The search backend filters and sorts on indexed fields only: narrow by id, and
        # list in the tree's order.
        found = campaigns.filter(pk__in=wanted.values("pk")).order_by("path")
        return found.search(query, operator="and", order_by_relevance=False)

    def hits(self, campaigns: list[CampaignPage], request: HttpRequest | None) -> list[Hit]:
        return [
            Hit(
                title=page.title,
                url=page.get_url(request),
                kind=self.kind,
                date=page.campaign.start_date if page.campaign else None,
                summary=page.introduction,
                context=f"Campaign · {page.hashtags()}" if page.hashtags() else "Campaign",
            )
            for page in campaigns
        ]


def sources() -> list[CampaignSource]:
    return [CampaignSource()]
