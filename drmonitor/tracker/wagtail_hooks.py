"""The evidence desk's place in Wagtail: every record is a snippet under one "Tracker" menu,
the "Import STOP CSV" page (tracker/stop/admin_views.py) has its own menu item, the records
join the site search, and articles they cite show what cites them."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from drmonitor.core.admin_menu import register_admin_page
from drmonitor.newsroom.hooks import ARTICLE_ASIDES, SEARCH_SOURCES, SITEMAPS
from drmonitor.tracker import search, sitemaps
from drmonitor.tracker.forms import SourcedRecordForm, StatusSourcedForm
from drmonitor.tracker.models import (
    Actor,
    Bench,
    Campaign,
    CaseConsolidation,
    Country,
    Court,
    Hearing,
    Incident,
    Law,
    LegalCase,
    Network,
    Order,
    Service,
    Source,
    Statement,
    StatusChange,
)
from drmonitor.tracker.panels import article_records
from drmonitor.tracker.stop.admin_views import (
    can_import,
    import_view,
    progress_view,
    rejected_view,
    run_view,
)


def sourced(model, form) -> ObjectList:
    """The model's own panels in a form that refuses a fact without its source."""
    return ObjectList(model.panels, base_form_class=form)


class IncidentViewSet(SnippetViewSet):
    model = Incident
    edit_handler = sourced(Incident, StatusSourcedForm)
    icon = "warning"
    list_display = ["title", "kind", "country", "start_date", "end_date", "status"]
    list_filter = ["kind", "status", "country", "services"]
    search_fields = ["title", "summary", "areas"]
    ordering = ["-start_date"]


class LegalCaseViewSet(SnippetViewSet):
    model = LegalCase
    edit_handler = sourced(LegalCase, StatusSourcedForm)
    icon = "folder-open-inverse"
    list_display = ["title", "court", "number_text", "status", "filed_on"]
    list_filter = ["court", "status"]
    search_fields = ["title", "subject", "petitioners_text", "respondents_text"]


class HearingViewSet(SnippetViewSet):
    model = Hearing
    edit_handler = sourced(Hearing, SourcedRecordForm)
    icon = "date"
    list_display = ["case", "date", "result", "next_date"]
    list_filter = ["case__court", "result"]
    search_fields = ["what_happened", "directions"]
    ordering = ["-date"]


class OrderViewSet(SnippetViewSet):
    model = Order
    edit_handler = sourced(Order, SourcedRecordForm)
    icon = "doc-full"
    list_display = ["title", "kind", "date", "case", "incident"]
    list_filter = ["kind"]
    search_fields = ["title", "summary", "reference_no"]
    ordering = ["-date"]


class StatementViewSet(SnippetViewSet):
    model = Statement
    edit_handler = sourced(Statement, SourcedRecordForm)
    icon = "openquote"
    list_display = ["title", "date", "signatory_count"]
    search_fields = ["title", "summary"]


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "pick"
    list_display = ["name", "hashtags", "start_date", "end_date"]
    search_fields = ["name", "hashtags"]


class StatusChangeViewSet(SnippetViewSet):
    model = StatusChange
    icon = "history"
    list_display = ["__str__", "date", "from_status", "to_status"]
    ordering = ["-date"]


class ConsolidationViewSet(SnippetViewSet):
    model = CaseConsolidation
    icon = "link"
    menu_label = "Cases heard together"
    list_display = ["case", "with_case", "heard_together_from", "separated_on"]


class CourtViewSet(SnippetViewSet):
    model = Court
    icon = "group"
    list_display = ["name", "short_name", "level", "jurisdiction"]
    list_filter = ["level", "jurisdiction"]
    search_fields = ["name", "short_name"]


class BenchViewSet(SnippetViewSet):
    model = Bench
    icon = "user"
    list_display = ["label", "court", "bench_type"]
    list_filter = ["court", "bench_type"]
    search_fields = ["label", "judges"]


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "user"
    list_display = ["name", "short_name", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "short_name"]


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "globe"
    list_display = ["name", "slug"]
    search_fields = ["name", "domains"]


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "site"
    list_display = ["name", "asn", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]


class LawViewSet(SnippetViewSet):
    model = Law
    icon = "doc-empty"
    list_display = ["title", "short_title", "year", "jurisdiction"]
    search_fields = ["title", "short_title"]


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "link-external"
    list_display = ["title", "publisher", "kind", "date", "url"]
    list_filter = ["kind"]
    search_fields = ["title", "url", "publisher"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class TrackerGroup(SnippetViewSetGroup):
    menu_label = "Tracker"
    menu_icon = "warning"
    menu_order = 260
    items = (
        IncidentViewSet,
        LegalCaseViewSet,
        HearingViewSet,
        OrderViewSet,
        ConsolidationViewSet,
        StatusChangeViewSet,
        StatementViewSet,
        CampaignViewSet,
        CourtViewSet,
        BenchViewSet,
        ActorViewSet,
        ServiceViewSet,
        NetworkViewSet,
        LawViewSet,
        SourceViewSet,
        CountryViewSet,
    )


register_snippet(TrackerGroup)


hooks.register(SEARCH_SOURCES, search.sources)
hooks.register(ARTICLE_ASIDES, article_records)
hooks.register(SITEMAPS, sitemaps.sitemaps)


register_admin_page(
    "Import STOP CSV",
    [
        path("tracker/import-stop/", import_view, name="tracker_import_stop"),
        path("tracker/import-stop/<int:pk>/", run_view, name="tracker_import_stop_run"),
        path(
            "tracker/import-stop/<int:pk>/progress/",
            progress_view,
            name="tracker_import_stop_progress",
        ),
        path(
            "tracker/import-stop/<int:pk>/rows-to-fix.csv",
            rejected_view,
            name="tracker_import_stop_rejected",
        ),
    ],
    shown_to=can_import,
    order=900,
)
