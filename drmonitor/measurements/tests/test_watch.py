"""The measurement watch, run as editors run it (`manage watch_measurements`) over stores the
observatory's ingest built: one e-mail to editors and moderators per run that finds changes, the
same posted to a loopback webhook whose signature the test checks, a draft incident for an
episode that matches none, invisible to readers until a moderator approves it, and nothing told
or drafted twice."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS
from drmonitor.core.tests.test_security import production_env, run_django
from drmonitor.demo.measurement_history import load_into
from drmonitor.measurements.tests.conftest import history
from drmonitor.measurements.watch import watch_when_written
from drmonitor.measurements.watched import WatchedEpisode
from drmonitor.measurements.webhook import post_signed
from drmonitor.tracker.models import Country, Incident

pytestmark = pytest.mark.django_db
SECRET = "a-shared-secret-of-the-receiver"


class Receiver(ThreadingHTTPServer):
    """A webhook receiver on the loopback interface: keeps what it was sent, answers `status`."""

    def __init__(self, status: int = 204) -> None:
        self.status = status
        self.received: list[tuple[Message, bytes]] = []
        super().__init__(("127.0.0.1", 0), _Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/drm"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((self.headers, body))
        self.send_response(self.server.status)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def receiver(settings):
    server = Receiver()
    settings.DRM_MEASUREMENT_WEBHOOK_URL = server.url
    settings.DRM_MEASUREMENT_WEBHOOK_SECRET = SECRET
    yield server
    server.shutdown()
    server.server_close()


def verified(headers: Message, body: bytes) -> dict:
    """The body, once its signature and its timestamp check out as a receiver checks them."""
    timestamp = headers["X-DRM-Timestamp"]
    assert abs(time.time() - int(timestamp)) < 300, "a stale timestamp is a replay"
    expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    assert hmac.compare_digest(headers["X-DRM-Signature"], "sha256=" + expected.hexdigest())
    return json.loads(body)


@pytest.fixture
def desk(db) -> dict[str, str]:
    """An editor, a moderator and a reporter, each with an address."""
    users = {}
    for group in (EDITORS, MODERATORS, REPORTERS):
        user = get_user_model().objects.create_user(
            group.lower(), f"{group.lower()}@example.org", "x-long-pass-1"
        )
        user.groups.add(Group.objects.get(name=group))
        users[group] = user.email
    return users


def test_a_change_of_state_mails_the_editors_once_and_posts_a_signed_webhook(
    tmp_path, settings, desk, receiver, x_ban
):
    # The store as of 1 March 2024: X blocked on all three networks since 17 February.
    settings.DRM_MEASUREMENT_STORE = tmp_path / "march.duckdb"
    load_into(settings.DRM_MEASUREMENT_STORE, [history(end="2024-03-01")])
    call_command("watch_measurements")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.bcc) == sorted([desk[EDITORS], desk[MODERATORS]])  # not reporters
    assert message.subject == "Measurements: 3 changes of state"
    assert "x.com on AS17557 PTCL in PK: not watched before -> blocked since 17 Feb 2024" in (
        message.body
    )
    assert "/status/PK/x.com/?asn=59257" in message.body
    assert "synthetic measurements" in message.body
    assert "example.com" not in message.body  # accessible when first seen: not news

    [(headers, body)] = receiver.received
    sent = verified(headers, body)
    assert sent["synthetic"] is True and sent["draft_incidents"] == []
    assert {(c["asn"], c["was"], c["now"]) for c in sent["changes"]} == {
        (17557, None, "blocked"),
        (59257, None, "blocked"),
        (136384, None, "blocked"),
    }
    # The episodes belong to the X ban: no draft.
    assert Incident.objects.count() == 1 + len(x_ban.others)

    # Nothing new in the store: nothing told, nothing posted.
    call_command("watch_measurements")
    assert len(mail.outbox) == 1 and len(receiver.received) == 1

    # The store through April: X reachable again everywhere.
    settings.DRM_MEASUREMENT_STORE = tmp_path / "april.duckdb"
    load_into(settings.DRM_MEASUREMENT_STORE, [history()])
    call_command("watch_measurements")
    assert len(mail.outbox) == 2
    assert "x.com on AS136384 in PK: blocked -> accessible" in mail.outbox[1].body
    sent = verified(*receiver.received[1])
    assert {c["now"] for c in sent["changes"]} == {"accessible"}


def test_an_episode_matching_no_incident_becomes_one_draft_readers_see_once_approved(
    client, store, desk, committed
):
    Country.objects.create(code="PK", name="Pakistan")
    call_command("watch_measurements")

    # Three networks' episodes of one block: one draft, the other two its evidence.
    [draft] = Incident.objects.all()
    assert draft.title == "x.com blocked in Pakistan (measured)"
    assert not draft.live and draft.start_date.isoformat() == "2024-02-17"
    assert [s.domain_list() for s in draft.services.all()] == [["x.com"]]
    assert "Drafted by the measurement watch" in draft.summary
    assert draft.current_workflow_state.status == "in_progress"
    assert WatchedEpisode.objects.filter(incident=draft).count() == 3
    assert WatchedEpisode.objects.filter(drafted=True).count() == 1
    # One mail, ours: not Wagtail's "submitted for moderation" besides.
    [message] = mail.outbox
    assert sorted(message.bcc) == sorted([desk[EDITORS], desk[MODERATORS]])
    assert message.subject == "Measurements: 1 draft incident"
    assert "x.com blocked in Pakistan (measured), from 17 Feb 2024" in message.body
    assert f"/admin/snippets/tracker/incident/edit/{draft.pk}/" in message.body

    # Readers see nothing of it.
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "x.com blocked in Pakistan" not in client.get("/incidents/").text
    assert client.get(f"/api/incidents/{draft.slug}").status_code == 404

    # Run again: no second draft, no second e-mail.
    sent = len(mail.outbox)
    call_command("watch_measurements")
    assert Incident.objects.count() == 1 and len(mail.outbox) == sent

    # A moderator approves it in the workflow, as in the admin: now it is public, with its
    # measured evidence on the timeline.
    moderator = get_user_model().objects.get(email=desk[MODERATORS])
    client.force_login(moderator)
    task = draft.current_workflow_state.current_task_state
    with committed():
        response = client.post(
            f"/admin/snippets/tracker/incident/workflow/action/{draft.pk}/approve/{task.pk}/",
            {"comment": ""},
        )
    assert response.status_code in (200, 302), response.text[:2000]
    client.logout()
    page = client.get(draft.get_absolute_url())
    assert page.status_code == 200
    assert page.text.count("timeline-event--measured") == 3


def test_the_worker_watches_each_written_store_once(store, desk):
    assert watch_when_written() == 1  # the draft (the states were accessible when first seen)
    assert watch_when_written() == 0
    assert len(mail.outbox) == 1


def test_a_receiver_that_fails_is_tried_three_times_then_logged_never_raised(caplog):
    failing = Receiver(status=500)
    try:
        assert post_signed(failing.url, SECRET, {"changes": []}, delays=(0, 0)) is False
        assert len(failing.received) == 3
        for headers, body in failing.received:
            verified(headers, body)
    finally:
        failing.shutdown()
        failing.server_close()
    assert "failed after 3 attempts (HTTP 500)" in caplog.text
    closed = f"http://127.0.0.1:{failing.server_address[1]}/"  # nothing listens there now
    assert post_signed(closed, SECRET, {"changes": []}, delays=(0,)) is False
    assert "failed after 2 attempts" in caplog.text


def test_the_deploy_check_names_a_webhook_without_its_secret_or_not_https(tmp_path):
    signed = production_env(
        tmp_path,
        REDIS_URL="redis://127.0.0.1:6379/6",  # production's shared cache, else a warning
        DRM_MEASUREMENT_WEBHOOK_URL="https://hooks.example.org/drm",
        DRM_MEASUREMENT_WEBHOOK_SECRET=SECRET,
    )
    clean = run_django(signed, "check", "--deploy", "--fail-level", "WARNING")
    assert clean.returncode == 0, clean.stdout + clean.stderr

    unsigned = signed | {"DRM_MEASUREMENT_WEBHOOK_URL": "http://hooks.example.org/drm"}
    del unsigned["DRM_MEASUREMENT_WEBHOOK_SECRET"]
    warned = run_django(unsigned, "check", "--deploy", "--fail-level", "WARNING")
    assert warned.returncode != 0
    said = warned.stdout + warned.stderr
    assert "(measurements.W001) DRM_MEASUREMENT_WEBHOOK_URL is set but" in said
    assert "(measurements.W002) DRM_MEASUREMENT_WEBHOOK_URL (http://hooks.example.org/drm)" in said
