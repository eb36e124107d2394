"""From OONI's API to the store: list a country's measurements, fetch the ones not stored yet,
and hand them to `ingest` (the one writer of the store).

Resumable twice over. Pages are listed oldest first and, once every measurement of a page is
stored, the store remembers the page's last start time for this query (`sync_cursors`), so a
rerun lists from there. And a measurement already stored is never fetched again, so the page a
killed run was on costs one listing request, not its raw measurements.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from drm_observatory.analysis import fingerprints, ooni_io
from drm_observatory.store.duck import MeasurementStore
from drm_observatory.store.ingest import Report, ingest
from drm_observatory.store.ooni_api import ApiError, OoniApi, Page


@dataclass(frozen=True)
class Query:
    """One listing on OONI's API: a country, a window, at most one domain, one test."""

    country: str
    since: str
    until: str | None = None
    domain: str | None = None
    test_name: str = "web_connectivity"

    @property
    def key(self) -> str:
        """The cursor's name: the same query on a later run continues where this one got."""
        return json.dumps(
            [self.country, self.test_name, self.domain, self.since, self.until],
            separators=(",", ":"),
        )

    def params(self, since: str, page_size: int) -> dict[str, str]:
        params = {
            "probe_cc": self.country,
            "test_name": self.test_name,
            "since": since,
            "order_by": "measurement_start_time",
            "order": "asc",
            "limit": str(page_size),
        }
        if self.until:
            params["until"] = self.until
        if self.domain:
            params["domain"] = self.domain
        return params


@dataclass
class SyncReport(Report):
    listed: int = 0
    pages: int = 0
    expected: int | None = None  # what the API says the query matches, when it says


def sync(
    api: OoniApi,
    store: MeasurementStore,
    database: fingerprints.FingerprintIndex,
    query: Query,
    *,
    page_size: int,
    progress: Callable[[SyncReport], None] = lambda _: None,
) -> SyncReport:
    """Store every measurement `query` lists that the store lacks; ApiError when the API stays
    unreachable (what was committed stays, and running the query again continues)."""
    report = SyncReport()
    since = max(query.since, store.sync_cursor(query.key) or "")
    for page in api.measurements(query.params(since, page_size)):
        report.pages += 1
        report.listed += len(page.results)
        if page.count is not None and report.expected is None:
            report.expected = page.count
        uids = list(dict.fromkeys(str(r["measurement_uid"]) for r in _listed(page)))
        known = store.stored(uids)
        report.already += len(known)
        page_report = ingest(_fetched(api, [u for u in uids if u not in known]), store, database)
        report.stored += page_report.stored
        report.already += page_report.already
        report.skipped += page_report.skipped
        report.problems += page_report.problems
        times = [str(r.get("measurement_start_time") or "") for r in _listed(page)]
        if max(times, default=""):
            store.advance_sync_cursor(query.key, _api_time(max(times)))
        progress(report)
    return report


def _listed(page: Page) -> list[dict]:
    return [r for r in page.results if isinstance(r, dict) and r.get("measurement_uid")]


def _fetched(api: OoniApi, uids: list[str]) -> Iterator[ooni_io.Item | ooni_io.ReadError]:
    """The raw measurement of each uid, keyed by it: a raw measurement as uploaded carries no
    uid, or an older one of its own, and the listed uid is the one a rerun checks."""
    for uid in uids:
        source = f"ooni:{uid}"
        try:
            body = api.raw_measurement(uid)
        except ApiError as exc:
            if exc.status is None:
                raise  # unreachable: stop here, the rerun fetches it
            yield ooni_io.ReadError(source, None, str(exc))
            continue
        for item in ooni_io.read_bytes(body, source):
            if isinstance(item, ooni_io.Item):
                item.measurement["measurement_uid"] = uid
            yield item


def _api_time(value: str) -> str:
    """The API's `2024-02-01T00:00:05Z` as its `since` parameter takes it."""
    return value.removesuffix("Z")
