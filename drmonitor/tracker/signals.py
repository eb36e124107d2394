"""When a hearing, a status change or a linked article appears, queue e-mails to followers.

The rows are written after the editor's transaction commits, so a rolled-back edit notifies
no one; sending is left to the worker. A hearing counts once it is public: a reporter's draft
tells no one, its publication (Wagtail's `published` signal) does. An incident's or a case's
draft writes nothing to its row or its links, so its status change (a StatusChange) and its
newly linked articles reach followers when it is published, once.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, published

from drmonitor.tracker import notifications
from drmonitor.tracker.models import Hearing, Incident, LegalCase, StatusChange


@receiver(post_save, sender=Hearing, dispatch_uid="tracker_hearing_added")
def hearing_added(sender, instance: Hearing, created: bool, raw=False, **kwargs):
    if raw or not instance.live:
        return
    if created:
        transaction.on_commit(partial(notifications.notify_hearing, instance))
    elif instance.article_id:
        transaction.on_commit(partial(notifications.notify_article, instance.article))


@receiver(published, sender=Hearing, dispatch_uid="tracker_hearing_published")
def hearing_published(sender, instance: Hearing, **kwargs):
    """A hearing published from the admin (new, or a reviewed draft): followers hear of it once
    (the change key is the hearing's)."""
    transaction.on_commit(partial(notifications.notify_hearing, instance))


@receiver(post_save, sender=StatusChange, dispatch_uid="tracker_status_changed")
def status_changed(sender, instance: StatusChange, created: bool, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(partial(notifications.notify_status, instance))


@receiver(page_published, dispatch_uid="tracker_article_published")
def article_published(sender, instance, **kwargs):
    from drmonitor.newsroom.models import ArticlePage

    if isinstance(instance, ArticlePage):
        transaction.on_commit(partial(notifications.notify_article, instance))


def _articles_linked(sender, instance, action, pk_set, reverse=False, **kwargs):
    """An already published article newly linked to a record counts as published for it."""
    if action != "post_add" or not pk_set:
        return
    from drmonitor.newsroom.models import ArticlePage

    if reverse:  # article.tracker_incidents.add(...): instance is the article
        articles = [instance]
    else:
        articles = list(ArticlePage.objects.filter(pk__in=pk_set).live())
    for article in articles:
        transaction.on_commit(partial(notifications.notify_article, article))


m2m_changed.connect(
    _articles_linked, sender=Incident.articles.through, dispatch_uid="tracker_incident_articles"
)
m2m_changed.connect(
    _articles_linked, sender=LegalCase.articles.through, dispatch_uid="tracker_case_articles"
)
