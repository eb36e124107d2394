from django import template

from drmonitor.tracker.models import Follow

register = template.Library()


@register.simple_tag
def user_follows(user):
    """What a signed-in reader follows, for the profile page."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Follow.objects.filter(user=user).select_related("incident", "case__court"))


@register.filter
def days_label(days: int) -> str:
    return "less than a day" if days < 1 else ("1 day" if days == 1 else f"{days:,} days")


@register.simple_tag
def timeline_axis(events):
    from drmonitor.tracker.timeline import axis

    return axis(events)


@register.simple_tag
def timeline_kinds(events) -> list[tuple[str, str]]:
    """The kinds present, in the timeline's own order, for the drawing's legend."""
    from drmonitor.tracker.timeline import KINDS

    present = {e.kind for e in events}
    return [(kind, label) for kind, label in KINDS.items() if kind in present]


@register.simple_tag
def in_tracker(article) -> bool:
    """Whether any hearing, incident or case cites this article.

    Most articles are cited by none; the set of those that are is kept under the content
    generation, so the article page asks the three tables only for an article that is in it.
    """
    from drmonitor.core.fragments import cached_value
    from drmonitor.tracker.models import Hearing, Incident, LegalCase

    def cited() -> frozenset[int]:
        ids = set(Hearing.objects.exclude(article=None).values_list("article_id", flat=True))
        ids.update(Incident.articles.through.objects.values_list("articlepage_id", flat=True))
        ids.update(LegalCase.articles.through.objects.values_list("articlepage_id", flat=True))
        return frozenset(ids)

    return article.pk in cached_value("articles-in-tracker", cited)
