"""Each private part of Wagtail in core/framework_internals.py still does what we rely on.

When an upgrade moves one of them, the test of it fails here, not a page somewhere else.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Filter
from wagtail.models import Site

from drmonitor.core import framework_internals
from drmonitor.core.models import CustomImage, Rendition
from drmonitor.newsroom.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_a_site_set_on_the_request_is_the_one_wagtail_finds_without_asking(home):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST="elsewhere.example")
    framework_internals.set_request_site(request, site)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is site
    assert len(queries) == 0


def test_a_rendition_marked_as_from_the_cache_is_not_written_back(settings):
    image = ImageFactory()
    made = image.get_rendition("fill-320x180")
    spec = Filter("fill-320x180")
    key = Rendition.construct_cache_key(image, spec.get_cache_key(image), spec.spec)
    Rendition.cache_backend.delete(key)
    fresh = CustomImage.objects.get(pk=image.pk)
    framework_internals.mark_from_cache(made)
    fresh.find_existing_renditions = lambda *filters: {filters[0]: made}
    fresh.get_renditions("fill-320x180")
    assert Rendition.cache_backend.get(key) is None  # marked: Wagtail did not write it
    unmarked = Rendition.objects.get(pk=made.pk)
    fresh.find_existing_renditions = lambda *filters: {filters[0]: unmarked}
    fresh.get_renditions("fill-320x180")
    assert Rendition.cache_backend.get(key) is not None  # unmarked: written, as Wagtail does


def test_references_built_in_bulk_are_the_rows_wagtail_writes_one_by_one():
    from wagtail.models import ReferenceIndex

    from drmonitor.tracker.models import Actor, Country, Incident

    country = Country.objects.create(code="PK", name="Pakistan")
    incident = Incident.objects.create(
        title="A block",
        kind="platform_block",
        country=country,
        start_date="2024-02-17",
        decision_maker=Actor.objects.create(name="A ministry", kind="authority"),
    )
    rows = framework_internals.references_to_index(incident)
    ReferenceIndex.objects.filter(object_id=str(incident.pk)).delete()
    ReferenceIndex.create_or_update_for_object(incident)
    stored = ReferenceIndex.objects.filter(object_id=str(incident.pk))
    fields = ("to_content_type_id", "to_object_id", "model_path", "content_path_hash")

    def key(row):
        return tuple(str(getattr(row, name)) for name in fields)

    assert sorted(map(key, rows)) == sorted(map(key, stored)) and len(rows) == 2


def test_wagtails_submission_mail_is_held_inside_the_block_and_sent_again_after():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core import mail

    from drmonitor.accounts.roles import MODERATORS
    from drmonitor.tracker.models import Country, Incident

    moderator = get_user_model().objects.create_user("mod", "mod@example.org", "x-long-pass-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    country = Country.objects.create(code="PK", name="Pakistan")

    def submitted(title: str) -> None:
        incident = Incident.objects.create(
            title=title, kind="platform_block", country=country, start_date="2024-02-17"
        )
        incident.save_revision()
        incident.get_workflow().start(incident, None)

    with framework_internals.submission_mail_held():
        submitted("Held")
    assert mail.outbox == []
    submitted("Announced")  # elsewhere, Wagtail's own mail goes as before
    assert mail.outbox and all(m.to == [moderator.email] for m in mail.outbox)
    assert all("Announced" in m.subject + m.body for m in mail.outbox)
