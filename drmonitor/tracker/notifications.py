"""Telling followers what changed: outbox rows written in the editor's request, e-mail sent by
the worker (`deliver_pending`, listed in settings.DRM_WORKER_JOBS).

Each change has a key ("hearing:12", "status:7", "article:31"); (user, key) is unique, so a
reader who follows both a case and its incident, or a change saved twice, gets one e-mail.
"""

from __future__ import annotations

import email.policy
import hashlib
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from drmonitor.tracker.models import Follow, Hearing, Incident, LegalCase, Notification

logger = logging.getLogger(__name__)

UNFOLLOW_SALT = "drmonitor.tracker.unfollow"
MAX_ATTEMPTS = 5
BATCH = 200


def unfollow_token(follow: Follow) -> str:
    return signing.dumps({"f": follow.pk, "u": follow.user_id}, salt=UNFOLLOW_SALT)


def follow_from_token(token: str) -> tuple[Follow | None, bool]:
    """(the follow, token valid). A valid token whose follow is gone means: already unfollowed."""
    try:
        data = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None, False
    follow = Follow.objects.filter(pk=data.get("f"), user_id=data.get("u")).first()
    return follow, True


def _follows_for(
    incidents: Iterable[Incident] = (), cases: Iterable[LegalCase] = ()
) -> list[Follow]:
    incident_ids = [i.pk for i in incidents]
    case_ids = [c.pk for c in cases]
    return list(
        Follow.objects.filter(Q(incident_id__in=incident_ids) | Q(case_id__in=case_ids))
        .select_related("user", "incident", "case")
        .order_by("pk")
    )


def _queue(change_key: str, subject: str, body: str, url: str, follows: list[Follow]) -> int:
    """One pending row per follower; a follower already told of this change is skipped."""
    created = 0
    told: set[int] = set()
    for follow in follows:
        if follow.user_id in told or not follow.user.email or not follow.user.is_active:
            continue
        told.add(follow.user_id)
        try:
            with transaction.atomic():
                Notification.objects.create(
                    user_id=follow.user_id,
                    follow=follow,
                    change_key=change_key,
                    subject=subject[:255],
                    body=body,
                    url=url,
                )
            created += 1
        except IntegrityError:
            continue  # this reader has this change already
    return created


# What followers are told a hearing says: when it sat and what came of it. An edit of any of
# these is news; another edit (a typo, a source added), or a save of another record, is not.
HEARING_FACTS = ("date", "date_precision", "result", "next_date", "next_date_note")


def hearing_key(hearing: Hearing) -> str:
    """The change a follower is told of once: this hearing, as its facts now stand."""
    facts = "\x1f".join(str(getattr(hearing, name) or "") for name in HEARING_FACTS)
    return f"hearing:{hearing.pk}:{hashlib.sha256(facts.encode()).hexdigest()[:16]}"


def notify_hearing(hearing: Hearing) -> int:
    """Followers of its case (and the case's incidents) are told of a published hearing, and
    told again when its date or its outcome changes."""
    case = hearing.case
    follows = _follows_for(incidents=case.incidents.all(), cases=[case])
    court = case.court.short_name or case.court.name
    key = hearing_key(hearing)
    told_before = (
        Notification.objects.filter(change_key__startswith=f"hearing:{hearing.pk}:")
        .exclude(change_key=key)
        .exists()
    )
    when = f"{hearing.date:%d %B %Y}"
    lines = [
        f"{court}: the hearing in {case.title} has changed; it is now dated {when}."
        if told_before
        else f"{court}: a hearing on {when} in {case.title}."
    ]
    lines += [text for text in (hearing.what_happened, hearing.directions) if text]
    if hearing.summoned:
        lines.append(f"Summoned: {hearing.summoned}")
    if hearing.next_date:
        lines.append(f"Next date: {hearing.next_date:%d %B %Y}")
    subject = (
        f"{'Hearing changed' if told_before else 'Hearing'} {hearing.date:%d %b %Y}: {case.title}"
    )
    return _queue(key, subject, "\n\n".join(lines), hearing.get_absolute_url(), follows)


def notify_status(change) -> int:
    owner = change.record
    follows = (
        _follows_for(incidents=[owner])
        if change.incident_id
        else _follows_for(cases=[owner], incidents=owner.incidents.all())
    )
    body = f"On {change.date:%d %B %Y} the status of {owner} changed to {change.to_status_label}."
    if change.note:
        body += f"\n\n{change.note}"
    subject = f"{owner}: now {change.to_status_label}"
    return _queue(f"status:{change.pk}", subject, body, owner.get_absolute_url(), follows)


def notify_article(article) -> int:
    """A live article linked to followed incidents or cases (directly or through a hearing)."""
    if not article.live:
        return 0
    cases = set(LegalCase.objects.filter(Q(articles=article) | Q(hearings__article=article)))
    incidents = set(Incident.objects.filter(articles=article))
    for case in cases:
        incidents.update(case.incidents.all())
    follows = _follows_for(incidents=incidents, cases=cases)
    body = article.standfirst or article.title
    return _queue(f"article:{article.pk}", f"New: {article.title}", body, article.url, follows)


def _site_url(path: str) -> str:
    if path.startswith("http"):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# RFC 2369: List-Unsubscribe is a list of <URL>s, plain ASCII. The standard policy folds a line
# past 78 characters and, when a long URL has nowhere to fold, rewrites it as RFC 2047 encoded
# words, which mail clients do not read as a link. RFC 5322 allows lines up to 998 characters.
LONGEST_LINE = 998


class FollowMail(EmailMessage):
    """A follower's e-mail, written with whatever policy the mail backend asks for (SMTP's,
    the file backend's default) but with lines as long as RFC 5322 allows."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=LONGEST_LINE))


def _message(note: Notification) -> EmailMessage:
    unfollow = _site_url(
        reverse("tracker:unfollow_token", kwargs={"token": unfollow_token(note.follow)})
    )
    target = note.follow.record
    body = render_to_string(
        "tracker/email/notification.txt",
        {"note": note, "link": _site_url(note.url), "target": target, "unfollow": unfollow},
    )
    return FollowMail(
        subject=note.subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[note.user.email],
        headers={
            "List-Unsubscribe": f"<{unfollow}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def deliver_pending() -> int:
    """Send the pending notifications; return how many went out.

    A row is claimed (sent_at set) before sending, so two workers never send it twice; if the
    mail server refuses it, the claim is released for a later try, up to MAX_ATTEMPTS.
    """
    sent = 0
    pending = Notification.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    for pk in list(pending.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        now = timezone.now()
        claimed = Notification.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=now)
        if not claimed:
            continue
        note = Notification.objects.select_related("user", "follow").get(pk=pk)
        try:
            _message(note).send()
        except Exception as exc:  # noqa: BLE001 - any mail failure is retried later
            logger.warning("notification %s not sent: %s", pk, exc)
            Notification.objects.filter(pk=pk).update(
                sent_at=None, attempts=note.attempts + 1, last_error=str(exc)[:500]
            )
            continue
        Notification.objects.filter(pk=pk).update(attempts=note.attempts + 1)
        sent += 1
    return sent
