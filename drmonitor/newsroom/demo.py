"""Demo content for the newsroom: the section tree, authors and articles. Idempotent."""

from __future__ import annotations

from django.utils.text import slugify
from wagtail.models import Page

from drmonitor.newsroom.models import SectionPage
from drmonitor.newsroom.sections import SECTION_TREE, SectionTree


def section_slug(title: str) -> str:
    """'#PrivacyHumSabKe' -> 'privacyhumsabke', 'Gender & Tech' -> 'gender-tech'."""
    return slugify(title) or "section"


def ensure_sections(parent: Page, tree: SectionTree = SECTION_TREE) -> None:
    """Create the sections missing under `parent`; leave the others as editors left them."""
    for title, children in tree:
        slug = section_slug(title)
        section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
        if section is None:
            section = SectionPage(title=title, slug=slug, show_in_menus=True)
            parent.add_child(instance=section)
            section.save_revision().publish()
        ensure_sections(section, children)


def load(home: Page) -> None:
    ensure_sections(home)
