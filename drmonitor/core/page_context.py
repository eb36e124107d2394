"""What a page's template gets besides the page itself, built in one place.

A page class says what it adds with `own_context(context)`; `PageContext.get_context` asks
every class of the page's ancestry that defines one, base classes first, so no page overrides
`get_context`, calls `super()` or repeats what its bases add. What the added variables show is
named with `core.caching.depends_on()` where they are read, as anywhere else, so the page
cache knows what makes the page stale.
"""

from __future__ import annotations

from typing import Any

type Context = dict[str, Any]


class PageContext:
    """Mixin for page models, before `Page` among the bases.

    `own_context(self, context)`, defined on any class of a page's ancestry (a page type or a
    mixin), is given the context so far (Wagtail's `page` and `request`, then what the base
    classes added) and returns the variables it adds. A class that wants a base's variables
    built differently overrides the method that base builds them with, not the context.
    """

    def get_context(self, request, *args, **kwargs) -> Context:
        context = super().get_context(request, *args, **kwargs)
        for ancestor in reversed(type(self).__mro__):
            own_context = vars(ancestor).get("own_context")
            if own_context is not None:
                context.update(own_context(self, context))
        return context
