"""The measurement watch: what changed in the store since it last looked, told to the editors.

Each run reads the whole store (readings.read_watched) and

1. compares every (country, network, domain) state, as the status board gives it (blocked,
   accessible, unknown), with the last one it recorded (watched.NetworkState). A state it has
   never recorded is recorded silently unless it is blocked: a newly measured network that
   reaches a site is not news, a new block is.
2. gives each episode it has not seen its incident (matching.py): the one it is evidence of,
   which then shows it on its timeline, or a draft for editors (drafts.py) when it matches none.
   A draft is made only for what is blocked now or lately (an episode that ended within
   RECENT_DAYS of the newest measurement) on more than the least evidence ("low" confidence):
   a store synced from years of OONI's history does not turn its past into drafts, and a
   low-confidence episode is looked at again as measurements add to it.
3. sends the editors and moderators one e-mail listing the changes and the drafts, and posts
   the same to DRM_MEASUREMENT_WEBHOOK_URL, signed (webhook.py), when that is set.

A second run over the same store finds nothing new and tells no one. `drmonitor manage
watch_measurements` runs it; the background worker runs it whenever the store was written
since its last run (`watch_when_written`, in DRM_WORKER_JOBS), after an ingest, a sync or a
probe's delivery.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from drm_observatory.store.board import Cell
from drmonitor.accounts.roles import EDITORS, MODERATORS
from drmonitor.measurements import store
from drmonitor.measurements.drafts import draft_incident
from drmonitor.measurements.evidence import network_label, network_labels
from drmonitor.measurements.matching import incident_of
from drmonitor.measurements.readings import read_watched
from drmonitor.measurements.watched import UNKNOWN_NETWORK, NetworkState, WatchedEpisode
from drmonitor.measurements.webhook import post_signed
from drmonitor.tracker.models import Incident

logger = logging.getLogger(__name__)

RECENT_DAYS = 30
WATCHED_VERSION = "measurements.watch:version"  # the store's version the worker last watched


@dataclass(frozen=True)
class Change:
    """A domain's state on a network, different from the last one recorded (`was` None: never
    recorded before)."""

    country: str
    asn: int | None
    domain: str
    was: str | None
    now: str
    since: dt.datetime | None
    since_uid: str
    network: str = ""  # the tracker's name of the network, "AS17557 PTCL"

    @property
    def was_label(self) -> str:
        return self.was or "not watched before"

    def status_page(self) -> str:
        page = reverse("measurements:service", args=[self.country, self.domain])
        return page + ("?" + urlencode({"asn": self.asn}) if self.asn else "")


@dataclass
class Report:
    changes: list[Change] = field(default_factory=list)
    attached: int = 0  # new episodes of an existing incident
    drafted: list[Incident] = field(default_factory=list)
    mailed: int = 0  # editors e-mailed
    webhook: bool | None = None  # None: no webhook configured, or nothing to post

    def __str__(self) -> str:
        lines = [
            f"{len(self.changes)} changes of state, {self.attached} new episodes of known "
            f"incidents, {len(self.drafted)} draft incidents; {self.mailed} editors e-mailed"
            + {None: "", True: ", webhook delivered", False: ", webhook NOT delivered"}[
                self.webhook
            ]
        ]
        lines += [
            f"  {c.domain} on {c.network} in {c.country}: {c.was_label} -> {c.now}"
            for c in self.changes
        ]
        lines += [f"  draft: {i.title}" for i in self.drafted]
        return "\n".join(lines)


def record_states(cells: list[Cell]) -> list[Change]:
    """Record each board cell's state; return those that changed."""
    known = {(s.country, s.asn, s.domain): s for s in NetworkState.objects.all()}
    labels = network_labels({c.asn for c in cells})
    changes = []
    for cell in cells:
        key = (cell.country, cell.asn or UNKNOWN_NETWORK, cell.domain)
        old = known.get(key)
        if old is not None and old.state == cell.state:
            continue
        since = cell.since.time.replace(tzinfo=dt.UTC) if cell.since else None  # stored in UTC
        since_uid = cell.since.uid if cell.since else ""
        NetworkState.objects.update_or_create(
            country=key[0],
            asn=key[1],
            domain=key[2],
            defaults={"state": cell.state, "since": since, "since_uid": since_uid},
        )
        if old is None and cell.state != "blocked":
            continue
        changes.append(
            Change(
                cell.country,
                cell.asn,
                cell.domain,
                old.state if old else None,
                cell.state,
                since,
                since_uid,
                network_label(cell.asn, labels),
            )
        )
    return changes


