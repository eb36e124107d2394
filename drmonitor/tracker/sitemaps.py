"""The evidence desk in sitemap.xml (through the newsroom's SITEMAPS hook): every incident and
case page, with when it last changed, and the lists that lead to them."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from django.urls import reverse

from drmonitor.core.caching import depends_on
from drmonitor.tracker import keys
from drmonitor.tracker.models import Incident, LegalCase


class RecordSitemap(Sitemap):
    """The pages of one kind of record; stale with any tracker write (dependencies.py)."""

    changefreq = "weekly"

    def __init__(self, model: type[Incident] | type[LegalCase]):
        self.model = model

    def items(self):
        depends_on(keys.RECORDS)
        return self.model.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, record) -> object:
        return record.updated_at


class TrackerListSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["incidents", "cases", "upcoming_hearings", "services", "actors"]

    def location(self, name: str) -> str:
        return reverse(f"tracker:{name}")


def sitemaps(request: HttpRequest) -> dict[str, Sitemap]:
    return {
        "tracker": TrackerListSitemap(),
        "incidents": RecordSitemap(Incident),
        "cases": RecordSitemap(LegalCase),
    }
