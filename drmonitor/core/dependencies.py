"""The dependency keys of what core holds: site settings, sites, images.

Registered by CoreConfig.ready(); see core/caching/invalidation.py for how keys go stale.
"""

from __future__ import annotations

from wagtail.models import Page, ReferenceIndex, Site

from drmonitor.core.caching import invalidation, keys
from drmonitor.core.models import CustomImage, SiteSettings


def image_keys(image: CustomImage) -> list[str]:
    """An image, and what shows it: pages (featured or in their text), authors' photos."""
    found = [keys.image(image.pk)]
    references = ReferenceIndex.get_references_to(image).select_related(
        "content_type", "base_content_type"
    )
    for reference in references:
        base = reference.base_content_type.model_class()
        if base is not None and issubclass(base, Page):
            found.append(keys.page(reference.object_id))
        else:
            kind = reference.content_type
            found.append(keys.record(f"{kind.app_label}.{kind.model}", reference.object_id))
    return found


def register() -> None:
    invalidation.register(SiteSettings, lambda settings: [keys.SETTINGS])
    invalidation.register(Site, lambda site: [keys.SITES])
    invalidation.register(CustomImage, image_keys)