def _recent(episode: dict, newest: dt.datetime | None) -> bool:
    if episode["ongoing"] or newest is None:
        return True
    return newest - episode["last_blocked"]["time"] <= dt.timedelta(days=RECENT_DAYS)


def place_episodes(episodes: list[dict], newest: dt.datetime | None, report: Report) -> None:
    """Give each episode not seen before its incident, or a draft when it matches none."""
    seen = set(WatchedEpisode.objects.values_list("first_blocked_uid", flat=True))
    for episode in episodes:
        uid = episode["first_blocked"]["uid"]
        if uid in seen:
            continue
        incident = incident_of(episode, Incident.objects.all())
        draft = incident is None and _recent(episode, newest)
        if draft and episode["confidence"] == "low":
            continue  # looked at again when more measurements come
        try:
            with transaction.atomic():
                if draft:
                    incident = draft_incident(episode)
                WatchedEpisode.objects.create(
                    first_blocked_uid=uid,
                    country=episode["country"],
                    asn=episode["asn"] or UNKNOWN_NETWORK,
                    domain=episode["domain"],
                    incident=incident,
                    drafted=draft,
                )
        except IntegrityError:  # another run placed it meanwhile: its draft stands
            continue
        if draft:
            report.drafted.append(incident)
        elif incident is not None:
            report.attached += 1


def editors_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name__in=[EDITORS, MODERATORS])
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _draft_url(incident: Incident) -> str:
    return _site_url(reverse("wagtailsnippets_tracker_incident:edit", args=[incident.pk]))


def _payload(report: Report, synthetic: bool) -> dict:
    return {
        "event": "measurements.changed",
        "synthetic": synthetic,
        "changes": [
            {
                "country": c.country,
                "asn": c.asn,
                "network": c.network,
                "domain": c.domain,
                "was": c.was,
                "now": c.now,
                "since": c.since.isoformat() if c.since else None,
                "since_measurement": c.since_uid or None,
                "status_page": _site_url(c.status_page()),
            }
            for c in report.changes
        ],
        "draft_incidents": [
            {"id": i.pk, "title": i.title, "admin": _draft_url(i)} for i in report.drafted
        ],
    }


def _counted(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def tell(report: Report, synthetic: bool) -> None:
    """One e-mail to the editors and moderators, and the webhook; a failure of either is
    logged, never raised."""
    addresses = editors_addresses()
    if addresses:
        body = render_to_string(
            "measurements/email/watch.txt",
            {
                "report": report,
                "synthetic": synthetic,
                "changes": [(c, _site_url(c.status_page())) for c in report.changes],
                "drafts": [(i, _draft_url(i)) for i in report.drafted],
            },
        )
        changes, drafts = len(report.changes), len(report.drafted)
        parts = [_counted(changes, "change of state", "changes of state")] if changes else []
        parts += [_counted(drafts, "draft incident", "draft incidents")] if drafts else []
        subject = f"Measurements: {', '.join(parts)}"
        try:
            mail = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, bcc=addresses)
            mail.send()
            report.mailed = len(addresses)
        except Exception as exc:  # noqa: BLE001 - the watch records states whatever the mail does
            logger.error("measurement watch: e-mail to editors not sent: %s", exc)
    url = settings.DRM_MEASUREMENT_WEBHOOK_URL
    if url and not settings.DRM_MEASUREMENT_WEBHOOK_SECRET:
        logger.error(
            "measurement webhook not sent: DRM_MEASUREMENT_WEBHOOK_URL is set but "
            "DRM_MEASUREMENT_WEBHOOK_SECRET is not (an unsigned delivery proves nothing)"
        )
    elif url:
        secret = settings.DRM_MEASUREMENT_WEBHOOK_SECRET
        report.webhook = post_signed(url, secret, _payload(report, synthetic))


def watch() -> Report:
    """One run over the store; raises store.Unavailable when it cannot be read."""
    found = read_watched()
    report = Report(changes=record_states(found.cells))
    place_episodes(found.episodes, found.newest, report)
    if report.changes or report.drafted:
        tell(report, found.synthetic)
    return report


def watch_when_written() -> int:
    """The worker's job: watch when the store was written since the last run; how many changes
    and drafts it found."""
    version = store.version()
    if cache.get(WATCHED_VERSION) == version:
        return 0
    try:
        report = watch()
    except store.Unavailable as exc:
        if exc.reason == store.BUSY:
            return 0  # a writer holds it: the next run looks again
        report = Report()
    cache.set(WATCHED_VERSION, version, timeout=None)
    if report.changes or report.drafted:
        logger.info("measurement watch: %s", report)
    return len(report.changes) + len(report.drafted)
