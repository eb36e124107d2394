"""The dependency keys of the evidence desk (see core/caching).

The tracker's pages go stale together: records change a few times a day, each page shows many
of them (an incident's timeline holds its cases, hearings, orders and statements), and they are
few and cheap to render. Articles, which are many, go stale only with the records citing them.
"""

from __future__ import annotations

# Every tracker record: the tracker's pages, feeds, calendars and its panel on the front page.
RECORDS = "tracker"
# Which articles any record cites.
CITATIONS = "tracker:citations"


def records_citing(article_pk: int) -> str:
    """The records that cite an article, listed under it."""
    return f"page:{article_pk}:records"
