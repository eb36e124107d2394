"""Teaser pictures: the same markup as Wagtail's picture tag, from prefetched renditions."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext

from drmonitor.newsroom import teaser_images
from drmonitor.newsroom.factories import ArticlePageFactory, ImageFactory
from drmonitor.newsroom.models import SectionPage, teasers_for

pytestmark = pytest.mark.django_db

FORMATS = "format-{webp,jpeg}"
WAGTAIL_TAGS = {
    "teaser": f'fill-{{320x180,640x360}}-c50 {FORMATS} sizes="(min-width: 64em) 300px, '
    '(min-width: 40em) 45vw, 100vw" class="teaser__image" alt="" decoding="async" '
    'loading="lazy"',
    "lead": f'fill-{{480x270,800x450,1200x675}}-c50 {FORMATS} sizes="(min-width: 64em) 640px, '
    '100vw" class="teaser__image" alt="" decoding="async" fetchpriority="high"',
    "thumb": f'fill-{{96x72,192x144}}-c75 {FORMATS} sizes="96px" class="recent__thumb" alt="" '
    'decoding="async" loading="lazy"',
}


@pytest.mark.parametrize("style", sorted(WAGTAIL_TAGS))
def test_a_teaser_picture_is_what_srcset_image_writes(style):
    image = ImageFactory()
    ours = teaser_images.picture(image, style)  # makes the renditions it lacks
    wagtail = engines["django"].from_string(
        "{% load wagtailimages_tags %}{% picture image " + WAGTAIL_TAGS[style] + " %}"
    )
    assert ours == wagtail.render({"image": image})
    assert re.findall(r'type="([^"]*)"', ours) == ["image/webp"]
    assert re.search(r'<img[^>]* width="\d+"', ours) and re.search(r'<img[^>]* height="\d+"', ours)
    srcset = re.search(r'<img[^>]*srcset="([^"]*)"', ours).group(1)
    widths = [entry.split()[1] for entry in srcset.split(", ")]
    crops = teaser_images.STYLES[style].crops
    assert widths == [re.search(r"-(\d+)x", crop).group(1) + "w" for crop in crops]


def test_a_page_of_teasers_asks_nothing_more_for_its_pictures(home):
    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    news = SectionPage.objects.child_of(exclusive).get(slug="news")
    articles = [ArticlePageFactory(parent=news, featured_image=ImageFactory()) for _ in range(3)]
    ids = [article.pk for article in articles]
    for article in teasers_for(ids):
        teaser_images.picture(article.featured_image, "teaser")  # renditions made once
    with CaptureQueriesContext(connection) as queries:
        pictures = [
            teaser_images.picture(article.featured_image, "teaser") for article in teasers_for(ids)
        ]
    assert len(queries) == 3  # the articles with their images, their renditions, the bylines
    assert all("fill-640x360" in picture for picture in pictures)


def test_a_picture_whose_file_is_gone_does_not_take_the_listing_down(client, home):
    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    news = SectionPage.objects.child_of(exclusive).get(slug="news")
    image = ImageFactory()
    ArticlePageFactory(parent=news, title="Lost picture", featured_image=image)
    image.file.storage.delete(image.file.name)
    response = client.get(news.url)
    assert response.status_code == 200
    assert b"Lost picture" in response.content
