"""The evidence desk's place in Wagtail: every record is a snippet under one "Tracker" menu,
the "Import STOP CSV" page (tracker/stop/admin_views.py) has its own menu item, the records
join the site search, and articles they cite show what cites them."""

from django.db import models
from django.db.models import Model
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.query_utils import DeferredAttribute
from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from drmonitor.core.admin_menu import register_admin_page
from drmonitor.newsroom.hooks import ARTICLE_ASIDES, SEARCH_SOURCES, SITEMAPS
from drmonitor.tracker import models as tracker
from drmonitor.tracker import search, sitemaps
from drmonitor.tracker.forms import form_for
from drmonitor.tracker.models.review import AS_PUBLISHED
from drmonitor.tracker.panels import article_records
from drmonitor.tracker.stop.admin_views import (
    can_import,
    import_view,
    progress_view,
    rejected_view,
    run_view,
)


def records(
    model: type[Model],
    icon: str,
    display: list[str],
    *,
    filters: tuple[str, ...] = (),
    search: tuple[str, ...] = (),
    ordering: str | None = None,
    label: str | None = None,
) -> type[SnippetViewSet]:
    """One record type's listing in the Tracker menu: the columns `display`, searched by the
    text among them and by `search`, filtered by the categories among them (choices and links
    to other records) and by `filters`. Its edit view refuses a fact without its source where
    the record type needs one (`forms.form_for`)."""
    shown = [
        model._meta.get_field(name)
        for name in display
        if isinstance(getattr(model, name, None), DeferredAttribute | ForwardManyToOneDescriptor)
    ]
    attributes = {
        "model": model,
        "icon": icon,
        "list_display": display,
        "list_filter": [
            *(field.name for field in shown if field.choices or field.many_to_one),
            *filters,
        ],
        "search_fields": [
            *(field.name for field in shown if not field.choices and _is_text(field)),
            *search,
        ],
        # The database, not the search index, so every column named here is searched (the
        # index holds only what site search needs, and answers an unindexed column with 503).
        "search_backend_name": None,
        "ordering": [ordering] if ordering else [],
    }
    form = form_for(model)
    if form:
        attributes["edit_handler"] = ObjectList(model.panels, base_form_class=form)
    if label:
        attributes["menu_label"] = label
    return type(f"{model.__name__}ViewSet", (SnippetViewSet,), attributes)


def _is_text(field) -> bool:
    return isinstance(field, models.CharField | models.TextField)


class TrackerGroup(SnippetViewSetGroup):
    menu_label = "Tracker"
    menu_icon = "warning"
    menu_order = 260
    items = (
        records(
            tracker.Incident,
            "warning",
            ["title", "kind", "country", "start_date", "end_date", "status"],
            filters=("services",),
            search=("summary", "areas"),
        ),
        records(
            tracker.LegalCase,
            "folder-open-inverse",
            ["title", "court", "number_text", "status", "filed_on"],
            search=("subject", "petitioners_text", "respondents_text"),
        ),
        records(
            tracker.Hearing,
            "date",
            ["case", "date", "result", "next_date"],
            filters=("case__court",),
            search=("what_happened", "directions"),
            ordering="-date",
        ),
        records(
            tracker.Order,
            "doc-full",
            ["title", "kind", "date", "case", "incident"],
            search=("summary", "reference_no", "document_text"),
            ordering="-date",
        ),
        records(
            tracker.CaseConsolidation,
            "link",
            ["case", "with_case", "heard_together_from", "separated_on"],
            label="Cases heard together",
        ),
        records(
            tracker.StatusChange,
            "history",
            ["__str__", "date", "from_status", "to_status"],
            ordering="-date",
        ),
        records(
            tracker.Statement,
            "openquote",
            ["title", "date", "signatory_count"],
            search=("summary",),
        ),
        records(tracker.Campaign, "pick", ["name", "hashtags", "start_date", "end_date"]),
        records(tracker.Court, "group", ["name", "short_name", "level", "jurisdiction", "seat"]),
        records(tracker.Bench, "user", ["label", "court", "bench_type"], search=("judges",)),
        records(
            tracker.Actor,
            "user",
            ["name", "short_name", "kind", "country"],
            search=("description",),
        ),
        records(tracker.Service, "globe", ["name", "slug"], search=("domains",)),
        records(tracker.Network, "site", ["name", "asn", "kind", "country"]),
        records(tracker.Law, "doc-empty", ["title", "short_title", "year", "jurisdiction"]),
        records(tracker.Source, "link-external", ["title", "publisher", "kind", "date", "url"]),
        records(tracker.Country, "globe", ["name", "code"]),
    )


register_snippet(TrackerGroup)


hooks.register(SEARCH_SOURCES, search.sources)
hooks.register(ARTICLE_ASIDES, article_records)
hooks.register(SITEMAPS, sitemaps.sitemaps)


@hooks.register("register_log_actions")
def register_log_actions(actions) -> None:
    """Name the tracker's own log entry in the admin's history (see `models/review.py`)."""
    actions.register_action(
        AS_PUBLISHED, "Kept as published", "The version readers saw, kept before a change"
    )


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
