"""Index what a load or an import saves once, at its end, rather than after every save."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends
from modelsearch.conf import get_app_config
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from drmonitor.core.framework_internals import references_to_index

DISPATCH_UID = "deferred-indexing"
CHUNK = 200

# What the innermost `indexing_deferred()` block will index on its way out: model -> pks.
_deferred: list[dict[type, dict[object, None]]] = []


@contextmanager
def indexing_deferred() -> Iterator[Callable[[Iterable], None]]:
    """Search and reference indexing of everything saved inside, done once on the way out.

    A new article is saved three times (tree insert, revision, publish) and each save would
    re-index it for search and for Wagtail's reference index; that was most of a demo load
    or an import. On the way out each saved object is indexed once, a few hundred objects of
    a model to one search-backend call. Nothing is indexed when the block fails: its
    transaction is rolled back anyway.

    Search indexing is paused for the whole process (the backends' AUTO_UPDATE), not only
    for this block's thread: run imports in a command or the background worker, never inside
    a web request.
    """
    searched = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    saved: dict[type, dict[object, None]] = defaultdict(dict)
    _deferred.append(saved)

    def remember(sender, instance, raw=False, **kwargs) -> None:
        model = type(instance)
        if not raw and (model in searched or ReferenceIndex.is_indexed(model)):
            saved[model][instance.pk] = None

    def written(instances: Iterable) -> None:
        for instance in instances:
            remember(type(instance), instance)

    post_save.connect(remember, weak=False, dispatch_uid=DISPATCH_UID)
    paused = [model for model in searched if post_save.disconnect(search_on_save, sender=model)]
    # Saves that index themselves (an article re-indexes once its authors are stored) ask
    # for the backends that update automatically: none, for now.
    backends = get_app_config().get_search_backend_config()
    automatic = {name: config.get("AUTO_UPDATE", True) for name, config in backends.items()}
    for config in backends.values():
        config["AUTO_UPDATE"] = False
    try:
        with disable_reference_index_auto_update():
            yield written
    finally:
        _deferred.pop()
        post_save.disconnect(dispatch_uid=DISPATCH_UID)
        for model in paused:
            post_save.connect(search_on_save, sender=model)
        for name, value in automatic.items():
            backends[name]["AUTO_UPDATE"] = value
    for model, pks in saved.items():
        _index(model, list(pks), model in searched)


def saved_in_bulk(model: type, pks: list) -> None:
    """Objects written without their save signals (a bulk insert): index them as if saved,
    at the end of the enclosing `indexing_deferred()` block."""
    if not _deferred:
        raise RuntimeError("saved_in_bulk() outside indexing_deferred()")
    _deferred[-1][model].update(dict.fromkeys(pks))


def _index(model: type, pks: list, searched: bool) -> None:
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        if searched:
            found = list(model.get_indexed_objects().filter(pk__in=chunk))
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, found)
        if ReferenceIndex.is_indexed(model):
            _index_references(model, chunk)


def _index_references(model: type, pks: list) -> None:
    """Objects with no reference-index rows yet (new ones) get theirs in one insert; the
    others are updated one by one, as Wagtail does."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    indexed = set(
        ReferenceIndex.objects.filter(content_type=content_type, object_id__in=pks)
        .values_list("object_id", flat=True)
        .distinct()
    )
    new_rows = []
    for instance in model.objects.filter(pk__in=pks):
        if str(instance.pk) in indexed:
            ReferenceIndex.create_or_update_for_object(instance)
        else:
            new_rows += references_to_index(instance)
    ReferenceIndex.objects.bulk_create(new_rows, ignore_conflicts=True)
