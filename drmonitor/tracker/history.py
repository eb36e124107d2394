"""A record's public history: what changed, when, and which role changed it.

Read from Wagtail's own log of the admin: the published versions of an incident or a case and
of its hearings and orders (a reporter's draft is not public until an editor or a moderator
approves it). Each change is compared with the version before it, field by
field, so the list says "next date, what happened" rather than "edited". People are named by
role only: the public learns how a record changed, not who on the staff typed it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from wagtail.models import ModelLogEntry

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS
from drmonitor.tracker.models import Hearing, Incident, LegalCase, Order
from drmonitor.tracker.models.review import AS_PUBLISHED

# A version is in front of readers once published; a record published outside the admin has
# its published version logged (AS_PUBLISHED) before its first reviewed change. Before
# incidents and cases were reviewed (tracker migration 0010) each saved version of them was
# public at once: those revisions, saved without a draft state, have no "live" in their content.
PUBLISHED = Q(action__in=("wagtail.publish", AS_PUBLISHED))
SAVED_BEFORE_REVIEW = Q(action__in=("wagtail.create", "wagtail.edit")) & ~Q(
    revision__content__has_key="live"
)
# Bookkeeping that changes with every save and says nothing about the facts.
NOT_FACTS = frozenset(
    {
        "pk",
        "id",
        "slug",
        "created_at",
        "updated_at",
        "latest_revision",
        "live",
        "live_revision",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "document_text",
        "document_hash",
        "normalised",
        "status_source",  # the status change lists its source itself
    }
)
ROLE_OF_GROUP = {EDITORS: "an editor", MODERATORS: "a moderator", REPORTERS: "a reporter"}
LIMIT = 50


@dataclass(frozen=True)
class Change:
    when: datetime.datetime
    record: str
    added: bool
    fields: tuple[str, ...]
    by: str
    approved_by: str = ""

    @property
    def what(self) -> str:
        if self.added:
            return f"{self.record} added"
        if not self.fields:  # the first logged edit of a record made before the log
            return f"{self.record} edited"
        return f"{self.record}: {', '.join(self.fields)} changed"


def role_of(user) -> str:
    """The role a reader may know, never the person."""
    if user is None:
        return "the system"
    names = {group.name for group in user.groups.all()}
    for group, role in ROLE_OF_GROUP.items():
        if group in names:
            return role
    return "an administrator" if user.is_superuser else "staff"


def changed_fields(model: type[models.Model], before: dict, after: dict) -> tuple[str, ...]:
    """The names, as the admin labels them, of the facts that differ between two versions."""
    names = []
    # In the order the model declares its fields: PostgreSQL's jsonb keeps no key order.
    declared = [f.name for f in model._meta.get_fields()]
    order = {name: index for index, name in enumerate(declared)}
    for key in sorted(after, key=lambda k: (order.get(k, len(order)), k)):
        # A version saved before a fact was kept in revisions says nothing about that fact.
        if key in NOT_FACTS or key not in before or before[key] == after[key]:
            continue
        try:
            names.append(str(model._meta.get_field(key).verbose_name))
        except FieldDoesNotExist:
            names.append("case numbers" if key == "numbers" else key.replace("_", " "))
    return tuple(names)


def _label(obj: models.Model) -> str:
    if isinstance(obj, Hearing):
        return f"Hearing of {obj.date:%d %b %Y}"
    if isinstance(obj, Order):
        return f"Order: {obj.title}"
    return "The record"


def _changes_of(objects: Iterable[models.Model]) -> list[Change]:
    by_key = {(type(obj), str(obj.pk)): obj for obj in objects}
    if not by_key:
        return []
    types = ContentType.objects.get_for_models(*{model for model, _ in by_key})
    wanted = Q(pk__in=[])
    for model, pk in by_key:
        wanted |= Q(content_type=types[model], object_id=pk)
    entries = (
        ModelLogEntry.objects.filter(wanted)
        .filter(PUBLISHED | SAVED_BEFORE_REVIEW)
        .exclude(revision=None)
        .select_related("revision__user", "user", "content_type")
        .prefetch_related("revision__user__groups", "user__groups")
        .order_by("timestamp", "pk")
    )
    changes: list[Change] = []
    previous: dict[tuple, dict] = {}
    for entry in entries:
        model = entry.content_type.model_class()
        key = (model, entry.object_id)
        content = entry.revision.content
        before = previous.get(key)
        previous[key] = content
        if entry.action == AS_PUBLISHED:
            continue  # the version readers saw, kept to compare the next one with
        fields = changed_fields(model, before, content) if before is not None else ()
        if before is not None and not fields:
            continue  # saved again without changing a fact
        # New: created in the admin, or a reviewed record published for the first time (its
        # version was saved while it was not yet live).
        added = entry.action == "wagtail.create" or (
            before is None and entry.action == "wagtail.publish" and not content.get("live", True)
        )
        author = role_of(entry.revision.user)
        publisher = role_of(entry.user)
        changes.append(
            Change(
                when=entry.timestamp,
                record=_label(by_key[key]),
                added=added,
                fields=fields,
                by=author,
                approved_by=publisher if publisher != author else "",
            )
        )
    return changes


def record_changes(record: Incident | LegalCase) -> list[Change]:
    """The public changes of an incident, or of a case with its hearings and orders, newest
    first."""
    objects: list[models.Model] = [record]
    if isinstance(record, LegalCase):
        objects += list(record.hearings.published())
        objects += list(record.orders.published())
    else:
        objects += list(record.orders.published())
    return sorted(_changes_of(objects), key=lambda c: c.when, reverse=True)[:LIMIT]
