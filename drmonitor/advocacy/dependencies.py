"""Which keys a write to a campaign or statement page makes stale (AdvocacyConfig.ready()).

Every page also stands behind its own key and its parent's list (core/caching/invalidation.py);
these add the links between the two kinds of page, and the tracker's pages, whose timelines link
to them.
"""

from __future__ import annotations

from drmonitor.advocacy import keys
from drmonitor.advocacy.models import CampaignPage, StatementPage
from drmonitor.core.caching import invalidation
from drmonitor.tracker import keys as tracker_keys


def register() -> None:
    # The tracker's timelines link each record to its page here (advocacy/wagtail_hooks.py).
    invalidation.register(StatementPage, lambda page: [keys.STATEMENT_PAGES, tracker_keys.RECORDS])
    invalidation.register(CampaignPage, lambda page: [keys.CAMPAIGN_PAGES, tracker_keys.RECORDS])
