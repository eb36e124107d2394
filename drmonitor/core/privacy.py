"""Skip the per-request check for private pages while no page is private.

Wagtail looks up the view restrictions of a page and all its ancestors on every request it
serves: two queries, on a site that has no private pages at all. Whether any restriction
exists is kept under the content generation, which changes when one is added or removed, so the
check comes back the moment an editor makes a page private.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import PageViewRestriction

from drmonitor.core.fragments import cached_value


def any_view_restriction() -> bool:
    return bool(cached_value("any-view-restriction", PageViewRestriction.objects.exists))


class ViewRestrictionShortcut:
    """A page mixin: no restriction query while the site has no private page."""

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
