"""Which keys a write to a media file or a document makes stale (registered by
MediaConfig.ready()): the file's own key, and every page that shows it, found through
Wagtail's reference index as core does for images."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtailmedia.models import get_media_model

from drmonitor.core.caching import invalidation
from drmonitor.core.caching import keys as core_keys
from drmonitor.media import keys


def _with_pages(own_key: Callable[[int], str]) -> Callable[[Model], list[str]]:
    def keys_of(obj: Model) -> list[str]:
        found = [own_key(obj.pk)]
        for reference in ReferenceIndex.get_references_to(obj).select_related("base_content_type"):
            base = reference.base_content_type.model_class()
            if base is not None and issubclass(base, Page):
                found.append(core_keys.page(int(reference.object_id)))
        return found

    return keys_of


def register() -> None:
    invalidation.register(get_media_model(), _with_pages(keys.recording))
    invalidation.register(get_document_model(), _with_pages(keys.document))
