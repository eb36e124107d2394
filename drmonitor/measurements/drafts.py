"""A draft incident for a measured episode that matches none, for editors to check and publish.

The draft is what a reporter's new incident is (tracker/models/review.py): not live, its first
revision submitted to the "Editorial review" workflow, invisible to readers until a moderator
or an editor approves it (announced in the watch's one mail, not in Wagtail's own "submitted
for moderation" mail besides). It names the service (the tracker's, or a new one named after the
domain), the country, the network, the day the episode began, and says that it came from
measurements: editors add the reports that explain it before publishing.
"""

from __future__ import annotations

from django.db import transaction

from drmonitor.core.framework_internals import submission_mail_held
from drmonitor.measurements.matching import services_measured_as
from drmonitor.tracker import vocab
from drmonitor.tracker.models import Country, Incident, Network, Service
from drmonitor.tracker.stop.countries import NAME_BY_CODE

NOTE = (
    "Drafted by the measurement watch from a blocking episode that matches no incident: "
    "{domain} blocked on {network} in {country} since {start:%-d %b %Y} ({blocked} blocked "
    "measurements, confidence {confidence}). Check it against reports, add its sources, then "
    "publish it or delete it."
)


def _service(domain: str) -> Service:
    found = services_measured_as(domain)
    if found:
        return found[0]
    service, _ = Service.objects.get_or_create(name=domain, defaults={"domains": domain})
    return service


def _country(code: str) -> Country:
    """The tracker's country, or a new one named as STOP and ISO 3166 name it."""
    country, _ = Country.objects.get_or_create(
        code=code, defaults={"name": NAME_BY_CODE.get(code, code)}
    )
    return country


@transaction.atomic
def draft_incident(episode: dict) -> Incident:
    """A new draft incident for `episode` (episode_record()), in review."""
    service = _service(episode["domain"])
    country = _country(episode["country"])
    network = Network.objects.filter(asn=episode["asn"]).first() if episode["asn"] else None
    start = episode["first_blocked"]["time"]
    kind = vocab.IncidentKind.PLATFORM_BLOCK
    if service.name == episode["domain"]:  # not a platform the tracker knows: a website
        kind = vocab.IncidentKind.WEBSITE_BLOCK
    incident = Incident(
        title=f"{service.name} blocked in {country.name} (measured)",
        kind=kind,
        country=country,
        start_date=start.date(),
        status=vocab.IncidentStatus.ONGOING,
        summary=NOTE.format(
            domain=episode["domain"],
            network=f"AS{episode['asn']}" if episode["asn"] else "an unknown network",
            country=country.name,
            start=start,
            blocked=episode["blocked"],
            confidence=episode["confidence"],
        ),
        live=False,
    )
    if not episode["ongoing"]:
        incident.status = vocab.IncidentStatus.ENDED
        incident.end_date = episode["last_blocked"]["time"].date()
    incident.full_clean(exclude=["slug"])
    incident.services.set([service])  # kept by the save, as the admin's form keeps them
    if network:
        incident.networks.set([network])
    incident.save()
    incident.save_revision()
    workflow = incident.get_workflow()
    if workflow:
        with submission_mail_held():  # the watch's own mail lists the draft with its changes
            workflow.start(incident, None)
    return incident
