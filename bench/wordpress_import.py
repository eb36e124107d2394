"""Import the WordPress peer's export end to end, check it against the live peer, print figures.

    .venv/bin/python bench/wordpress_import.py [--export /var/tmp/wxr/drm-bench.xml]
        [--uploads /var/tmp/wp-bench/uploads] [--wordpress http://127.0.0.1:8081]
        [--var /tmp/drm-wp-import] [--keep] [--mapping MAP.yaml]

Needs the peer of ../shared/bench/wordpress running (setup.sh) and its export
(export-wxr.sh OUT.xml); says so and stops when either is missing. Into a fresh SQLite site
under --var it runs `drmonitor import-wordpress` twice (the second run must change nothing),
timing each and reading its peak memory, then checks, against what the live WordPress says
through its REST API and sitemaps (not the export the import read):

- every published post is there, live, with the same title, date, section, tags, author,
  featured picture and caption;
- drafts, pending and scheduled posts kept their status (these come from the export: the
  REST API hides them without a login);
- every published page is there, live;
- every address the WordPress sitemaps list, every /?p=ID, /?page_id=ID and every attachment
  page redirects permanently (301) to the page that holds it now (or is the same address here).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
DRMONITOR = ROOT / ".venv" / "bin" / "drmonitor"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# wptexturize() curls quotes and dashes in what WordPress shows; the export keeps them as typed.
TEXTURIZE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", html.unescape(text or ""))
    return re.sub(r"\s+", " ", text.translate(TEXTURIZE)).strip()


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=60) as response:  # loopback only
        return json.load(response), response.headers


def rest_all(base: str, endpoint: str, fields: str) -> list[dict]:
    found, page = [], 1
    while True:
        batch, headers = get_json(
            f"{base}/wp-json/wp/v2/{endpoint}?per_page=100&page={page}&_fields={fields}"
        )
        found += batch
        if page >= int(headers.get("X-WP-TotalPages", "1")):
            return found
        page += 1


def sitemap_urls(base: str) -> list[str]:
    def locs(url: str) -> list[str]:
        with urllib.request.urlopen(url, timeout=60) as response:
            tree = ElementTree.parse(response)
        return [loc.text or "" for loc in tree.iter(f"{SITEMAP}loc")]

    return [url for child in locs(f"{base}/wp-sitemap.xml") for url in locs(child)]


def timed_import(env: dict, args, report: Path) -> tuple[float, str]:
    """Wall time, and a line with the import's own summary, its CPU time (what a busy shared
    machine does not inflate) and its peak memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    mapping = ["--mapping", args.mapping] if args.mapping else []
    done = subprocess.run(
        [DRMONITOR, "import-wordpress", args.export, "--uploads", args.uploads, *mapping]
        + ["--report", report],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peak = after.ru_maxrss
    memory = f"peak memory {peak / 1024:.0f} MB" if peak > before.ru_maxrss else "peak as before"
    return seconds, done.stdout.splitlines()[0] + f" (CPU {cpu:.0f} s, {memory})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", type=Path, default=Path("/var/tmp/wxr/drm-bench.xml"))
    parser.add_argument("--uploads", type=Path, default=Path("/var/tmp/wp-bench/uploads"))
    parser.add_argument("--wordpress", default="http://127.0.0.1:8081")
    parser.add_argument("--var", type=Path, default=Path("/tmp/drm-wp-import"))
    parser.add_argument("--keep", action="store_true", help="check the site already in --var")
    parser.add_argument("--mapping", type=Path, help="a category mapping file to import with")
    args = parser.parse_args()
    if not args.export.is_file():
        print(f"SKIP: no export at {args.export} (run export-wxr.sh {args.export})")
        return 0
    try:
        get_json(f"{args.wordpress}/wp-json/")
    except OSError as error:
        print(f"SKIP: no WordPress at {args.wordpress} ({error}); run setup.sh")
        return 0

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{args.var / 'site.sqlite3'}",
        "DRM_VAR_DIR": str(args.var),
        "DJANGO_SETTINGS_MODULE": "drmonitor.settings.dev",
    }
    if not args.keep:
        shutil.rmtree(args.var, ignore_errors=True)
        args.var.mkdir(parents=True)
        subprocess.run([DRMONITOR, "setup", "--no-demo"], env=env, check=True, capture_output=True)
        first, first_line = timed_import(env, args, args.var / "report-1.txt")
        second, second_line = timed_import(env, args, args.var / "report-2.txt")
        print(f"first import: {first:.0f} s. {first_line}")
        print(f"second import: {second:.0f} s. {second_line}")
    os.environ.update(env)
    return check(args)


