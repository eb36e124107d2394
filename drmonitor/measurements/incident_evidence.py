"""What was measured about an incident, on its timeline: one dated entry per blocking episode of
its services in its country (matching.py), with the restorations inside it, linked to the
service's status page and to the measurements that prove its edges.

Registered as the tracker's MEASURED_EVIDENCE hook (wagtail_hooks.py), so the tracker's
timeline, its page, feed and API show the measurements without the tracker naming this app.
Measurements are not reports: each entry says it was measured, and synthetic ones say they are
the project's demo data.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode

from drmonitor.core.caching import depends_on
from drmonitor.measurements import keys
from drmonitor.measurements.evidence import NOTICE, network_label, network_labels
from drmonitor.measurements.matching import incident_domains, overlaps
from drmonitor.measurements.readings import read_episodes
from drmonitor.measurements.store import Unavailable
from drmonitor.tracker.models import Incident
from drmonitor.tracker.timeline import Event


def _day(moment: dict) -> str:
    return f"{moment['time']:%-d %b %Y}"


def _measurement(label: str, moment: dict | None) -> tuple[tuple[str, str], ...]:
    if moment is None:
        return ()
    return ((label, reverse("measurements:measurement", args=[moment["uid"]])),)


def _stretch(stretch: dict) -> str:
    """When a restoration lasted, to the hour (UTC) when it lasted less than a day."""
    start, end = stretch["from"]["time"], stretch["to"]["time"]
    if start.date() == end.date():
        return f"on {_day(stretch['from'])} from {start:%H:%M} to {end:%H:%M} UTC"
    return f"from {_day(stretch['from'])} to {_day(stretch['to'])}"


def _restorations(episode: dict) -> str:
    stretches = [
        f"accessible again {_stretch(r)} ({r['measurements']} measurements)"
        for r in episode["restorations"]
    ]
    return f"Inside it: {'; '.join(stretches)}." if stretches else ""


def episode_event(episode: dict, labels: dict[int, str], synthetic: bool) -> Event:
    """One episode as a timeline entry dated its first blocked measurement; its kind label,
    "Measured", heads its title wherever it is shown (page, feed, API)."""
    network = network_label(episode["asn"], labels)
    span = (
        f"since {_day(episode['first_blocked'])}, ongoing"
        if episode["ongoing"]
        else f"from {_day(episode['first_blocked'])} to {_day(episode['last_blocked'])}"
    )
    title = f"{episode['domain']} blocked on {network} {span} ({episode['blocked']} measurements)"
    how = f"Blocked by {episode['mechanism']}, confidence {episode['confidence']}."
    parts = (NOTICE if synthetic else "", how, _restorations(episode))
    detail = " ".join(part for part in parts if part)
    page = reverse("measurements:service", args=[episode["country"], episode["domain"]])
    if episode["asn"] is not None:
        page += "?" + urlencode({"asn": episode["asn"]})
    return Event(
        date=episode["first_blocked"]["time"].date(),
        kind="measured",
        title=title,
        link=page,
        detail=detail,
        uid=f"measured-{episode['first_blocked']['uid']}",
        evidence=(
            *_measurement("last accessible before", episode["accessible_before"]),
            *_measurement("first blocked", episode["first_blocked"]),
            *_measurement("last blocked", episode["last_blocked"]),
            *_measurement("first accessible after", episode["accessible_after"]),
        ),
    )


def measured_events(incident: Incident) -> list[Event]:
    """The incident's measured episodes; none when its services name no domain or the store
    cannot be read now (the page says what was reported either way)."""
    domains = incident_domains(incident)
    if not domains:
        return []
    depends_on(keys.store())
    try:
        found, synthetic = read_episodes(incident.country.code, domains)
    except Unavailable:
        return []
    found = [e for e in found if overlaps(incident, e)]
    labels = network_labels({e["asn"] for e in found})
    return [episode_event(e, labels, synthetic) for e in found]
