"""Every install gets a home page and the section tree, demo content or not."""

from __future__ import annotations

import pytest
from wagtail.models import Page, Site

from drmonitor.cli import main
from drmonitor.home.install import install_site
from drmonitor.home.models import HomePage
from drmonitor.newsroom.models import ArticlePage, SectionPage
from drmonitor.newsroom.sections import SECTION_TREE, find_section, section_paths
from drmonitor.newsroom.tests.test_sections import tree_of

pytestmark = pytest.mark.django_db


def as_the_migrations_leave_it() -> Page:
    """The database before any install (tests start from an installed site): no home page,
    Wagtail's welcome page as the site's root."""
    site = Site.objects.get(is_default_site=True)
    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="welcome")
    )
    site.root_page = welcome
    site.save()
    HomePage.objects.all().delete()  # and the section tree under it
    return welcome


# `drmonitor setup` runs management commands, and each closes the database connection when it
# ends, as a command run from the shell does: the test needs committed data, and serialized
# rollback puts back what the migrations made (Wagtail's root page) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_setup_without_demo_content_makes_the_home_page_and_sections(settings, tmp_path, capsys):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.DRM_DEMO_CONTENT = False
    welcome = as_the_migrations_leave_it()

    assert main(["setup"]) == 0

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage) and home.live
    assert tree_of(home) == SECTION_TREE
    assert not Page.objects.filter(pk=welcome.pk).exists()  # Wagtail's placeholder is gone
    assert not ArticlePage.objects.exists()
    assert "Demo content and accounts are not loaded" in capsys.readouterr().out


def test_installing_again_keeps_what_editors_changed():
    home = install_site()
    news = find_section(home, "drm-exclusive/news")
    news.title = "Latest news"
    news.save_revision().publish()

    assert install_site() == home
    assert SectionPage.objects.count() == len(section_paths())
    assert find_section(home, "drm-exclusive/news").title == "Latest news"
