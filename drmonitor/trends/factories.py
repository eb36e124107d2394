"""Factories for Trends Monitor pages."""

from __future__ import annotations

import factory

from drmonitor.newsroom.factories import ArticlePageFactory
from drmonitor.trends.models import TrendPage


class TrendPageFactory(ArticlePageFactory):
    title = factory.Sequence(lambda n: f"Trend {n} examined")
    hashtag = factory.Sequence(lambda n: f"#Trend{n}")

    class Meta:
        model = TrendPage
        skip_postgeneration_save = True
