"""Factories for campaign and statement pages; their records come from the tracker's."""

from __future__ import annotations

import factory
import wagtail_factories

from drmonitor.advocacy.models import CampaignPage, Signatory, StatementPage
from drmonitor.newsroom.factories import ArticlePageFactory
from drmonitor.tracker.factories import StatementFactory


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"#Campaign{n}")
    show_in_menus = True

    class Meta:
        model = CampaignPage


class StatementPageFactory(ArticlePageFactory):
    title = factory.Sequence(lambda n: f"Joint statement {n}")
    statement = factory.SubFactory(StatementFactory)

    class Meta:
        model = StatementPage
        skip_postgeneration_save = True

    @factory.post_generation
    def signatories(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's convention
        """`signatories=[("Group A", "organisation"), ("A. Person", "individual")]`."""
        for position, (name, kind) in enumerate(extracted or []):
            Signatory.objects.create(page=obj, name=name, kind=kind, sort_order=position)
