"""Which keys a write to a campaign or statement page makes stale (AdvocacyConfig.ready()).

Every page also stands behind its own key and its parent's list (core/caching/invalidation.py);
these add the links between the two kinds of page.
"""

from __future__ import annotations

from drmonitor.advocacy import keys
from drmonitor.advocacy.models import CampaignPage, StatementPage
from drmonitor.core.caching import invalidation


def register() -> None:
    invalidation.register(StatementPage, lambda page: [keys.STATEMENT_PAGES])
    invalidation.register(CampaignPage, lambda page: [keys.CAMPAIGN_PAGES])
