"""What the front page shows, as article ids: the lead package, Latest, Most read, the curated
rows and a row per top-level section, with no story shown twice.

Each part is chosen after the parts above it and leaves out what they show, so the top of the
page (the lead package, Latest, Most read) never repeats a story. A section row that would be
short after leaving shown stories out takes them back rather than show an empty column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest

from drmonitor.core.caching import keep
from drmonitor.core.caching import keys as core_keys
from drmonitor.core.routing import page_url
from drmonitor.newsroom import keys, listings
from drmonitor.newsroom.models import SectionPage
from drmonitor.readership.counting import most_read

LEAD_PACKAGE = 5  # the lead story and four more
LATEST = 6
MOST_READ = 5
MOST_READ_DAYS = 7
ROW = 4


@dataclass
class SectionRow:
    section: SectionPage
    url: str  # the section's, worked out once for its heading and its "More in" link
    articles: list[int]


@dataclass
class FrontPage:
    lead: list[int] = field(default_factory=list)
    secondary: list[int] = field(default_factory=list)
    latest: list[int] = field(default_factory=list)
    most_read: list[int] = field(default_factory=list)
    curated: list[tuple[str, list[int]]] = field(default_factory=list)
    rows: list[SectionRow] = field(default_factory=list)

    def all_ids(self) -> list[int]:
        """Every story the page shows, in page order."""
        ids = self.lead + self.secondary + self.latest + self.most_read
        ids += [pk for _heading, picked in self.curated for pk in picked]
        return ids + [pk for row in self.rows for pk in row.articles]


class Shown:
    """The stories shown so far, in page order."""

    def __init__(self) -> None:
        self.ids: set[int] = set()

    def take(self, candidates: list[int], count: int) -> list[int]:
        """Up to `count` of the candidates not shown yet, now marked shown."""
        chosen = [pk for pk in dict.fromkeys(candidates) if pk not in self.ids][:count]
        self.ids.update(chosen)
        return chosen

    def fill(self, candidates: list[int], count: int) -> list[int]:
        """As `take`, but topped up with shown stories when too few are new (below the top)."""
        unique = list(dict.fromkeys(candidates))
        chosen = self.take(unique, count)
        if len(chosen) < count:
            spare = [pk for pk in unique if pk not in chosen]
            chosen += spare[: count - len(chosen)]
            order = {pk: index for index, pk in enumerate(unique)}
            chosen.sort(key=order.__getitem__)
        return chosen


def _most_read_ids() -> list[int]:
    """The most read pages of the week: every read changes it, so it is kept for a while and
    pages that show it do not go stale with it (like the sidebar; docs/performance.md)."""
    return keep(
        "front-most-read",
        lambda: most_read(days=MOST_READ_DAYS, limit=MOST_READ * 4),
        depends=[keys.ARTICLES],
        propagate=False,
    )


def lead_package_ids(home) -> list[int]:
    """The live stories editors put in the lead package, in their order."""
    return keep(
        f"front-lead:{home.pk}",
        home.lead_story_ids,
        depends=[core_keys.page(home.pk), keys.ARTICLES],
    )


def _curated_ids(home) -> list[tuple[str, list[int]]]:
    """The curated rows' headings and article ids, read from the stored stream (no query)."""
    rows = []
    for block in home.curated.raw_data:
        value = block.get("value") or {}
        items = value.get("articles") or []
        ids = [item["value"] if isinstance(item, dict) else item for item in items]
        rows.append((value.get("heading", ""), [pk for pk in ids if isinstance(pk, int)]))
    return rows


def compose(home, request: HttpRequest | None = None) -> FrontPage:
    """Every part of the front page, each story at most once above the section rows."""
    shown = Shown()
    front = FrontPage()
    newest = listings.newest_ids(LEAD_PACKAGE + LATEST + MOST_READ * 4)
    package = shown.take(lead_package_ids(home) + newest, LEAD_PACKAGE)
    front.lead, front.secondary = package[:1], package[1:]
    front.latest = shown.take(newest, LATEST)
    front.most_read = shown.take(_most_read_ids(), MOST_READ)
    for heading, ids in _curated_ids(home):
        picked = shown.take(listings.live_among(ids), ROW)
        if picked:
            front.curated.append((heading, picked))
    candidates = listings.section_candidates(home, ROW + len(shown.ids))
    for section, ids in candidates:
        chosen = shown.fill(ids, ROW)
        if chosen:
            url = page_url(section.url_path, request) or ""
            front.rows.append(SectionRow(section, url, chosen))
    return front
