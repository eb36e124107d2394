"""Which incident a measured blocking episode is evidence of.

An episode (one domain blocked on one network in one country, observatory/store/episodes.py)
belongs to an incident when one of the incident's services lists the episode's domain, the
incident is in the episode's country, and their dates overlap: an incident without an end date
runs to today, an ongoing episode to today too. A block measured again years after an incident
ended is a new story, not that incident's evidence.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from drmonitor.tracker.models import Incident, Service


def services_measured_as(domain: str) -> list[Service]:
    """The tracker's services that name this domain among theirs."""
    return [s for s in Service.objects.all() if domain in map(str.lower, s.domain_list())]


def incident_domains(incident: Incident) -> list[str]:
    """Every domain of the incident's services, each once, in the services' order."""
    found: list[str] = []
    for service in incident.services.all():
        found += [d.lower() for d in service.domain_list() if d.lower() not in found]
    return found


def episode_days(episode: dict) -> tuple[dt.date, dt.date]:
    """The first and last day an episode (episode_record()) was blocked; an ongoing one's last
    day is today."""
    first = episode["first_blocked"]["time"].date()
    if episode["ongoing"]:
        return first, max(first, timezone.localdate())
    return first, episode["last_blocked"]["time"].date()


def overlaps(incident: Incident, episode: dict) -> bool:
    first, last = episode_days(episode)
    end = incident.end_date or max(timezone.localdate(), incident.start_date)
    return first <= end and last >= incident.start_date


def incident_of(episode: dict, incidents: QuerySet[Incident]) -> Incident | None:
    """The incident among `incidents` this episode is evidence of (the latest to start), or
    None when it matches none."""
    services = [s.pk for s in services_measured_as(episode["domain"])]
    if not services:
        return None
    candidates = incidents.filter(country__code=episode["country"], services__in=services)
    for incident in candidates.distinct().order_by("-start_date"):
        if overlaps(incident, episode):
            return incident
    return None
