"""Which section each WordPress category becomes: proposed, written to a file, adjusted, read.

Categories form a tree whose parents are named by slug. A category is matched to a section by
its place in the tree: under its parent's section, a section with the category's slug, else
one with its name's slug (WordPress's "In Media › News" is `news-in-media`; here it is
`in-media/news`). A category that matches nothing gets a new section of its own at that place.

Editors adjust the proposal in a YAML file (`--write-mapping`, then `--mapping`):

    categories:
      drm-exclusive/news: drm-exclusive/news      # WordPress slug path: section slug path
      in-media/news-in-media: in-media/news

A mapped section path that does not exist yet is created, titled after the category.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.apps import apps
from wagtail.models import Page

from drmonitor.newsroom.sections import PLAIN_SECTION, SECTION_TYPES, section_slug
from drmonitor.wordpress.wxr import Term


class MappingError(ValueError):
    """The mapping file cannot be used; nothing is imported."""


@dataclass
class CategoryPlace:
    term: Term
    wp_path: str  # the category's slug path in the WordPress tree
    section_path: str  # where it lands here
    exists: bool


def category_paths(categories: list[Term]) -> dict[str, str]:
    """slug -> slug path ('news' -> 'drm-exclusive/news'); a broken parent chain stops."""
    by_slug = {term.slug: term for term in categories}
    paths: dict[str, str] = {}
    for term in categories:
        chain, seen, current = [], set(), term
        while current is not None and current.slug not in seen:
            seen.add(current.slug)
            chain.append(current.slug)
            current = by_slug.get(current.parent_slug) if current.parent_slug else None
        paths[term.slug] = "/".join(reversed(chain))
    return paths


def section_pages(home: Page) -> dict[str, Page]:
    """Every section under the home page by its slug path."""
    models = [apps.get_model(label) for label in {PLAIN_SECTION, *SECTION_TYPES.values()}]
    pages = Page.objects.descendant_of(home).type(*models)
    prefix = home.url_path
    return {page.url_path[len(prefix) :].strip("/"): page for page in pages}


def propose(
    categories: list[Term], existing: set[str], chosen: dict[str, str] | None = None
) -> list[CategoryPlace]:
    """Each category's place, parents before children; `chosen` (from the mapping file) wins."""
    chosen = chosen or {}
    paths = category_paths(categories)
    places: dict[str, CategoryPlace] = {}
    for term in sorted(categories, key=lambda t: paths[t.slug].count("/")):
        wp_path = paths[term.slug]
        if wp_path in chosen:
            target = chosen[wp_path].strip("/")
        else:
            parent = places.get(term.parent_slug)
            prefix = f"{parent.section_path}/" if parent else ""
            by_slug = prefix + (section_slug(term.slug) if term.slug.isascii() else term.slug)
            by_name = prefix + section_slug(term.name)
            target = next((p for p in (by_slug, by_name) if p in existing), by_slug)
        places[term.slug] = CategoryPlace(term, wp_path, target, target in existing)
    return list(places.values())


def read_mapping(path: Path) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise MappingError(f"{path}: {error}") from error
    categories = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(categories, dict):
        raise MappingError(f"{path}: expected 'categories:' with 'wordpress/path: section/path'")
    bad = [key for key, value in categories.items() if not isinstance(value, str) or not value]
    if bad:
        raise MappingError(f"{path}: no section path for {', '.join(map(str, bad))}")
    return {str(key).strip("/"): value for key, value in categories.items()}


def write_mapping(places: list[CategoryPlace]) -> str:
    lines = [
        "# WordPress category (slug path) -> section here (slug path from the home page).",
        "# Change a right-hand side to file a category elsewhere; a path that does not exist",
        "# yet becomes a new section. Then import with --mapping THIS_FILE.",
        "categories:",
    ]
    for place in sorted(places, key=lambda p: p.wp_path):
        note = "" if place.exists else "  # new section"
        lines.append(
            f"  {_quoted(place.wp_path)}: {_quoted(place.section_path)}"
            f"  # {place.term.name}{note.replace('  #', ',')}"
        )
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, default_style='"').strip()
