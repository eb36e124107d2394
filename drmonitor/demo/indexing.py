"""Index what a load saves once, at its end, rather than after every save."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

DISPATCH_UID = "demo-deferred-indexing"


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """Search and reference indexing of everything saved inside, done once on the way out.

    A new article is saved three times (tree insert, revision, publish) and each save would
    re-index it for search and for Wagtail's reference index; that was most of the load.
    Nothing is indexed when the block fails: its transaction is rolled back anyway.
    """
    searched = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    saved: dict[tuple[type, object], None] = {}

    def remember(sender, instance, raw=False, **kwargs) -> None:
        model = type(instance)
        if not raw and (model in searched or ReferenceIndex.is_indexed(model)):
            saved[(model, instance.pk)] = None

    post_save.connect(remember, weak=False, dispatch_uid=DISPATCH_UID)
    paused = [model for model in searched if post_save.disconnect(search_on_save, sender=model)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=DISPATCH_UID)
        for model in paused:
            post_save.connect(search_on_save, sender=model)
    for model, pk in saved:
        instance = model.objects.filter(pk=pk).first()
        if instance is None:
            continue
        if model in searched:
            search_index.insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(model):
            ReferenceIndex.create_or_update_for_object(instance)
