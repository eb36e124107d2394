"""Seed a benchmark site with N articles shaped like the WordPress peer's posts.

Like the peer's posts, each article has a featured image of its own (800x450) and one or two
captioned images of its own in its body (640x360), so a page of teasers costs its image
look-ups here as it does there. `--no-images` leaves them out, for the search benchmark: the
search results page shows no pictures, and drawing 25,000 of them takes half an hour.

Run with DJANGO_SETTINGS_MODULE and DRM_VAR_DIR set (bench/run.py does it). Deterministic (own
PRNG seeds), idempotent (articles are keyed by slug), and the anchor article has the same slug
as the WordPress peer's benchmark post, in DRM Exclusive > News.
"""

from __future__ import annotations

import argparse
import os
import random
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "drmonitor.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from drmonitor.core.models import CustomImage  # noqa: E402
from drmonitor.demo import drawing  # noqa: E402
from drmonitor.demo.media import add_image  # noqa: E402
from drmonitor.home.install import install_site  # noqa: E402
from drmonitor.newsroom.models import ArticleAuthor, ArticlePage, Author, SectionPage  # noqa: E402

ANCHOR_SLUG = "pta-blocks-x-nationwide-citing-security-concerns"
WORDS = (
    "privacy rights internet access shutdown court petition hearing ministry authority "
    "platform block network operator mobile data freedom expression journalist surveillance "
    "regulation policy order judgment bench counsel citizens digital security encryption "
    "telecom service provider restoration statement campaign civil society report evidence "
    "measurement throttling firewall vpn registration content moderation law amendment"
).split()
TAGS = ["PTA", "Privacy", "PECA", "X ban", "Internet shutdowns", "VPN", "Courts", "Firewall"] + [
    f"topic {n}" for n in range(1, 208)
]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def image(rng: random.Random, key: str, size: tuple[int, int]) -> CustomImage:
    """A generated picture of its own, with the caption and alt text a newsroom would add."""
    return add_image(
        key,
        f"{key}.jpg",
        drawing.illustration(key, size=size),
        caption=sentence(rng, rng.randint(5, 12))[:-1],
        description=sentence(rng, rng.randint(4, 9))[:-1],
    )


def body(rng: random.Random, slug: str, images: bool) -> list:
    blocks: list = []
    for section in range(rng.randint(3, 5)):
        if section:
            blocks.append(("heading", sentence(rng, 4)[:-1]))
        for _ in range(rng.randint(2, 4)):
            text = " ".join(sentence(rng, rng.randint(10, 22)) for _ in range(rng.randint(3, 5)))
            blocks.append(("paragraph", RichText(f"<p>{text}</p>")))
        if rng.random() < 0.3:
            blocks.append(("quote", {"quote": sentence(rng, 14), "attribution": "A petitioner"}))
    for number in range(rng.randint(1, 2) if images else 0):
        inline = image(rng, f"{slug}-inline-{number}", (640, 360))
        at = rng.randint(1, len(blocks) - 1)
        blocks.insert(at, ("image", {"image": inline, "caption": "", "credit": ""}))
    return blocks


def tag_choice(rng: random.Random) -> list[str]:
    """Zipf-like popularity: the first tags appear on many articles, the tail on few."""
    picked = {TAGS[min(int(rng.paretovariate(1.1)) - 1, len(TAGS) - 1)] for _ in range(4)}
    return sorted(picked)[: rng.randint(2, 5)]


def seed(count: int, images: bool = True) -> int:
    rng = random.Random(20240217)  # noqa: S311 - filler text, not security
    home = install_site()
    sections = list(SectionPage.objects.filter(depth__gte=home.depth + 2))
    news = SectionPage.objects.child_of(
        SectionPage.objects.child_of(home).get(slug="drm-exclusive")
    ).get(slug="news")
    authors = [
        Author.objects.get_or_create(slug=f"bench-author-{n}", defaults={"name": f"Writer {n}"})[0]
        for n in range(5)
    ]
    existing = set(ArticlePage.objects.values_list("slug", flat=True))
    start = timezone.datetime(2019, 9, 1, tzinfo=timezone.UTC)
    span = (timezone.datetime(2025, 10, 31, tzinfo=timezone.UTC) - start).total_seconds()
    created = 0
    for number in range(count):
        slug = ANCHOR_SLUG if number == count // 2 else f"bench-article-{number:05d}"
        title = (
            "PTA blocks X nationwide citing security concerns"
            if slug == ANCHOR_SLUG
            else sentence(rng, rng.randint(6, 11))[:-1]
        )
        tags = tag_choice(rng)
        section = news if slug == ANCHOR_SLUG or rng.random() < 0.4 else rng.choice(sections)
        author = rng.choice(authors)
        when = start + timezone.timedelta(seconds=span * number / max(count, 1))
        if slug in existing:
            continue
        # Its own generator, so that skipping articles made earlier leaves the rest unchanged.
        own = random.Random(slug)  # noqa: S311 - filler text, not security
        with transaction.atomic():
            article = ArticlePage(
                title=title,
                slug=slug,
                standfirst=sentence(own, 20),
                date_published=when,
                first_published_at=when,
                body=body(own, slug, images),
                featured_image=image(own, f"{slug}-featured", (800, 450)) if images else None,
            )
            section.add_child(instance=article)
            article.tags.add(*tags)
            ArticleAuthor.objects.create(article=article, author=author)
            article.save()
        created += 1
    return created


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--no-images", action="store_true", help="articles without pictures")
    args = parser.parse_args()
    created = seed(args.articles, images=not args.no_images)
    print(f"seeded {created} new articles ({ArticlePage.objects.count()} in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
