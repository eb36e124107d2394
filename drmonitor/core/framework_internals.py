"""The few private parts of Wagtail the site relies on, gathered so an upgrade finds them.

Each has no public equivalent; each is written against Wagtail 8.0 and has a test in
core/tests/test_framework_internals.py that fails when Wagtail moves it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.admin import signal_handlers
from wagtail.images.models import AbstractRendition
from wagtail.models import ReferenceIndex, Site, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

WRITTEN_AGAINST = "wagtail 8.0"


def set_request_site(request: HttpRequest, site: Site | None) -> None:
    """Give Wagtail the request's site, so `Site.find_for_request` asks no database.

    Wagtail 8.0 keeps the site it found in `request._wagtail_site` and reads it back from
    there; there is no public way to hand it one.
    """
    request._wagtail_site = site


def site_root_paths(request: HttpRequest | None) -> list:
    """Wagtail's site root paths (`Site.get_site_root_paths()`), read once per request.

    Wagtail 8.0's `Page.get_url(request)` keeps them on the request as
    `_wagtail_cached_site_root_paths`; reading and setting the same attribute shares them with
    every URL Wagtail works out for the same request.
    """
    if request is None:
        return Site.get_site_root_paths()
    try:
        return request._wagtail_cached_site_root_paths
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths


def mark_from_cache(rendition: AbstractRendition) -> None:
    """Tell `AbstractImage.get_renditions` not to write this rendition back to the cache.

    Wagtail 8.0 marks prefetched renditions with `_from_cache` and skips writing those back,
    but writes back every rendition it found in the cache itself, on every use.
    """
    rendition._from_cache = True


def references_to_index(instance) -> list[ReferenceIndex]:
    """The reference-index rows of an object that has none yet, unsaved, for one bulk insert.

    Wagtail 8.0's `ReferenceIndex.create_or_update_for_object` reads the object's existing
    rows and inserts its new ones, two queries an object; for thousands of new objects
    (an import) one insert for all does the same. It builds the rows from the private
    `_extract_references_from_object` and `_get_content_path_hash`, as this does.
    """
    content_types = [
        ContentType.objects.get_for_model(model_or_object, for_concrete_model=False)
        for model_or_object in [instance, *instance._meta.get_parent_list()]
    ]
    return [
        ReferenceIndex(
            content_type=content_types[0],
            base_content_type=content_types[-1],
            object_id=instance.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(instance)
        )
    ]


# Wagtail 8.0's "submitted for moderation" mails: the receivers wagtail.admin connects, by the
# dispatch_uid it connects them under (wagtail/admin/signal_handlers.py).
_SUBMISSION_MAILS = (
    (
        task_submitted,
        TaskState,
        signal_handlers.task_submission_email_notifier,
        "group_approval_task_submitted_email_notification",
    ),
    (
        workflow_submitted,
        WorkflowState,
        signal_handlers.workflow_submission_email_notifier,
        "workflow_state_submitted_email_notification",
    ),
)


@contextmanager
def submission_mail_held() -> Iterator[None]:
    """Workflows started inside send none of Wagtail's "submitted for moderation" mails.

    For a submission the site announces itself, in one mail of its own. Wagtail 8.0 has no
    setting for one submission: its receivers are disconnected, for the whole process, while
    inside, and connected again on the way out (as they were) whatever happens inside. Use it
    in a command or the background worker, never inside a web request.
    """
    held = [
        (signal, sender, receiver, uid)
        for signal, sender, receiver, uid in _SUBMISSION_MAILS
        if signal.disconnect(sender=sender, dispatch_uid=uid)
    ]
    try:
        yield
    finally:
        for signal, sender, receiver, uid in held:
            signal.connect(receiver, sender=sender, dispatch_uid=uid)
