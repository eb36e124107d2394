from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from drmonitor.core import uploads

handler500 = "drmonitor.core.errors.server_error"

urlpatterns = [
    path("", include("drmonitor.desk.urls")),  # before the admin: it answers some of its pages
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("drmonitor.accounts.urls")),
    path("api/", include("drmonitor.api.urls")),
    path("playlists/", include("drmonitor.playlists.urls")),
    path("library/", include("drmonitor.library.urls")),
    path("", include("drmonitor.measurements.urls")),
    path("", include("drmonitor.measurements.ingest_urls")),
    path("", include("drmonitor.readership.urls")),
    path("", include("drmonitor.tracker.urls")),
    path("", include("drmonitor.newsroom.discovery_urls")),
    path("", include("drmonitor.newsroom.urls")),
]

if settings.DRM_SERVE_MEDIA:
    # The embedded default serves uploads itself (with byte ranges, so players can seek);
    # production puts them behind the web server.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            uploads.serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Wagtail's page tree answers everything else (sections, articles).
urlpatterns += [path("", include(wagtail_urls))]
