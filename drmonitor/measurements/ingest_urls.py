"""The probes' ingest endpoint (its own URL list beside the app's pages)."""

from django.urls import path

from drmonitor.measurements import ingest_views

urlpatterns = [path("measurements/ingest/", ingest_views.ingest, name="measurements-ingest")]
