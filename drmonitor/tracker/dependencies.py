"""Which keys a write to the evidence desk makes stale (registered by TrackerConfig.ready()).

Follows and notifications are readers' own and change no page, so they are not listed.
"""

from __future__ import annotations

from django.apps import apps
from wagtail.models import Site

from drmonitor.core.caching import frontend, invalidation
from drmonitor.core.caching import keys as core_keys
from drmonitor.newsroom.models import ArticlePage
from drmonitor.tracker import keys
from drmonitor.tracker.models import Follow, Hearing, Incident, LegalCase, Notification


def record_models() -> list[type]:
    """Every model of the tracker is a record its pages show, but readers' own follows and
    notifications."""
    tracker = apps.get_app_config("tracker")
    return [model for model in tracker.get_models() if model not in (Follow, Notification)]


def record_keys(record) -> list[str]:
    """All tracker pages, and the record's own (for the front-end cache, see below)."""
    return [keys.RECORDS, core_keys.record(record._meta.label_lower, record.pk)]


def citing_keys(record: Incident | LegalCase | Hearing) -> list[str]:
    """A record that cites articles: the lists under each of them, as stored now."""
    if isinstance(record, Hearing):
        cited = Hearing.objects.filter(pk=record.pk).exclude(article=None)
        article_ids = cited.values_list("article_id", flat=True)
    else:
        article_ids = (
            type(record)
            .articles.through.objects.filter(**{f"{type(record)._meta.model_name}_id": record.pk})
            .values_list("articlepage_id", flat=True)
        )
    return [keys.CITATIONS, *map(keys.records_citing, article_ids)]


def cited_articles_keys(articles: list[ArticlePage]) -> list[str]:
    """An article the tracker cites is shown (title, link) on the tracker's pages."""
    pks = [article.pk for article in articles]
    cited = (
        Hearing.objects.filter(article__in=pks).exists()
        or Incident.articles.through.objects.filter(articlepage_id__in=pks).exists()
        or LegalCase.articles.through.objects.filter(articlepage_id__in=pks).exists()
    )
    return [keys.RECORDS] if cited else []


def register() -> None:
    for model in record_models():
        invalidation.register(model, record_keys)
    for model in (Incident, LegalCase, Hearing):
        invalidation.register(model, citing_keys)
    invalidation.register_many(ArticlePage, cited_articles_keys)
    frontend.register_urls(keys.RECORDS, _tracker_urls)
    frontend.register_urls("tracker.", _record_urls)


def _tracker_urls(key: str) -> list[str]:
    """The front page's evidence desk and the tracker's lists; a record's own page, feeds and
    calendars expire within DRM_FRONT_CACHE_SECONDS."""
    paths = ("/", "/incidents/", "/cases/", "/hearings/upcoming/", "/services/", "/actors/")
    return [f"{site.root_url}{path}" for site in Site.objects.all() for path in paths]


def _record_urls(key: str) -> list[str]:
    """A record's own page, when it has one (incidents, cases, services, actors)."""
    label, _, pk = key.partition(":")
    model = next((m for m in record_models() if m._meta.label_lower == label), None)
    record = model.objects.filter(pk=pk).first() if model is not None else None
    if record is None or not hasattr(record, "get_absolute_url"):
        return []
    path = record.get_absolute_url()
    return [f"{site.root_url}{path}" for site in Site.objects.all() if "#" not in path]
