"""Rows that belong to exactly one incident or one case, never both: a status change, a
reader's follow. The pair of keys, the rule that exactly one is set, and the record they name
are written here once."""

from __future__ import annotations

from django.db import models


def record_key(model: str, related_name: str) -> models.ForeignKey:
    """The key to the incident or to the case: optional alone, `exactly_one_record` makes one of
    the pair required."""
    return models.ForeignKey(
        model, null=True, blank=True, on_delete=models.CASCADE, related_name=related_name
    )


def exactly_one_record(name: str) -> models.CheckConstraint:
    only_incident = models.Q(incident__isnull=False, case__isnull=True)
    only_case = models.Q(incident__isnull=True, case__isnull=False)
    return models.CheckConstraint(condition=only_incident | only_case, name=name)


class IncidentOrCase:
    """For a model with an `incident` and a `case` key made by `record_key`."""

    @property
    def record(self):
        """The incident or the case this row belongs to."""
        return self.incident if self.incident_id else self.case
