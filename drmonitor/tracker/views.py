"""The tracker's public pages: lists with filters, one page per incident, case, service, actor.

Their cache policy is the site's (core/caching): anonymous readers get them from the page
cache, signed-in readers (who see their own follow buttons) get them fresh. Every tracker page
shows the tracker's records and goes stale with any of them (tracker/keys.py), and at midnight,
since tracker pages count days and list what is still to come (`records_page`).
"""

from __future__ import annotations

from functools import wraps

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from drmonitor.core.caching import depends_on, depends_on_today
from drmonitor.tracker import citation, keys
from drmonitor.tracker.filters import CaseFilter, IncidentFilter, bound
from drmonitor.tracker.history import record_changes
from drmonitor.tracker.models import Actor, Follow, Hearing, Incident, LegalCase, Service
from drmonitor.tracker.timeline import case_timeline, incident_timeline

PER_PAGE = 20


def records_page(view):
    """A page, feed or calendar of the tracker: stale with any record, and at midnight."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        depends_on(keys.RECORDS)
        depends_on_today()
        return view(request, *args, **kwargs)

    return wrapper


def _page(request, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _filtered_list(
    request,
    template: str,
    filter_class: type[IncidentFilter | CaseFilter],
    records: QuerySet,
    description: str,
):
    """A list page: the records the query string's filters let through, a page at a time."""
    form = bound(filter_class, request.GET)
    records = form.filter(records)
    return render(
        request,
        template,
        {
            "form": form,
            "page_obj": _page(request, records),
            "query": _query_without_page(request),
            "total": records.count(),
            "description": description,
        },
    )


def _described(request, template: str, description: str, **context) -> HttpResponse:
    """A tracker page with its own meta description (core/includes/meta.html reads it)."""
    return render(request, f"tracker/{template}.html", {"description": description, **context})


def _record_page(
    request, kind: str, record: Incident | LegalCase, description: str, **context
) -> HttpResponse:
    """An incident's or a case's page: its timeline, its public changes and the reader's follow
    button. `following` is None for anonymous readers (no button state to leak into a shared
    cache)."""
    following = None
    if request.user.is_authenticated:
        following = Follow.objects.filter(user=request.user, **{kind: record}).exists()
    timeline = incident_timeline if kind == "incident" else case_timeline
    return _described(
        request,
        f"{kind}_detail",
        description,
        **{kind: record},
        events=timeline(record),
        changes=record_changes(record),
        following=following,
        follow_target=kind,
        **context,
    )


@records_page
def incident_list(request):
    incidents = Incident.objects.select_related("country").prefetch_related("services")
    return _filtered_list(
        request,
        "tracker/incident_list.html",
        IncidentFilter,
        incidents,
        "Internet shutdowns, platform blocks and other incidents in Pakistan, as Digital Rights "
        "Monitor's evidence desk records them: dates, orders, court cases and day counts.",
    )


@records_page
def incident_detail(request, slug):
    incident = get_object_or_404(
        Incident.objects.select_related("country", "decision_maker"), slug=slug
    )
    today = timezone.localdate()
    return _record_page(
        request,
        "incident",
        incident,
        incident.summary or f"{incident.title}: the record and its timeline.",
        today=today,
        days=incident.duration_days(today),
        cases=incident.cases.select_related("court").prefetch_related("numbers"),
        orders=incident.orders.published()
        .select_related("issued_by", "document")
        .prefetch_related("sources"),
    )


@records_page
def case_list(request):
    cases = (
        LegalCase.objects.select_related("court")
        .prefetch_related("numbers")
        .annotate(hearing_count=Count("hearings", filter=Q(hearings__live=True)))
        .order_by("court__name", "-filed_on", "title")
    )
    return _filtered_list(
        request,
        "tracker/case_list.html",
        CaseFilter,
        cases,
        "The digital-rights cases in Pakistan's courts that Digital Rights Monitor follows: "
        "petitions, parties, hearings and orders.",
    )


@records_page
def case_detail(request, slug):
    case = get_object_or_404(
        LegalCase.objects.select_related("court", "bench").prefetch_related("numbers"), slug=slug
    )
    return _record_page(
        request,
        "case",
        case,
        case.subject or f"{case.title}, before the {case.court.name}.",
        hearings=case.hearings.published()
        .select_related("bench", "article")
        .prefetch_related("sources"),
        orders=case.orders.published()
        .select_related("hearing", "document")
        .prefetch_related("sources"),
        consolidations=case.consolidations.select_related("with_case"),
        consolidated_into=case.consolidated_into.select_related("case"),
    )


@records_page
def upcoming_hearings(request):
    return _described(
        request,
        "upcoming_hearings",
        "The next hearings in the digital-rights cases Digital Rights Monitor follows, by date, "
        "with their courts and benches.",
        hearings=Hearing.objects.upcoming(),
    )


@records_page
def service_list(request):
    services = Service.objects.annotate(
        incident_count=Count("incidents"),
        ongoing_count=Count("incidents", filter=Q(incidents__status="Ongoing")),
    )
    return _described(
        request,
        "service_list",
        "The platforms and networks blocked or cut off in Pakistan, with how many incidents "
        "each has had and how many are ongoing.",
        services=services,
    )


@records_page
def service_detail(request, slug):
    service = get_object_or_404(Service, slug=slug)
    incidents = service.incidents.select_related("country")
    description = (
        f"Every incident Digital Rights Monitor records that affected {service.name}: blocks, "
        "throttling and shutdowns, newest first."
    )
    return _described(
        request,
        "service_detail",
        description,
        service=service,
        page_obj=_page(request, incidents),
        query="",
    )


@records_page
def actor_list(request):
    return _described(
        request,
        "actor_list",
        "The regulators, ministries, courts, companies and groups behind the incidents and cases "
        "Digital Rights Monitor records.",
        actors=Actor.objects.order_by("kind", "name"),
    )


@records_page
def actor_detail(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    return _described(
        request,
        "actor_detail",
        actor.description or f"{actor}: the incidents, cases, orders and statements it is part of.",
        actor=actor,
        ordered=actor.incidents_ordered.all(),
        decided=actor.incidents_decided.all(),
        as_petitioner=actor.cases_as_petitioner.select_related("court"),
        as_respondent=actor.cases_as_respondent.select_related("court"),
        statements=actor.statements.all(),
        campaigns=actor.campaigns.all(),
        orders=actor.orders.all(),
    )


CITATION_FORMATS = {
    "bib": (citation.bibtex, "application/x-bibtex; charset=utf-8"),
    "json": (citation.csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


def _cite(request, record: Incident | LegalCase, fmt: str) -> HttpResponse:
    write, content_type = CITATION_FORMATS[fmt]
    url = request.build_absolute_uri(record.get_absolute_url())
    response = HttpResponse(write(record, url, timezone.localdate()), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="drm-{record.slug}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@records_page
def cite_incident(request, slug, fmt):
    """ "Cite this record": the incident as BibTeX (`.bib`) or CSL-JSON (`.json`)."""
    return _cite(request, get_object_or_404(Incident, slug=slug), fmt)


@records_page
def cite_case(request, slug, fmt):
    return _cite(
        request, get_object_or_404(LegalCase.objects.select_related("court"), slug=slug), fmt
    )
