"""Factories for newsroom tests (and for the search benchmark's 10,000 articles)."""

from __future__ import annotations

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, Author, SectionPage


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    role = "Reporter"

    class Meta:
        model = Author


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    show_in_menus = True

    class Meta:
        model = SectionPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    standfirst = "A short account of what happened."
    date_published = factory.LazyFunction(timezone.now)

    class Meta:
        model = ArticlePage

    @factory.post_generation
    def body_text(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's convention
        """`body_text="..."` sets a one-paragraph body."""
        if extracted:
            obj.body = [("paragraph", RichText(f"<p>{extracted}</p>"))]
            if create:
                obj.save_revision().publish()

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):  # noqa: N805
        for position, author in enumerate(extracted or []):
            ArticleAuthor.objects.create(article=obj, author=author, sort_order=position)

    @factory.post_generation
    def tag_names(obj, create, extracted, **kwargs):  # noqa: N805
        if extracted:
            obj.tags.add(*extracted)
            if create:
                obj.save_revision().publish()
