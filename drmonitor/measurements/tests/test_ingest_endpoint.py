# ruff: noqa: F811 - pytest fixtures imported from the observatory's toolkit are used as arguments
"""The endpoint our probes deliver to: the real probe measuring a loopback world and delivering
over a socket to the live site; tokens, limits and per-record answers."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys

import duckdb
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from drm_observatory.testing.fixtures import loopback_world  # noqa: F401
from drmonitor.measurements.tokens import ProbeToken

URL = "/measurements/ingest/"


@pytest.fixture
def store(settings, tmp_path):
    settings.DRM_MEASUREMENT_STORE = tmp_path / "measurements.duckdb"
    return settings.DRM_MEASUREMENT_STORE


def stored(store) -> dict[str, tuple]:
    with duckdb.connect(str(store), read_only=True) as db:
        found = db.execute("SELECT input, blocking, rule, source FROM measurements").fetchall()
    return {row[0]: row[1:] for row in found}


def measurement(uid: str, url: str = "https://ok.test/") -> dict:
    """What a probe delivers, at its smallest: OONI's envelope with one DNS step."""
    return {
        "measurement_uid": uid,
        "test_name": "web_connectivity",
        "input": url,
        "probe_cc": "PK",
        "probe_asn": "AS64512",
        "measurement_start_time": "2026-12-01 10:00:00",
        "test_keys": {
            "queries": [
                {
                    "hostname": url.split("/")[2],
                    "engine": "system",
                    "failure": "dns_nxdomain_error",
                    "answers": None,
                }
            ],
            "control": {"dns": {"addrs": ["192.0.2.1"], "failure": None}},
            "control_failure": None,
        },
    }


def post(body: bytes, secret: str | None, **headers) -> tuple[int, dict]:
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    response = Client(enforce_csrf_checks=True).post(
        URL, body, content_type="application/json", **auth, **headers
    )
    return response.status_code, response.json()


def probe(world, spool, url: str, secret: str, *, deliver_only: bool = False) -> str:
    sites = [] if deliver_only else [world.url("ok.test"), world.url("dnsblock.test")]
    command = [sys.executable, "-m", "drm_observatory", "probe", *sites]
    command += ["--spool", str(spool), "--ingest", url, "--ingest-token", secret]
    command += ["--deliver-only"] if deliver_only else world.probe_flags()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr  # 1: some stay in the spool
    return done.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_probe_delivers_to_the_live_site_and_a_repeat_stores_nothing_twice(
    live_server, loopback_world, store, tmp_path
):
    world = loopback_world
    _, secret = ProbeToken.issue("pk-loopback")
    spool = tmp_path / "spool"
    endpoint = live_server.url + URL

    probe(world, spool, endpoint, secret)
    assert sorted(p.name for p in (spool / "pending").iterdir()) == []
    found = stored(store)
    assert set(found) == {world.url("ok.test"), world.url("dnsblock.test")}
    assert found[world.url("dnsblock.test")][0] == '"dns"'
    assert found[world.url("ok.test")][0] == "false"
    assert found[world.url("ok.test")][2] == "probe pk-loopback:1"  # who delivered it

    # A crash after the server stored them but before the probe heard: delivered again.
    for path in (spool / "done").iterdir():
        shutil.move(path, spool / "pending" / path.name)
    assert "delivered 2, 0 pending" in probe(world, spool, endpoint, secret, deliver_only=True)
    assert len(stored(store)) == 2
    assert ProbeToken.objects.get(name="pk-loopback").last_used_at is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_bad_or_revoked_token_is_refused_and_the_probe_keeps_its_measurements(
    live_server, loopback_world, store, tmp_path
):
    world = loopback_world
    _, secret = ProbeToken.issue("pk-revoked")
    spool = tmp_path / "spool"
    endpoint = live_server.url + URL
    probe(world, spool, endpoint, "not-a-token-" + secret)
    assert len(list((spool / "pending").iterdir())) == 2
    call_command("probe_token", "pk-revoked", "--revoke")
    assert "delivered 0, 2 pending" in probe(world, spool, endpoint, secret, deliver_only=True)
    assert not store.exists()


@pytest.mark.django_db
def test_without_a_token_401_and_a_session_alone_opens_nothing(store, admin_client):
    body = json.dumps(measurement("u1")).encode()
    status, answer = post(body, None)
    assert (status, answer["error"]) == (401, "a valid probe token is needed")
    response = admin_client.post(URL, body, content_type="application/json")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    assert not store.exists()


