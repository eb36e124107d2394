"""The tracker's public pages: lists with filters, one page per incident, case, service, actor.

These are plain Django views, outside the Wagtail page cache. Anonymous responses may be cached
briefly by browsers and proxies; signed-in readers see their own follow buttons, so theirs are
private.
"""

from __future__ import annotations

from functools import wraps

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from drmonitor.tracker.filters import CaseFilter, IncidentFilter, bound
from drmonitor.tracker.models import Actor, Follow, Hearing, Incident, LegalCase, Service
from drmonitor.tracker.timeline import case_timeline, incident_timeline

PER_PAGE = 20
PUBLIC_MAX_AGE = 60


def reader_cache(view):
    """Public for anonymous readers (short max-age), private and uncached for signed-in ones."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


def _page(request, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _follow_state(request, **target) -> bool | None:
    """None for anonymous readers (no button state to leak into a shared cache)."""
    if not request.user.is_authenticated:
        return None
    return Follow.objects.filter(user=request.user, **target).exists()


@reader_cache
def incident_list(request):
    form = bound(IncidentFilter, request.GET)
    incidents = form.filter(Incident.objects.select_related("country").prefetch_related("services"))
    return render(
        request,
        "tracker/incident_list.html",
        {
            "form": form,
            "page_obj": _page(request, incidents),
            "query": _query_without_page(request),
            "total": incidents.count(),
        },
    )


@reader_cache
def incident_detail(request, slug):
    incident = get_object_or_404(
        Incident.objects.select_related("country", "decision_maker"), slug=slug
    )
    today = timezone.localdate()
    return render(
        request,
        "tracker/incident_detail.html",
        {
            "incident": incident,
            "events": incident_timeline(incident),
            "today": today,
            "days": incident.duration_days(today),
            "cases": incident.cases.select_related("court").prefetch_related("numbers"),
            "orders": incident.orders.select_related("issued_by", "document"),
            "following": _follow_state(request, incident=incident),
            "follow_target": "incident",
        },
    )


@reader_cache
def case_list(request):
    form = bound(CaseFilter, request.GET)
    cases = form.filter(
        LegalCase.objects.select_related("court")
        .prefetch_related("numbers")
        .annotate(hearing_count=Count("hearings"))
        .order_by("court__name", "-filed_on", "title")
    )
    return render(
        request,
        "tracker/case_list.html",
        {
            "form": form,
            "page_obj": _page(request, cases),
            "query": _query_without_page(request),
            "total": cases.count(),
        },
    )


@reader_cache
def case_detail(request, slug):
    case = get_object_or_404(
        LegalCase.objects.select_related("court", "bench").prefetch_related("numbers"), slug=slug
    )
    return render(
        request,
        "tracker/case_detail.html",
        {
            "case": case,
            "events": case_timeline(case),
            "hearings": case.hearings.select_related("bench", "article").prefetch_related(
                "sources", "orders"
            ),
            "orders": case.orders.select_related("hearing", "document").prefetch_related("sources"),
            "consolidations": case.consolidations.select_related("with_case"),
            "consolidated_into": case.consolidated_into.select_related("case"),
            "following": _follow_state(request, case=case),
            "follow_target": "case",
        },
    )


def upcoming_hearings_queryset():
    return (
        Hearing.objects.filter(date__gte=timezone.localdate())
        .select_related("case__court", "bench")
        .order_by("date", "case__court__name")
    )


@reader_cache
def upcoming_hearings(request):
    return render(
        request,
        "tracker/upcoming_hearings.html",
        {"hearings": upcoming_hearings_queryset()},
    )


@reader_cache
def service_list(request):
    services = Service.objects.annotate(
        incident_count=Count("incidents"),
        ongoing_count=Count("incidents", filter=Q(incidents__status="Ongoing")),
    )
    return render(request, "tracker/service_list.html", {"services": services})


@reader_cache
def service_detail(request, slug):
    service = get_object_or_404(Service, slug=slug)
    incidents = service.incidents.select_related("country")
    return render(
        request,
        "tracker/service_detail.html",
        {"service": service, "page_obj": _page(request, incidents), "query": ""},
    )


@reader_cache
def actor_list(request):
    actors = Actor.objects.order_by("kind", "name")
    return render(request, "tracker/actor_list.html", {"actors": actors})


@reader_cache
def actor_detail(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    return render(
        request,
        "tracker/actor_detail.html",
        {
            "actor": actor,
            "ordered": actor.incidents_ordered.all(),
            "decided": actor.incidents_decided.all(),
            "as_petitioner": actor.cases_as_petitioner.select_related("court"),
            "as_respondent": actor.cases_as_respondent.select_related("court"),
            "statements": actor.statements.all(),
            "campaigns": actor.campaigns.all(),
            "orders": actor.orders.all(),
        },
    )
