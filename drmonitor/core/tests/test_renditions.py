"""Renditions are looked up in the cache once per use and written to it only when they were not
there (Wagtail writes them back on every use)."""

from __future__ import annotations

import time

import pytest
from wagtail.images.models import Filter

from drmonitor.core.models import CustomImage, Rendition
from drmonitor.newsroom.factories import ImageFactory

pytestmark = pytest.mark.django_db

SPEC = "fill-320x180"


def cached_until(image: CustomImage) -> float | None:
    """When the cache entry of the image's SPEC rendition expires; None when there is none."""
    backend = Rendition.cache_backend
    key = Rendition.construct_cache_key(image, Filter(SPEC).get_cache_key(image), SPEC)
    return backend._expire_info.get(backend.make_key(key))


def test_a_rendition_from_the_cache_is_not_written_back():
    image = ImageFactory()
    made = image.get_rendition(SPEC)
    written = cached_until(image)
    assert written is not None
    time.sleep(0.01)  # a write now would move the expiry
    fresh = CustomImage.objects.get(pk=image.pk)  # nothing prefetched: the cache is asked
    assert fresh.get_rendition(SPEC).url == made.url
    assert fresh.get_renditions(SPEC, "fill-640x360")[SPEC].url == made.url
    assert cached_until(image) == written


def test_a_rendition_only_in_the_database_is_cached_again():
    image = ImageFactory()
    made = image.get_rendition(SPEC)
    Rendition.cache_backend.clear()
    assert cached_until(image) is None
    fresh = CustomImage.objects.get(pk=image.pk)
    assert fresh.get_rendition(SPEC).pk == made.pk  # found in the database, not made again
    assert cached_until(image) is not None
    assert Rendition.objects.filter(image=image, filter_spec=SPEC).count() == 1