@pytest.mark.django_db
def test_a_batch_is_answered_record_by_record(store):
    _, secret = ProbeToken.issue("pk-batch")
    lines = [
        json.dumps(measurement("u1", "https://a.test/")),
        '{"test_keys": {"queries": [',  # cut off
        json.dumps({"measurement_uid": "t1", "test_name": "telegram", "test_keys": {}}),
        json.dumps(measurement("u2", "https://b.test/")),
    ]
    body = gzip.compress("\n".join(lines).encode())
    status, answer = post(body, secret, HTTP_CONTENT_ENCODING="gzip")
    assert status == 200
    fates = [(r["measurement_uid"], r["outcome"]) for r in answer["records"]]
    assert fates == [("u1", "stored"), (None, "problem"), ("t1", "skipped"), ("u2", "stored")]
    assert "not valid JSON" in answer["records"][1]["problem"]
    status, again = post(body, secret)
    assert (again["stored"], again["already"]) == (0, 2)
    assert set(stored(store)) == {"https://a.test/", "https://b.test/"}


@pytest.mark.django_db
def test_a_delivery_with_nothing_the_store_takes_is_422_with_the_reason(store):
    _, secret = ProbeToken.issue("pk-broken")
    status, answer = post(b'{"test_name": "web_connectivity", "input": "x"', secret)
    assert status == 422 and answer["records"][0]["outcome"] == "problem"
    status, answer = post(b"  \n", secret)
    assert (status, answer["error"]) == (400, "no measurement in the request")


@pytest.mark.django_db
def test_too_large_is_413_as_sent_and_once_gunzipped(store, settings):
    _, secret = ProbeToken.issue("pk-large")
    settings.DRM_INGEST_MAX_BODY = 1 << 20
    settings.DRM_INGEST_MAX_EXPANDED = 2 << 20
    status, answer = post(b"x" * ((1 << 20) + 1), secret)
    assert status == 413 and "1 MiB at most" in answer["error"]
    bomb = gzip.compress(b"\n" * (16 << 20))  # 16 KiB that expands to 16 MiB
    status, answer = post(bomb, secret)
    assert status == 413 and "expand to 2 MiB at most" in answer["error"]
    assert not store.exists()


@pytest.mark.django_db
def test_tokens_are_kept_only_as_digests_and_issued_by_the_command(capsys):
    call_command("probe_token", "pk-karachi")
    secret = capsys.readouterr().out.strip()
    token = ProbeToken.objects.get(name="pk-karachi")
    assert len(secret) >= 40 and secret not in token.digest
    assert ProbeToken.holder(secret) == token
    call_command("probe_token", "--list")
    assert "pk-karachi\tlive\t" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_store_held_by_another_process_is_503_with_retry_after(store):
    _, secret = ProbeToken.issue("pk-busy")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_STORE, str(store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        response = Client().post(
            URL,
            json.dumps(measurement("u-busy")),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {secret}",
        )
    finally:
        holder.communicate("", timeout=30)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert post(json.dumps(measurement("u-busy")).encode(), secret)[0] == 200  # released


# Another process writing the store (an ingest run, another server worker).
HOLD_STORE = """
import sys, duckdb
db = duckdb.connect(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()
"""


@pytest.mark.django_db
def test_an_editor_issues_a_token_in_the_admin_sees_it_once_and_revokes_it(client):
    from django.contrib.auth.models import Group

    from drmonitor.accounts.roles import EDITORS

    editor = get_user_model().objects.create_user("desk-editor", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    issued = client.post("/admin/probe_tokens/new/", {"name": "pk-islamabad-nayatel"})
    assert issued.status_code == 200
    secret = re.search(rb'id="probe-token-secret"[^>]*>([^<]+)<', issued.content)[1].decode()
    token = ProbeToken.objects.get(name="pk-islamabad-nayatel")
    assert ProbeToken.holder(secret) == token and secret not in token.digest
    listing = client.get("/admin/probe_tokens/")
    assert b"pk-islamabad-nayatel" in listing.content and secret.encode() not in listing.content
    edit = client.post(
        f"/admin/probe_tokens/edit/{token.pk}/", {"name": token.name, "revoked": "on"}
    )
    assert edit.status_code == 302
    assert ProbeToken.holder(secret) is None
