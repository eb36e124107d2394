"""Following: one e-mail per change per reader, sent by the worker, and a one-click unfollow."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from drmonitor.core import worker
from drmonitor.tracker.models import Follow, Hearing, Notification, StatusChange
from drmonitor.tracker.notifications import deliver_pending
from drmonitor.tracker.tests.helpers import publish_article

D = datetime.date


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user("amna", "amna@example.org", "s3cret-pass!")


@pytest.fixture
def other_reader(db):
    return get_user_model().objects.create_user("bilal", "bilal@example.org", "s3cret-pass!")


def unfollow_link(message) -> str:
    return re.search(r"http\S+/follows/unfollow/\S+/", message.body).group(0)


def test_reader_follows_a_case_with_the_button(reader, case):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    page = client.get(case.get_absolute_url())
    assert set(page["Cache-Control"].split(", ")) == {"private", "no-cache"}
    assert "Follow this case" in page.text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    action = f"{case.get_absolute_url()}follow/"

    refused = client.post(action, {"action": "follow"})
    assert refused.status_code == 403  # no CSRF token, no follow
    assert not Follow.objects.exists()

    client.post(action, {"action": "follow", "csrfmiddlewaretoken": token})
    assert Follow.objects.filter(user=reader, case=case).exists()
    assert "Unfollow" in client.get(case.get_absolute_url()).text

    client.post(action, {"action": "unfollow", "csrfmiddlewaretoken": token})
    assert not Follow.objects.exists()


def test_anonymous_reader_is_sent_to_sign_in(client, case):
    response = client.post(f"{case.get_absolute_url()}follow/", {"action": "follow"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()


def test_new_hearing_mails_each_follower_once(
    reader, other_reader, case, incident, django_capture_on_commit_callbacks
):
    # `reader` follows both the case and the incident it challenges: still one e-mail.
    Follow.objects.create(user=reader, case=case)
    Follow.objects.create(user=reader, incident=incident)
    Follow.objects.create(user=other_reader, incident=incident)

    with django_capture_on_commit_callbacks(execute=True):
        hearing = Hearing.objects.create(
            case=case, date=D(2024, 3, 5), what_happened="Notices issued to PTA."
        )
        hearing.what_happened = "Notices issued to the PTA."
        hearing.save()  # an edit is not a new hearing
    assert Notification.objects.filter(sent_at__isnull=True).count() == 2
    assert mail.outbox == []  # nothing is sent during the editor's request

    assert deliver_pending() == 2
    assert deliver_pending() == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["amna@example.org", "bilal@example.org"]
    message = mail.outbox[0]
    assert "A v. Federation" in message.subject
    assert "Notices issued" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # RFC 2369: the link as plain ASCII on one line, never RFC 2047 encoded words.
    headers = message.message().as_bytes().split(b"\n\n")[0].decode("ascii")
    (unsubscribe,) = [line for line in headers.splitlines() if line.startswith("List-Unsub")][:1]
    assert unsubscribe.startswith("List-Unsubscribe: <http") and unsubscribe.endswith("/>")
    assert "=?" not in unsubscribe


def test_worker_runs_the_delivery_job(reader, case, django_capture_on_commit_callbacks):
    Follow.objects.create(user=reader, case=case)
    with django_capture_on_commit_callbacks(execute=True):
        Hearing.objects.create(case=case, date=D(2024, 3, 6))
    # The worker's jobs, run twice as its loop would (run_once itself recycles DB connections,
    # which a test transaction cannot survive).
    for _ in range(2):
        for job in worker.jobs():
            job()
    assert len(mail.outbox) == 1


def test_status_change_and_published_article_notify(
    reader, case, incident, home, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=reader, incident=incident)
    with django_capture_on_commit_callbacks(execute=True):
        incident.status = "Ended"
        incident.end_date = D(2025, 5, 7)
        incident.save()  # the edit records a StatusChange, which notifies
    assert StatusChange.objects.filter(incident=incident, to_status="Ended").exists()

    article = publish_article("X is back", section=None)
    with django_capture_on_commit_callbacks(execute=True):
        incident.articles.add(article)
        incident.articles.add(article)  # linking twice is one change
        incident.save()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()  # republishing is not a new change either

    assert deliver_pending() == 2
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["New: X is back", "Test block: now Ended"]


def test_unfollow_link_works_once_without_signing_in(
    reader, case, django_capture_on_commit_callbacks
):
    Follow.objects.create(user=reader, case=case)
    with django_capture_on_commit_callbacks(execute=True):
        Hearing.objects.create(case=case, date=D(2024, 3, 7))
    deliver_pending()
    link = unfollow_link(mail.outbox[0])
    path = link.split("://", 1)[1].split("/", 1)[1]
    anonymous = Client(enforce_csrf_checks=True)

    confirm = anonymous.get(f"/{path}")
    assert confirm.status_code == 200 and "Stop e-mails about A v. Federation?" in confirm.text
    assert Follow.objects.exists()  # a GET (a link scanner) changes nothing

    done = anonymous.post(f"/{path}")  # also what one-click mail clients send
    assert "You no longer follow A v. Federation" in done.text
    assert not Follow.objects.exists()

    again = anonymous.post(f"/{path}")
    assert "Already unfollowed" in again.text

    forged = anonymous.post(f"/{path[:-3]}xx/")
    assert forged.status_code == 400


def test_unfollowed_reader_gets_no_more_mail(reader, case, django_capture_on_commit_callbacks):
    follow = Follow.objects.create(user=reader, case=case)
    with django_capture_on_commit_callbacks(execute=True):
        Hearing.objects.create(case=case, date=D(2024, 3, 8))
    follow.delete()
    assert deliver_pending() == 0
    assert mail.outbox == []


def test_profile_page_lists_what_the_reader_follows(client, reader, case):
    Follow.objects.create(user=reader, case=case)
    client.force_login(reader)
    html = client.get("/accounts/profile/").content.decode()
    assert "What you follow" in html
    assert "A v. Federation" in html and "Unfollow" in html
