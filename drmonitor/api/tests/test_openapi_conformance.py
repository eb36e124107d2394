"""The API matches its OpenAPI description: schemathesis generates requests for every endpoint
(valid and invalid parameters) and checks each response's status code, content type and body
against the description, in-process through the site's WSGI application, over the demo data."""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from drmonitor.api.endpoints import api

pytestmark = pytest.mark.django_db


def described() -> dict:
    return json.loads(json.dumps(api.get_openapi_schema()))


def _load_schema():
    """The description the site serves at /api/openapi.json, bound to the WSGI application
    (built without a request, so collecting the tests needs no database)."""
    loaded = schemathesis.openapi.from_dict(described())
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()


@pytest.fixture
def keep_test_connection():
    """Requests through the WSGI application end with `close_old_connections`, which closes a
    connection inside a transaction (PostgreSQL then loses the test's data); Django's own test
    client switches it off the same way for the duration of a request."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_endpoint_answers_as_described(case, demo, keep_test_connection):
    # The WSGI transport does not undo gzip as an HTTP client does; ask for the plain body.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})


def test_the_served_description_is_the_one_tested(client):
    assert client.get("/api/openapi.json").json() == described()


def test_every_endpoint_is_covered():
    operations = {
        f"{result.ok().method.upper()} {result.ok().path}" for result in schema.get_all_operations()
    }
    assert operations == {
        "GET /api/incidents",
        "GET /api/incidents/{slug}",
        "GET /api/cases",
        "GET /api/cases/{slug}",
        "GET /api/hearings",
        "GET /api/hearings/{hearing_id}",
        "GET /api/services",
        "GET /api/services/{slug}",
        "GET /api/playlists",
        "GET /api/playlists/{playlist_id}",
        "GET /api/incidents/{slug}/timeline",
        "GET /api/cases/{slug}/timeline",
        "GET /api/orders",
        "GET /api/statements",
        "GET /api/campaigns",
        "GET /api/actors",
        "GET /api/courts",
        "GET /api/laws",
    }
