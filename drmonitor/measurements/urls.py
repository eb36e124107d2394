"""The observatory's public pages, under /status/."""

from django.urls import include, path, re_path, register_converter

from drmonitor.measurements import views


class _Country:
    regex = "[A-Za-z]{2}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value


class _Domain:
    regex = r"[A-Za-z0-9.-]{1,253}"

    def to_python(self, value: str) -> str:
        return value.lower()

    def to_url(self, value: str) -> str:
        return value


register_converter(_Country, "cc")
register_converter(_Domain, "domain")

app_name = "measurements"
DOWNLOAD = r"\.(?P<fmt>csv|json)$"  # CSV or JSON of what a page shows
# Under /status/<country>/<domain>/: the service's page, its measurements, its downloads.
_service = [
    path("", views.service, name="service"),
    path("measurements/", views.listed, name="measurements"),
    re_path(r"^series" + DOWNLOAD, views.series_download, name="series_download"),
    re_path(r"^episodes" + DOWNLOAD, views.episodes_download, name="episodes_download"),
]
urlpatterns = [
    path("status/", views.board, name="board"),
    re_path(r"^status/board" + DOWNLOAD, views.board_download, name="board_download"),
    path("status/measurement/<str:uid>/", views.measurement, name="measurement"),
    path("status/<cc:country>/<domain:domain>/", include(_service)),
]