def check(args) -> int:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client
    from wagtail.models import Page, WorkflowState

    from drmonitor.newsroom.models import SectionPage
    from drmonitor.wordpress.models import ImportedItem, ImportedTerm
    from drmonitor.wordpress.wxr import read_export

    problems: Counter = Counter()
    examples: dict[str, str] = {}

    def wrong(kind: str, example: str) -> None:
        problems[kind] += 1
        examples.setdefault(kind, example)

    wp = args.wordpress
    posts = rest_all(wp, "posts", "id,link,title,date_gmt,categories,tags,author,featured_media")
    categories = {c["id"]: c["slug"] for c in rest_all(wp, "categories", "id,slug")}
    tags = {t["id"]: plain(t["name"]) for t in rest_all(wp, "tags", "id,name")}
    users = {u["id"]: u["name"] for u in rest_all(wp, "users", "id,name")}
    media = {m["id"]: m for m in rest_all(wp, "media", "id,caption,alt_text")}
    rows = {row.wp_id: row for row in ImportedItem.objects.select_related("page", "image")}
    sections = {t.slug: t.section_id for t in ImportedTerm.objects.filter(taxonomy="category")}
    lists: dict[int, set[int]] = {}

    def listed(section_pk: int) -> set[int]:
        """What a section's page lists (a library or statements section: its entries, then the
        other articles listed there)."""
        if section_pk not in lists:
            section = SectionPage.objects.get(pk=section_pk)
            lists[section_pk] = set(section.articles().values_list("pk", flat=True))
        return lists[section_pk]

    for post in posts:
        row = rows.get(post["id"])
        if row is None or row.page is None:
            wrong("published post missing", post["link"])
            continue
        page = row.page.specific
        if not page.live:
            wrong("published post not live", post["link"])
        if plain(page.title) != plain(post["title"]["rendered"]):
            wrong("title differs", f"{page.title!r} / {post['title']['rendered']!r}")
        if page.date_published.strftime("%Y-%m-%dT%H:%M:%S") != post["date_gmt"]:
            wrong("date differs", post["link"])
        ours = {page.get_parent().pk, *(s.pk for s in page.extra_sections.all())}
        ancestors = set(page.get_ancestors().values_list("pk", flat=True))
        theirs = {sections.get(categories[c]) for c in post["categories"]}
        if not theirs or not theirs <= ours | ancestors:
            wrong("section differs", post["link"])
        if any(page.pk not in listed(pk) for pk in theirs - {None}):
            wrong("not listed in its section", post["link"])
        if {t.name for t in page.tags.all()} != {tags[t] for t in post["tags"]}:
            wrong("tags differ", post["link"])
        names = [a.name for a in page.authors()]
        if names != [users.get(post["author"])]:
            wrong("author differs", f"{post['link']}: {names}")
        featured = rows.get(post["featured_media"])
        if post["featured_media"] and (featured is None or featured.image != page.featured_image):
            wrong("featured picture differs", post["link"])
        elif post["featured_media"]:
            caption = plain(media[post["featured_media"]]["caption"]["rendered"])
            if plain(page.image_caption) != caption:
                wrong("caption differs", f"{page.image_caption!r} / {caption!r}")
            if plain(page.featured_image.description) != plain(
                media[post["featured_media"]]["alt_text"]
            ):
                wrong("alt text differs", post["link"])

    export = read_export(str(args.export))
    statuses = Counter()
    for item in export.items:
        if item.post_type != "post" or item.status == "publish":
            continue
        row = rows.get(item.wp_id)
        page = row.page.specific if row and row.page else None
        statuses[item.status] += 1
        if page is None:
            wrong(f"{item.status} post missing", str(item.wp_id))
        elif item.status == "future":
            if page.live or page.go_live_at is None:
                wrong("scheduled post not scheduled", str(item.wp_id))
        elif page.live:
            wrong(f"{item.status} post is live", str(item.wp_id))
        elif item.status == "pending" and not WorkflowState.objects.filter(
            object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
        ):
            wrong("pending post not in review", str(item.wp_id))

    client = Client()
    targets = {post["link"]: rows[post["id"]].page.url for post in posts if post["id"] in rows}
    addresses: list[tuple[str, str | None]] = [(url, targets.get(url)) for url in sitemap_urls(wp)]
    addresses += [(f"{wp}/?p={post['id']}", targets.get(post["link"])) for post in posts]
    pages = rest_all(wp, "pages", "id,link")
    for page in pages:
        row = rows.get(page["id"])
        if row is None or row.page is None or not row.page.live:
            wrong("published page missing", page["link"])
        else:
            addresses.append((f"{wp}/?page_id={page['id']}", row.page.url))
    by_id = {post["id"]: post["link"] for post in posts}
    for item in export.items:
        if item.post_type == "attachment" and item.parent in by_id:
            addresses.append((item.link, targets.get(by_id[item.parent])))
    statuses_seen: Counter = Counter()
    started = time.monotonic()
    for url, expected in addresses:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path)
        statuses_seen[response.status_code] += 1
        if response.status_code == 200 and expected is None:
            continue  # the same address here (the home page, /tag/x/, /author/x/)
        if response.status_code != 301:
            wrong(f"old address answered {response.status_code}", path)
            continue
        location = response["Location"]
        if expected is not None and location != expected:
            wrong("old address leads elsewhere", f"{path} -> {location}, not {expected}")
        elif expected is None and client.get(location).status_code != 200:
            wrong("old address leads to an error", f"{path} -> {location}")
    lookups = time.monotonic() - started

    print(f"published posts checked against the live WordPress: {len(posts)}")
    print(f"other statuses checked: {dict(statuses)}")
    print(
        f"old addresses requested: {len(addresses)} ({dict(statuses_seen)}), "
        f"{1000 * lookups / max(1, len(addresses)):.1f} ms each"
    )
    print(f"pages in the site: {Page.objects.count()}")
    if not problems:
        print("all checks passed")
        return 0
    for kind, n in problems.most_common():
        print(f"PROBLEM {kind}: {n} (e.g. {examples[kind]})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
