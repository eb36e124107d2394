"""/api/: the JSON API (with /api/openapi.json and /api/docs) and the CSV downloads."""

from django.urls import path, re_path
from django.views.generic import RedirectView

from drmonitor.api import bulk, csv_views
from drmonitor.api.endpoints import api
from drmonitor.api.http import not_found, open_data

app_name = "api"

_api_patterns, _, _ = api.urls
for _pattern in _api_patterns:
    _pattern.callback = open_data(_pattern.callback)

urlpatterns = [
    path("incidents.csv", open_data(csv_views.incidents_csv), name="incidents_csv"),
    path("cases.csv", open_data(csv_views.cases_csv), name="cases_csv"),
    path("hearings.csv", open_data(csv_views.hearings_csv), name="hearings_csv"),
    path("bulk.zip", open_data(bulk.bulk_zip), name="bulk"),
    path("", RedirectView.as_view(pattern_name="api:openapi-view"), name="root"),
    *_api_patterns,
    re_path(r"^.*$", not_found, name="not_found"),  # last: every other /api/ address
]
