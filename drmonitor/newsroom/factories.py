"""Factories for newsroom tests (and for the search benchmark's 10,000 articles)."""

from __future__ import annotations

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from drmonitor.core.models import CustomImage
from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, Author, SectionPage


class ImageFactory(wagtail_factories.ImageFactory):
    """A picture Pillow draws on the spot, with the caption and credit our image model adds."""

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.django.ImageField(width=1200, height=675, color="steelblue")
    caption = ""
    credit = ""

    class Meta:
        model = CustomImage


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4 test document")


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


def full_story(home, **overrides) -> ArticlePage:
    """An article with every element the article page shows: "in DRM Exclusive, News".

    Tests of the article page, the page cache and the browser tests share it.
    """
    from datetime import timedelta

    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    news = SectionPage.objects.child_of(exclusive).get(slug="news")
    post_url = "https://x.com/drmonitor/status/1760000000000000000"
    # The post's oEmbed answer as Wagtail stores it after a fetch, so no test goes online.
    Embed.objects.get_or_create(
        hash=get_embed_hash(post_url),
        defaults={
            "url": post_url,
            "type": "rich",
            "html": '<blockquote class="x-post">A post about the X ban, stored</blockquote>',
            "provider_name": "X",
            "title": "A post",
        },
    )
    photo = ImageFactory(title="Portrait of Ayesha Khan")
    ayesha = AuthorFactory(
        name="Ayesha Khan",
        slug="ayesha-khan",
        photo=photo,
        bio="<p>Ayesha covers courts and connectivity.</p>",
    )
    drm = AuthorFactory(name="DRM", slug="drm", role="House byline")
    featured = ImageFactory(
        title="Protesters hold phones aloft",
        caption="Readers protest the suspension of X in Islamabad.",
        credit="Illustration: DRM",
    )
    inline = ImageFactory(title="A screenshot of the notice", caption="The notice as served")
    document = DocumentFactory(title="Court order of 20 March")
    when = overrides.pop("date_published", timezone.now() - timedelta(days=2))
    fields = {
        "title": "Court hears petition against the X ban",
        "slug": "court-hears-petition-against-x-ban",
        "standfirst": "The high court asked the ministry to explain the suspension.",
        "date_published": when,
        "featured_image": featured,
        "body": [
            ("paragraph", RichText("<p>The hearing opened with the petitioner's counsel.</p>")),
            ("heading", "What the ministry said"),
            ("image", {"image": inline, "caption": "", "credit": "Screenshot: DRM"}),
            ("quote", {"quote": "Access is a right, not a favour.", "attribution": "Counsel"}),
            ("embed", {"embed": post_url, "caption": "The post that started it"}),
            ("embed", {"embed": "https://video.example.org/watch/42", "caption": ""}),
            ("document", {"document": document, "title": ""}),
        ],
    }
    fields.update(overrides)
    story = ArticlePageFactory(
        parent=exclusive, authors=[ayesha, drm], tag_names=["X ban", "Courts"], **fields
    )
    story.extra_sections.add(news)
    story.save_revision().publish()
    return story
