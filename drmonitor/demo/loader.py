"""Load the demo content: read and check every file, then create what is missing in one
transaction. A file with a mistake stops the load before anything is written; a refusal by a
model's own validation rolls back everything the load had done.

The synthetic measurement history (measurements.yaml) goes into the measurement store
through the observatory's ingest once the database's transaction has committed.

Loading twice changes nothing: records are keyed by what an editor rarely changes (slugs,
names, titles, URLs, a case and a date), and what exists is left as editors left it.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils import timezone

from drmonitor.core.caching import invalidation
from drmonitor.core.indexing import indexing_deferred
from drmonitor.demo.accounts import ensure_accounts, ensure_bylines
from drmonitor.demo.campaigns import ensure_campaign_page
from drmonitor.demo.measurement_history import load_into
from drmonitor.demo.media import MediaLibrary
from drmonitor.demo.media_pages import ensure_series
from drmonitor.demo.playlists import ensure_playlists
from drmonitor.demo.publication import ensure_article, ensure_authors, ensure_site_settings
from drmonitor.demo.reading import CONTENT_DIR, DemoContent, read_content
from drmonitor.demo.records import link_article, load_records, load_reference
from drmonitor.home.install import install_site
from drmonitor.measurements.store import store_path


def load(root: Path = CONTENT_DIR) -> DemoContent:
    """Create what is missing of the content under `root`; return what was read."""
    content = read_content(root)
    # Hundreds of records make stale what one load does: one entry in the cache's ledger.
    with invalidation.batched(), transaction.atomic(), indexing_deferred():
        home = install_site()
        media = MediaLibrary(content)
        authors = ensure_authors(content.authors, media)
        ensure_series(content.series, home, media)
        # Records first: library entries name the tracker's laws, statement and campaign pages
        # point at their records, and articles are filed in campaign pages.
        load_reference(content)
        load_records(content)
        for entry in content.campaign_pages:
            ensure_campaign_page(home, entry)
        now = timezone.now()
        created = [
            (article, entry.spec.front.records)
            for entry in content.articles
            if (article := ensure_article(home, entry, authors, media, now)) is not None
        ]
        ensure_site_settings(content.site, media)
        for article, records in created:
            link_article(article, records)
        ensure_playlists(content.playlists)
        ensure_accounts(content.accounts)
        ensure_bylines(content.accounts, authors)
    # The measurement store is not the database: written once the records are committed.
    if content.measurement_histories:
        load_into(store_path(), [entry.spec for entry in content.measurement_histories])
    return content
