"""A page's view restrictions in one query, never cached.

Wagtail asks for a page's ancestors, then for their restrictions: two queries on every page it
serves. The ancestors' tree paths are the prefixes of the page's own, so one query finds the
restrictions of the page, of its ancestors and of the pages any of them is an alias of. Nothing
is kept, so a restriction takes effect at once however it was written.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.models import PageViewRestriction


class ViewRestrictionsInOneQuery:
    """A page mixin (before `Page` in the bases)."""

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()
