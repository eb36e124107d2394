"""A day of breaking news: Zipf-spread reads over every bench article while articles go live.

    .venv/bin/python bench/breaking_news.py [--articles 2000] [--var DIR] [--duration 60]
                                            [--connections 64] [--every 30] [--sample 100]

Uses the site bench/run.py seeds (same --var and --articles; run that first, or this seeds it)
as production runs it: nginx's proxy cache in front of gunicorn, purged by Django. Two runs of
wrk with the same read mix (bench/zipf.lua: every live article, the i-th most read with weight
1/i, in an order fixed by a seed):

  steady    nothing is published;
  breaking  an article is published every --every seconds (in DRM Exclusive > News, with the
            tags most articles carry, so it lands on the busiest lists).

At the same moments in both runs, --sample unrelated article pages (neither the new article nor
its neighbour by date, whose previous/next links change) are warmed into nginx's cache just
before the publish and checked just after it: the share still sent from the cache says whether a
publish empties more than it should. The steady run's share is the control.

Prints throughput (and its ratio, breaking / steady), p50 and p99 latency, and the shares.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from run import STATIC_PORT, Front, fetch_with_headers, prepare_site

ROOT = Path(__file__).resolve().parent.parent
ZIPF = Path(__file__).resolve().parent / "zipf.lua"
LINE = re.compile(r"ZIPF (.*)")


def article_paths() -> list[str]:
    from drmonitor.newsroom.models import ArticlePage

    return [page.url for page in ArticlePage.objects.live().order_by("pk") if page.url]


def publish_one(number: int) -> tuple[str, str | None]:
    """Publish a new article now; (its path, the path of its neighbour by date)."""
    from django.utils import timezone

    from drmonitor.newsroom.models import ArticlePage, SectionPage

    news = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    neighbour = ArticlePage.objects.live().order_by("-date_published", "-pk").first()
    stamp = timezone.now()
    article = ArticlePage(
        title=f"Breaking: update {number} at {stamp:%H:%M:%S}",
        slug=f"breaking-{stamp:%Y%m%d%H%M%S}-{number}",
        date_published=stamp,
        standfirst="A breaking-news update published during the benchmark.",
    )
    news.add_child(instance=article)
    article.tags.add("PTA", "Privacy")
    article.save_revision().publish()
    return article.url, neighbour.url if neighbour else None


def cached_share(paths: list[str]) -> float:
    hits = 0
    for path in paths:
        _status, headers, _body, _ms = fetch_with_headers(STATIC_PORT, path)
        hits += headers.get("X-Cache-Status") == "HIT"
    return hits / len(paths)


def wrk(paths_file: Path, port: int, duration: int, connections: int) -> dict[str, float]:
    """wrk reading the paths in `paths_file` Zipf-spread (zipf.lua) from 127.0.0.1:`port`."""
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(ZIPF)]
        + [f"http://127.0.0.1:{port}/"],
        env={**os.environ, "DRM_ZIPF_PATHS": str(paths_file)},
        capture_output=True,
        text=True,
        check=True,
    )
    match = LINE.search(result.stdout)
    if not match:
        raise RuntimeError(f"wrk printed no summary:\n{result.stdout}\n{result.stderr}")
    return {key: float(value) for key, value in (kv.split("=") for kv in match[1].split())}


def run(
    label: str, paths: list[str], paths_file: Path, front: Front, args, publish: bool
) -> dict[str, float]:
    """One wrk run; at each --every mark, warm a sample, (publish,) and check the sample."""
    rng = random.Random(label)
    shares: list[float] = []
    published: list[str] = []

    def newsdesk() -> None:
        started = time.monotonic()
        for number, mark in enumerate(range(args.every // 2, args.duration, args.every), 1):
            time.sleep(max(0.0, started + mark - time.monotonic()))
            sample = rng.sample(paths, args.sample)
            for path in sample:
                front.warm(path)
            if publish:
                new, neighbour = publish_one(number)
                published.append(new)
                sample = [path for path in sample if path not in (new, neighbour)]
            shares.append(cached_share(sample))

    desk = threading.Thread(target=newsdesk)
    desk.start()
    figures = wrk(paths_file, STATIC_PORT, args.duration, args.connections)
    desk.join()
    figures["cached_share"] = statistics.mean(shares) if shares else float("nan")
    figures["published"] = len(published)
    print(f"{label}: {figures}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--var", type=Path, default=Path("/var/tmp/drm-bench"))
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--every", type=int, default=30)
    parser.add_argument("--sample", type=int, default=100)
    args = parser.parse_args()

    site_dir = args.var / f"site-{args.articles}-images"
    prepare_site(site_dir, args.articles)
    with Front(site_dir) as front:
        # This process publishes as an editor would: same database, ledger and purge address.
        os.environ.update(front.env)
        import django

        django.setup()
        paths = article_paths()
        random.Random(2024).shuffle(paths)  # which stories are most read: fixed, not by date
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
            handle.write("\n".join(paths) + "\n")
        paths_file = Path(handle.name)
        # As by day: every story has been read since it was last changed, so the site's page
        # cache holds it (nginx's copies live DRM_FRONT_CACHE_SECONDS and are refetched from
        # there); then a discarded run, as bench.sh warms up.
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(front.warm, paths))
        wrk(paths_file, STATIC_PORT, 10, args.connections)
        steady = run("steady", paths, paths_file, front, args, publish=False)
        breaking = run("breaking", paths, paths_file, front, args, publish=True)
        paths_file.unlink()

    print(f"\n## Breaking news: {len(paths)} articles, Zipf reads, {args.connections} connections,")
    print(f"{args.duration} s per run, a publish every {args.every} s\n")
    print("| run | req/s | p50 ms | p99 ms | non-2xx | errors | unrelated pages still cached |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, row in (("steady", steady), ("breaking", breaking)):
        print(
            f"| {label} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f}"
            f" | {row['non2xx']:.0f} | {row['errors']:.0f} | {row['cached_share']:.1%} |"
        )
    print(f"\nbreaking / steady throughput: {breaking['rps'] / steady['rps']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
