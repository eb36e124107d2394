"""The section tree of digitalrightsmonitor.pk, as published in 2023-2025.

It is install data: `drmonitor setup` creates it under the home page of every new site, demo or
not; after that the tree belongs to the editors.
"""

from __future__ import annotations

from django.utils.text import slugify
from wagtail.models import Page

from drmonitor.newsroom.models import SectionPage

SectionTree = list[tuple[str, "SectionTree"]]

SECTION_TREE: SectionTree = [
    (
        "DRM Exclusive",
        [
            ("News", []),
            ("Court Updates", []),
            ("Features", []),
            ("Comment", []),
            ("Campaigns", [("#PrivacyHumSabKe", [])]),
            ("Vodcasts", []),
        ],
    ),
    ("In Media", [("News", []), ("OP-EDs", [])]),
    ("Editorial", []),
    ("Gender & Tech", [("SheConnects", [])]),
    ("Trends Monitor", []),
    ("Infographics", []),
    (
        "Resources",
        [("Laws and Policies", []), ("Research", []), ("International Frameworks", [])],
    ),
    (
        "DRM Advocacy",
        [("Exclusives", []), ("Featured", []), ("Publications", []), ("Statements", [])],
    ),
]


def section_slug(title: str) -> str:
    """'#PrivacyHumSabKe' -> 'privacyhumsabke', 'Gender & Tech' -> 'gender-tech'."""
    return slugify(title) or "section"


def section_paths(tree: SectionTree = SECTION_TREE, prefix: str = "") -> list[str]:
    """Every section's slug path in the tree, e.g. 'drm-exclusive/campaigns/privacyhumsabke'.

    Content files name sections by these paths; they can be checked before anything is saved.
    """
    paths = []
    for title, children in tree:
        path = f"{prefix}{section_slug(title)}"
        paths += [path, *section_paths(children, f"{path}/")]
    return paths


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


def find_section(home: Page, path: str) -> SectionPage:
    """The section at a slug path such as 'drm-exclusive/campaigns/privacyhumsabke'."""
    page: Page = home
    for slug in path.split("/"):
        page = SectionPage.objects.child_of(page).get(slug=slug)
    return page
