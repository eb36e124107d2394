"""Every Tracker listing in the admin opens, searches its text columns and filters by category."""

import datetime

import pytest
from django.urls import reverse

from drmonitor.tracker.factories import IncidentFactory, OrderFactory
from drmonitor.tracker.models import Order
from drmonitor.tracker.wagtail_hooks import TrackerGroup

pytestmark = pytest.mark.django_db


def test_every_listing_opens_and_searches(admin_client):
    for viewset in TrackerGroup.items:
        url = reverse(f"wagtailsnippets_tracker_{viewset.model._meta.model_name}:list")
        assert admin_client.get(url, {"q": "Lahore"}).status_code == 200, url


def test_incidents_filter_by_their_categories_and_search_their_summary(admin_client):
    IncidentFactory(title="X blocked", kind="platform_block", summary="Throttled in Quetta")
    IncidentFactory(title="Mobile data suspended", kind="network_shutdown")
    url = reverse("wagtailsnippets_tracker_incident:list")
    by_kind = admin_client.get(url, {"kind": "network_shutdown"}).content.decode()
    assert "Mobile data suspended" in by_kind and "X blocked" not in by_kind
    by_summary = admin_client.get(url, {"q": "Quetta"}).content.decode()
    assert "X blocked" in by_summary and "Mobile data suspended" not in by_summary


def test_deleting_an_incident_keeps_the_government_order_that_caused_it():
    incident = IncidentFactory()
    order = OrderFactory(
        incident=incident, case=None, kind="government_order", date=datetime.date(2024, 2, 17)
    )
    incident.delete()
    order = Order.objects.get(pk=order.pk)
    assert order.incident is None
