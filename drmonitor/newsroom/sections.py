"""The section tree of digitalrightsmonitor.pk, as published in 2023-2025.

It is install data: `drmonitor setup` creates it under the home page of every new site, demo or
not; after that the tree belongs to the editors.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify
from wagtail.models import Page

from drmonitor.core.caching import invalidation

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


# Sections whose readers expect their own content type (a vodcast series, a library of laws):
# slug path -> the page model, named as "app_label.ModelName" so that the newsroom names none of
# the apps that provide them. Every other section is a newsroom.SectionPage.
SECTION_TYPES: dict[str, str] = {
    "drm-exclusive/vodcasts": "media.SeriesPage",
    "infographics": "media.InfographicsPage",
    "resources/laws-and-policies": "library.LawLibraryPage",
    "resources/research": "library.ResearchLibraryPage",
    "resources/international-frameworks": "library.FrameworkLibraryPage",
    "drm-advocacy/publications": "library.ResearchLibraryPage",
    "drm-exclusive/campaigns": "advocacy.CampaignsPage",
    "drm-exclusive/campaigns/privacyhumsabke": "advocacy.CampaignPage",
    "drm-advocacy/statements": "advocacy.StatementsPage",
    "trends-monitor": "trends.TrendsMonitorPage",
}
PLAIN_SECTION = "newsroom.SectionPage"


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


def ensure_sections(parent: Page, tree: SectionTree = SECTION_TREE, prefix: str = "") -> None:
    """Create the sections missing under `parent`; leave the others as editors left them.

    A section that should have its own content type but is still a plain section (made before
    that type existed) gets its type: in place when the type extends the plain section (its
    pages, address and history stay), otherwise made again when it is empty; one with pages in
    it is left alone.
    """
    plain_model = apps.get_model(PLAIN_SECTION)
    for title, children in tree:
        slug = section_slug(title)
        path = f"{prefix}{slug}"
        model = apps.get_model(SECTION_TYPES.get(path, PLAIN_SECTION))
        section = Page.objects.child_of(parent).filter(slug=slug).first()
        if section is not None and section.specific_class is plain_model is not model:
            if plain_model in model._meta.parents:
                section = give_type(section, model)
            elif not section.get_children().exists():
                section.delete()
                section = None
        if section is None:
            section = model(title=title, slug=slug, show_in_menus=True)
            parent.add_child(instance=section)
            section.save_revision().publish()
        ensure_sections(section, children, f"{path}/")


def give_type(section: Page, model: type[Page]) -> Page:
    """The plain section as a `model`, a type that extends it: the same page (id, address,
    children, revisions), with the type's own row added beside the section's row, as
    multi-table inheritance keeps them, and its content type switched."""
    plain = section.specific
    ptr = model._meta.parents[type(plain)].name
    typed = model(**{ptr: plain})
    typed.__dict__.update({k: v for k, v in plain.__dict__.items() if not k.startswith("_")})
    typed.save_base(raw=True)  # the type's own row only; the section's rows exist
    content_type = ContentType.objects.get_for_model(model)
    Page.objects.filter(pk=plain.pk).update(content_type=content_type)
    invalidation.invalidate(*invalidation.page_keys(plain))
    return model.objects.get(pk=plain.pk)


def find_section(home: Page, path: str) -> Page:
    """The section at a slug path such as 'drm-exclusive/campaigns/privacyhumsabke'."""
    page: Page = home
    for slug in path.split("/"):
        page = Page.objects.child_of(page).get(slug=slug)
    return page.specific
