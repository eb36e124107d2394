"""The evidence desk's records: incidents, the court cases that challenge them, and who is who.

Split by subject; everything is re-exported here so `from drmonitor.tracker.models import X`
works for every record.
"""

from drmonitor.tracker.models.advocacy import Campaign, Statement
from drmonitor.tracker.models.cases import (
    Bench,
    CaseConsolidation,
    CaseNumber,
    Court,
    Hearing,
    LegalCase,
    Order,
)
from drmonitor.tracker.models.follows import Follow, Notification
from drmonitor.tracker.models.incidents import Incident
from drmonitor.tracker.models.reference import Actor, Country, Law, Network, Service, Source
from drmonitor.tracker.models.status import StatusChange
from drmonitor.tracker.models.stop import StopImportRun, StopRow

__all__ = [
    "Actor",
    "Bench",
    "Campaign",
    "CaseConsolidation",
    "CaseNumber",
    "Country",
    "Court",
    "Follow",
    "Hearing",
    "Incident",
    "Law",
    "LegalCase",
    "Network",
    "Notification",
    "Order",
    "Service",
    "Source",
    "Statement",
    "StatusChange",
    "StopImportRun",
    "StopRow",
]
