"""The front page: the only page that composes the parts below it."""

from django.utils import timezone
from wagtail.models import Page

from drmonitor.core.privacy import ViewRestrictionShortcut
from drmonitor.core.routing import route_by_url_path
from drmonitor.newsroom.listings import front_page_context
from drmonitor.tracker.models import Incident
from drmonitor.tracker.views import upcoming_hearings_queryset
from drmonitor.tracker.vocab import IncidentStatus

EVIDENCE_DESK_SIZE = 4


def evidence_desk_context() -> dict:
    """What is blocked or shut down right now, and the next hearings, for the front page."""
    today = timezone.localdate()
    ongoing = (
        Incident.objects.filter(status=IncidentStatus.ONGOING, end_date__isnull=True)
        .select_related("country")
        .prefetch_related("services")
        .order_by("start_date")[:EVIDENCE_DESK_SIZE]
    )
    return {
        "ongoing_incidents": [(incident, incident.duration_days(today)) for incident in ongoing],
        "upcoming_hearings": upcoming_hearings_queryset()[:EVIDENCE_DESK_SIZE],
    }


class HomePage(ViewRestrictionShortcut, Page):
    """The site root. Its children are the top-level sections of the menu."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage"]
    template = "home/home_page.html"

    def route(self, request, path_components):
        if path_components:
            found = route_by_url_path(self, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(front_page_context(self))
        context.update(evidence_desk_context())
        return context
