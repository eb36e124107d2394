"""What the evidence desk shows on the newsroom's pages: the front page's panel, and the box
under an article that the tracker cites (added through newsroom's article-asides hook)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from drmonitor.core.caching import depends_on, depends_on_today, keep
from drmonitor.tracker import keys
from drmonitor.tracker.models import Hearing, Incident, LegalCase
from drmonitor.tracker.vocab import IncidentStatus

EVIDENCE_DESK_SIZE = 4


def evidence_desk() -> dict:
    """What is blocked or shut down right now, and the next hearings, for the front page."""
    depends_on(keys.RECORDS)
    depends_on_today()  # it counts the days since each incident began
    today = timezone.localdate()
    ongoing = (
        Incident.objects.published()
        .filter(status=IncidentStatus.ONGOING, end_date__isnull=True)
        .order_by("start_date")[:EVIDENCE_DESK_SIZE]
    )
    return {
        "ongoing_incidents": [(incident, incident.duration_days(today)) for incident in ongoing],
        "upcoming_hearings": Hearing.objects.upcoming()[:EVIDENCE_DESK_SIZE],
    }


def _cited_articles() -> frozenset[int]:
    """Every article a hearing, incident or case cites. Most articles are cited by none: the
    article page asks the three tables only for an article that is in this set."""
    ids = set(
        Hearing.objects.published().exclude(article=None).values_list("article_id", flat=True)
    )
    ids.update(
        Incident.articles.through.objects.filter(incident__live=True).values_list(
            "articlepage_id", flat=True
        )
    )
    ids.update(
        LegalCase.articles.through.objects.filter(legalcase__live=True).values_list(
            "articlepage_id", flat=True
        )
    )
    return frozenset(ids)


def article_records(article, request: HttpRequest | None) -> str:
    """The "In the tracker" box under an article, or "" when no record cites it."""
    depends_on(keys.records_citing(article.pk))
    cited = keep("articles-in-tracker", _cited_articles, depends=[keys.CITATIONS], propagate=False)
    if article.pk not in cited:
        return ""
    return render_to_string(
        "tracker/includes/article_records.html", {"article": article}, request=request
    )
