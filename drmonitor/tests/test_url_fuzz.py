"""No reader input gives a 500: every route of the site, hostile values in every path segment
and query parameter (drmonitor/testing/fuzz.py), over the demo's sample content (an article of
each status, an incident, a case, a campaign, a playlist...). `pytest -s` prints the count of
requests by status."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page

from drmonitor.demo.loader import load
from drmonitor.demo.tests.test_loader import SAMPLE
from drmonitor.testing.fuzz import hostile_requests

pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def sample_site(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    with override_settings(MEDIA_ROOT=str(folder / "media"), VAR_DIR=folder / "var"):
        with django_db_blocker.unblock(), transaction.atomic():
            load(SAMPLE)
            yield
            transaction.set_rollback(True)


def one_page_of_each_type() -> list[str]:
    chosen: dict[type, str] = {}
    for page in Page.objects.live().specific().order_by("path"):
        chosen.setdefault(type(page), page.url)
    return [url for url in chosen.values() if url]


def test_no_route_answers_hostile_values_with_a_500(sample_site, db, client):
    client.raise_request_exception = False
    statuses: Counter = Counter()
    failures = []
    for kind, method, url in hostile_requests(one_page_of_each_type()):
        code = getattr(client, method)(url).status_code
        statuses[code] += 1
        if code >= 500:
            failures.append(f"{code} {method.upper()} {url[:120]} ({kind})")
    counts = dict(sorted(statuses.items()))
    print(f"\nURL fuzz: {sum(statuses.values())} requests, by status {counts}")
    assert not failures, "\n".join(failures)
