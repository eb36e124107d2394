"""Teaser pictures: the same markup as Wagtail's picture tag, from prefetched renditions."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from drmonitor.newsroom import teaser_images
from drmonitor.newsroom.factories import ArticlePageFactory, ImageFactory
from drmonitor.newsroom.models import SectionPage
from drmonitor.newsroom.teasers import teasers_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("style", sorted(teaser_images.STYLES))
def test_a_teaser_picture_offers_webp_widths_and_one_jpeg(style):
    image = ImageFactory()
    ours = teaser_images.picture(image, style)  # makes the renditions it lacks
    chosen = teaser_images.STYLES[style]
    renditions = image.get_renditions(*chosen.filters)  # Wagtail's own, as its tags write them
    webp = [renditions[f.spec] for f in chosen.webp]
    jpeg = renditions[chosen.jpeg.spec]
    html = BeautifulSoup(ours, "html.parser")
    source, img = html.picture.source, html.picture.img
    assert source["type"] == "image/webp" and source["sizes"] == chosen.sizes
    assert source["srcset"] == ", ".join(f"{r.url} {r.width}w" for r in webp)
    assert [r.url.rsplit(".", 1)[1] for r in webp] == ["webp"] * len(chosen.crops)
    assert (img["src"], img["width"], img["height"]) == (
        jpeg.url,
        str(jpeg.width),
        str(jpeg.height),
    )
    assert jpeg.url.endswith(".jpg") and img["alt"] == "" and "srcset" not in img.attrs
    assert img.get("loading") == ("lazy" if chosen.lazy else None)


def test_every_style_is_a_crop_so_one_focal_point_key_serves_them_all():
    image = ImageFactory(focal_point_x=40, focal_point_y=30, focal_point_width=20)
    image.focal_point_height = 10
    keys = {spec_filter.get_cache_key(image) for spec_filter in teaser_images.FILTERS.values()}
    assert len(keys) == 1 and keys != {""}


def test_a_page_of_teasers_asks_nothing_more_for_its_pictures(home):
    exclusive = SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    news = SectionPage.objects.child_of(exclusive).get(slug="news")
    articles = [ArticlePageFactory(parent=news, featured_image=ImageFactory()) for _ in range(3)]
    # Two stories with the same picture (the demo's do): each has an object of its own for it.
    shared = articles[0].featured_image
    articles.append(ArticlePageFactory(parent=news, featured_image=shared))
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
