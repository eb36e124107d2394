"""The old site's addresses, each a permanent redirect to where its content lives now.

Every address is a row of Wagtail's redirect table (editors see and change them under
Settings › Redirects), looked up by its path, which the table indexes: one query, no scan.
A redirect to a page follows the page when it is moved or renamed.

The import writes one row per address the export names or implies:

- each post's and attachment's own address (`<link>`: whatever permalink structure the site
  used, `/%postname%/`, `/%year%/%monthnum%/%postname%/`, `/%category%/%postname%/` …), and
  `/?p=ID` (`/?page_id=ID`, `/?attachment_id=ID` for those) for every one;
- each category archive (`/category/a/b/`) to its section, each tag or author archive whose
  slug differs here, and `/wp-sitemap.xml` to the sitemap;
- each post-format archive (`/type/video/`, `/?post_format=video`) to the section most of the
  posts of that format are filed in (the vodcasts, for videos).

An address that is the same here (a page About us at `/about-us/` in both) gets no row.

Forms of those addresses that WordPress also answers are reduced to them by the middleware
(`middleware.py`) before the one lookup: a feed or page number after an address, the query
string forms on the home page, the date-based forms of a post's address.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import transaction
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from drmonitor.wordpress.mapping import category_paths
from drmonitor.wordpress.models import ImportedAuthor, ImportedItem, ImportedTerm
from drmonitor.wordpress.report import ImportReport
from drmonitor.wordpress.wxr import Export, nicename

QUERY_KEYS = {"post": "p", "page": "page_id", "attachment": "attachment_id"}


def normalise(path: str) -> str:
    return Redirect.normalise_path(path)


def build(export: Export, home: Page, report: ImportReport) -> int:
    """Write (or correct) the redirect rows for everything imported; the number written."""
    wanted: dict[str, tuple[Page | None, str]] = {}
    root = home.url_path.rstrip("/")

    def to_page(old: str, page: Page | None) -> None:
        if old and page is not None and normalise(old) != normalise(page.url_path[len(root) :]):
            wanted[normalise(old)] = (page, "")

    def to_link(old: str, link: str) -> None:
        if old and normalise(old) != normalise(link):
            wanted[normalise(old)] = (None, link)

    items = {row.wp_id: row for row in ImportedItem.objects.exclude(page=None, image=None)}
    pages = {row.wp_id: row.page_id for row in items.values() if row.page_id}
    page_objects = Page.objects.in_bulk(pages.values())
    for item in export.items:
        if item.post_type not in QUERY_KEYS or not item.wp_id:
            continue
        target_id = pages.get(item.wp_id)
        if item.post_type == "attachment":
            target_id = pages.get(item.parent)  # an attachment page: the story it belongs to
        target = page_objects.get(target_id) if target_id else None
        if target is None or item.status not in ("publish", "future", "inherit"):
            continue
        to_page(export.path_of(item.link), target)
        to_page(f"/?{QUERY_KEYS[item.post_type]}={item.wp_id}", target)
        if item.post_type == "post" and item.slug:
            to_page(f"/{item.slug}/", target)  # /%postname%/, also when another was in use
    sections = {}
    for term in ImportedTerm.objects.filter(taxonomy=ImportedTerm.CATEGORY).select_related(
        "section"
    ):
        path = _category_path(export, term.slug)
        sections[term.slug] = term.section
        if term.section is not None and path:
            to_page(f"/category/{path}/", term.section)
            if term.term_id:
                to_page(f"/?cat={term.term_id}", term.section)
    for name, section in _post_format_sections(export, sections).items():
        to_page(f"/type/{name}/", section)
        to_page(f"/?post_format={name}", section)
    for term in ImportedTerm.objects.filter(taxonomy=ImportedTerm.TAG).select_related("tag"):
        if term.tag is not None:
            link = reverse("newsroom:tag", kwargs={"slug": term.tag.slug})
            to_link(f"/tag/{term.slug}/", link)
            to_link(f"/?tag={term.slug}", link)
    for person in ImportedAuthor.objects.select_related("author"):
        if person.author is None:
            continue
        link = reverse("newsroom:author", kwargs={"slug": person.author.slug})
        to_link(f"/author/{nicename(person.login)}/", link)
        if person.wp_id:
            to_link(f"/?author={person.wp_id}", link)
    to_link("/wp-sitemap.xml", reverse("discovery:sitemap"))
    to_link("/?feed=rss2", reverse("discovery:feed"))
    to_link("/feed/rss2/", reverse("discovery:feed"))
    to_link("/comments/feed/", reverse("discovery:feed"))
    return _write(wanted)


def _post_format_sections(export: Export, sections: dict[str, Page | None]) -> dict[str, Page]:
    """Each post format ('video') and the section that holds most of its published posts."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for item in export.items:
        if item.post_type != "post" or item.status != "publish":
            continue
        for slug in item.terms("post_format"):
            name = slug.removeprefix("post-format-")
            counts[name].update(
                sections[c].pk for c in item.terms("category") if sections.get(c) is not None
            )
    by_pk = {section.pk: section for section in sections.values() if section is not None}
    return {name: by_pk[c.most_common(1)[0][0]] for name, c in counts.items() if c}


def _category_path(export: Export, slug: str) -> str:
    return category_paths(export.categories).get(slug, "")


def _write(wanted: dict[str, tuple[Page | None, str]]) -> int:
    existing = {
        r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=list(wanted))
    }
    new, changed = [], []
    for old_path, (page, link) in wanted.items():
        row = existing.get(old_path)
        if row is None:
            new.append(
                Redirect(
                    old_path=old_path,
                    site=None,
                    is_permanent=True,
                    redirect_page=page,
                    redirect_link=link,
                )
            )
        elif row.redirect_page_id != (page.pk if page else None) or row.redirect_link != link:
            row.redirect_page, row.redirect_link, row.is_permanent = page, link, True
            changed.append(row)
    with transaction.atomic():
        Redirect.objects.bulk_create(new, batch_size=500)
        Redirect.objects.bulk_update(
            changed, ["redirect_page", "redirect_link", "is_permanent"], batch_size=500
        )
    return len(new) + len(changed)
