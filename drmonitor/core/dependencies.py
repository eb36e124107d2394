"""The dependency keys of what core holds: site settings, sites, images.

Registered by CoreConfig.ready(); see core/caching/invalidation.py for how keys go stale.
"""

from __future__ import annotations

from wagtail.models import Page, ReferenceIndex, Site

from drmonitor.core.caching import invalidation, keys
from drmonitor.core.models import CustomImage, SiteSettings


def images_keys(images: list[CustomImage]) -> set[str]:
    """Images, and what shows them: pages (featured or in their text), authors' photos."""
    found = {keys.image(image.pk) for image in images}
    references = ReferenceIndex.get_references_to_in_bulk(images).select_related(
        "content_type", "base_content_type"
    )
    for reference in references:
        base = reference.base_content_type.model_class()
        if base is not None and issubclass(base, Page):
            found.add(keys.page(reference.object_id))
        else:
            kind = reference.content_type
            found.add(keys.record(f"{kind.app_label}.{kind.model}", reference.object_id))
    return found


def register() -> None:
    invalidation.register(SiteSettings, lambda settings: [keys.SETTINGS])
    invalidation.register(Site, lambda site: [keys.SITES])
    invalidation.register_many(CustomImage, images_keys)
