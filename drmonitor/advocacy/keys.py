"""The dependency keys of campaign and statement pages (see core/caching).

A campaign page shows the statements it carries, linked to their pages; a statement page names
the campaigns that carry it. Either kind of page changing (published, retitled, withdrawn) makes
the other kind's pages stale through these keys; the records themselves are the tracker's keys.
"""

from __future__ import annotations

# Which statements have a page, at which address and under which title.
STATEMENT_PAGES = "advocacy:statement-pages"
# Which campaigns have a page, and the statements each carries.
CAMPAIGN_PAGES = "advocacy:campaign-pages"
