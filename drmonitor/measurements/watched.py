"""What the measurement watch (watch.py) remembers between runs, so it tells editors of each
change once and drafts an incident for an episode once.

- `NetworkState`: the last state it recorded of a domain on a network in a country (the status
  board's cell: blocked, accessible or unknown), and since which measurement.
- `WatchedEpisode`: every episode it has seen, keyed by the measurement that starts it, with
  the incident it is evidence of, or the draft it made for it.
"""

from __future__ import annotations

from django.db import models

UNKNOWN_NETWORK = 0  # OONI's AS0: the probe could not tell its network


class NetworkState(models.Model):
    country = models.CharField(max_length=2)
    asn = models.PositiveIntegerField(help_text="0 when the network is unknown (OONI's AS0).")
    domain = models.CharField(max_length=253)
    state = models.CharField(max_length=10)  # board.Cell.state
    since_uid = models.CharField(max_length=100, blank=True)
    since = models.DateTimeField(null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["country", "asn", "domain"], name="one_state_per_network_and_domain"
            )
        ]

    def __str__(self) -> str:
        return f"{self.domain} on AS{self.asn} in {self.country}: {self.state}"


class WatchedEpisode(models.Model):
    first_blocked_uid = models.CharField(max_length=100, unique=True)
    country = models.CharField(max_length=2)
    asn = models.PositiveIntegerField()
    domain = models.CharField(max_length=253)
    incident = models.ForeignKey(
        "tracker.Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    drafted = models.BooleanField(
        default=False, help_text="The watch made `incident` for it: it matched none."
    )
    seen_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.domain} blocked on AS{self.asn} in {self.country} ({self.first_blocked_uid})"
