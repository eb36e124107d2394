from django import template

from drmonitor.tracker.models import Follow
from drmonitor.tracker.timeline import KINDS, axis

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
    return axis(events)


@register.simple_tag
def timeline_kinds(events) -> list[tuple[str, str]]:
    """The kinds present, in the timeline's own order, for the drawing's legend."""
    present = {e.kind for e in events}
    return [(kind, label) for kind, label in KINDS.items() if kind in present]
