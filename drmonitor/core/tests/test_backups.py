"""`drmonitor backup`, a wiped site, `drmonitor restore`: every page, picture and record is back.

A real transaction on purpose: a restore replaces the database's contents, which cannot happen
inside the test's own open transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from drmonitor.core.models import CustomImage
from drmonitor.newsroom.factories import AuthorFactory, ImageFactory
from drmonitor.newsroom.models import ArticlePage, Author
from drmonitor.newsroom.tests.discovery_support import publish, section

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_backup_wipe_restore_brings_everything_back(home, client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    picture = ImageFactory(title="Protest outside the court")
    writer = AuthorFactory(name="Sana Iqbal", slug="sana-iqbal")
    article = publish(
        section(home, "editorial"), "Court lifts the ban", image=picture, authors=[writer]
    )
    get_user_model().objects.create_user("amina", "amina@example.org", "x")
    picture_file = Path(picture.file.path)
    pages = Page.objects.count()
    archive = tmp_path / "site.tar.gz"

    call_command("backup", str(archive))
    article.delete()
    picture.delete()
    Author.objects.all().delete()
    get_user_model().objects.all().delete()
    picture_file.unlink(missing_ok=True)
    assert client.get(article.url).status_code == 404
    call_command("backup", "--restore", str(archive))

    assert Page.objects.count() == pages
    restored = ArticlePage.objects.get(title="Court lifts the ban")
    assert client.get(restored.url).status_code == 200
    assert restored.featured_image.title == "Protest outside the court"
    assert picture_file.is_file() and CustomImage.objects.count() == 1
    assert [a.name for a in restored.authors()] == ["Sana Iqbal"]
    assert get_user_model().objects.filter(username="amina").exists()
