"""Soak: the production stack under Zipf-spread reads while its parts fail, one after another.

    .venv/bin/python bench/soak.py [--articles 2000] [--duration 60] [--connections 64]
                                   [--var /var/tmp/drm-soak] [--base-port 8120] [--phases ...]
                                   [--no-images] [--prepare-only]

Starts, all private to the run: a PostgreSQL cluster (port base), redis-server (base+1),
gunicorn with the project's worker settings and production settings (base+2), nginx configured
by `drmonitor manage nginx_config` in front of it (base+3), and `drmonitor worker`. Seeds the
2,000 bench articles of bench/seed.py into that database (kept in --var between runs).

Each phase is one wrk run of --duration seconds through nginx (bench/zipf.lua: every live
article, the i-th most read with weight 1/i), while an editor's writes (draft articles, through
the ORM, retried until the database takes them) go on beside it:

  steady      nothing fails;
  gunicorn    a third of the way in, a gunicorn worker is killed with SIGKILL (the master
              forks another);
  postgres    PostgreSQL is restarted (fast: open connections are cut);
  publisher   articles are scheduled to go live; `drmonitor worker` is killed with SIGKILL
              while it is publishing them, and started again 2 s later;
  redis       redis-server is stopped and started again 2 s later, empty (last, since the
              page cache it held must be rendered again).

Per phase it prints requests, requests/s, p50 and p99, failed requests (5xx from nginx's log,
and wrk's socket errors), the error window (first to last failed request) beside the service's
downtime (the fault until the service answered again), and the recovery time (the service back
until the last failed request). Then it checks that the site answers by itself, that each
scheduled article was published exactly once (one page, one live revision, one publish in the
log, once in its section's page and feed), and that every write the database acknowledged is
there.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from breaking_news import wrk
from bs4 import BeautifulSoup
from run import set_up_and_seed
from soak_stack import Gunicorn, Nginx, Postgres, Redis, Worker, status, wait_until

ZIPF = Path(__file__).resolve().parent / "zipf.lua"
# Redis last: its restart empties the page cache, which the phases after it would pay for.
PHASES = ("steady", "gunicorn", "postgres", "publisher", "redis")
DOWN_SECONDS = 2.0  # how long a stopped service stays down before it is started again
SCHEDULED = 12  # articles scheduled per publisher phase: one page of their section


def site_env(var: Path, ports: dict[str, int], pg: Postgres, redis: Redis) -> dict[str, str]:
    """Production settings over loopback: plain HTTP, nginx the only proxy in front."""
    base = f"http://127.0.0.1:{ports['nginx']}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "drmonitor.settings.production",
        "DJANGO_SECRET_KEY": "soak-" + "s" * 60,
        "DATABASE_URL": pg.url,
        "REDIS_URL": redis.url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DRM_BASE_URL": base,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "1",  # nothing is mailed during the soak; a try fails at once
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DRM_VAR_DIR": str(var / "site"),
        "DRM_PURGE_URL": base,
        "DRM_TRUSTED_PROXY_COUNT": "1",
        "DRM_WORKER_INTERVAL_SECONDS": "1",
    }


def prepare(env: dict[str, str], articles: int, images: bool) -> None:
    """Migrate, collect static files, install the site and seed the bench articles (idempotent)."""
    env = {**env, "DRM_PURGE_URL": ""}  # nginx is not up yet: nothing of it to purge
    set_up_and_seed(env, articles, images, demo=False)
    # nginx's workers (an unprivileged user) read static files and media from here.
    for path in [Path(env["DRM_VAR_DIR"]), *Path(env["DRM_VAR_DIR"]).rglob("*")]:
        path.chmod(path.stat().st_mode | 0o005 | (0o050 if path.is_dir() else 0))
    for path in Path(env["DRM_VAR_DIR"]).parents:
        if path == Path("/"):
            break
        path.chmod(path.stat().st_mode | 0o001)


@dataclass
class Phase:
    """One wrk run, with the fault it carried and what the site did meanwhile."""

    name: str
    started: float = 0.0  # wall-clock seconds, as nginx logs them
    ended: float = 0.0
    fault_at: float | None = None  # the service stopped (or the process was killed)
    back_at: float | None = None  # the service answered again
    note: str = ""
    wrk: dict[str, float] = field(default_factory=dict)
    requests: int = 0
    upstream: int = 0  # requests nginx passed to gunicorn (not sent from its cache)
    failed: int = 0  # 5xx in nginx's log, plus wrk's socket errors
    first_failure: float | None = None
    last_failure: float | None = None
    recovered: bool = False


class Editor(threading.Thread):
    """An editor saving a draft article every half second, retrying a save the database did
    not take; `saved` lists the slugs it was told were saved."""

    def __init__(self, label: str) -> None:
        super().__init__(daemon=True)
        self.label, self.saved, self.retries = label, [], 0
        self.stopping = threading.Event()

    def run(self) -> None:
        number = 0
        while not self.stopping.wait(0.5):
            slug = f"soak-draft-{self.label}-{number}"
            while not self.stopping.is_set() and not self.save(slug):
                self.retries += 1
                time.sleep(0.2)
            number += 1

    def save(self, slug: str) -> bool:
        from django.db import close_old_connections, connection, transaction

        from drmonitor.newsroom.models import ArticlePage

        close_old_connections()
        try:
            if ArticlePage.objects.filter(slug=slug).exists():
                self.saved.append(slug)  # saved by an attempt whose answer was lost
                return True
            with transaction.atomic():
                draft = ArticlePage(
                    title=f"Draft {slug}",
                    slug=slug,
                    live=False,
                    standfirst="A draft saved while the soak test broke things.",
                )
                news_section().add_child(instance=draft)
                draft.save_revision()
        except Exception:  # noqa: BLE001 - whatever failed, the editor tries again
            connection.close()
            return False
        self.saved.append(slug)
        return True


def news_section():
    from drmonitor.newsroom.models import SectionPage

    return SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")


def schedule_articles(label: str, go_live: float) -> list[str]:
    """Articles in DRM Exclusive > News, approved to go live at `go_live` (epoch seconds)."""
    from datetime import UTC, datetime, timedelta

    from django.db import close_old_connections

    from drmonitor.newsroom.models import ArticlePage

    close_old_connections()  # this process's connection may predate a restart

    when = datetime.fromtimestamp(go_live, UTC)
    slugs = []
    for number in range(SCHEDULED):
        slug = f"soak-scheduled-{label}-{number:02d}"
        article = ArticlePage(
            title=f"Scheduled story {label} {number:02d}",
            slug=slug,
            live=False,
            go_live_at=when,
            date_published=when + timedelta(seconds=number),
            standfirst="A story scheduled to go live during the soak test.",
        )
        news_section().add_child(instance=article)
        article.tags.add("PTA")
        article.save_revision(approved_go_live_at=when)
        slugs.append(slug)
    return slugs


def live_count(slugs: list[str]) -> int:
    from django.db import close_old_connections

    from drmonitor.newsroom.models import ArticlePage

    close_old_connections()
    return ArticlePage.objects.filter(slug__in=slugs, live=True).count()


def read_log(phase: Phase, access_log: Path, offset: int) -> int:
    """Count the phase's requests and failures in nginx's log from `offset`; the new offset."""
    with access_log.open("rb") as log:
        log.seek(offset)
        data = log.read()
    for line in data.splitlines():
        stamp, status, upstream = line.split()[:3]
        when = float(stamp)
        phase.requests += 1
        phase.upstream += upstream != b"-"
        if int(status) >= 500:
            phase.failed += 1
            phase.first_failure = phase.first_failure or when
            phase.last_failure = when
    return offset + len(data)


class Stack:
    """Every service of the run, started and stopped together."""

    def __init__(self, var: Path, ports: dict[str, int]) -> None:
        self.pg, self.redis = Postgres(var, ports["postgres"]), Redis(var, ports["redis"])
        self.env = site_env(var, ports, self.pg, self.redis)
        self.gunicorn = Gunicorn(var, ports["gunicorn"], self.env)
        self.nginx = Nginx(var, ports["nginx"], ports["gunicorn"], self.env)
        self.worker = Worker(var, self.env)
        self.ports = ports

    def start_databases(self) -> None:
        self.pg.start()
        self.redis.start()

    def start_site(self) -> None:
        self.gunicorn.start()
        self.nginx.start()
        self.worker.start()

    def stop(self) -> None:
        for part in (self.worker, self.nginx, self.gunicorn, self.redis, self.pg):
            try:
                part.stop()
            except Exception as error:  # noqa: BLE001 - stop the rest whatever one did
                print(f"stopping {type(part).__name__}: {error}", file=sys.stderr)

    def inject(self, phase: Phase, scheduled: list[str]) -> None:
        """The phase's fault, a third of the way into its load; records when and how long."""
        if phase.name == "publisher":
            # Killed while it publishes: some of the scheduled articles are live, not all.
            wait_until(lambda: live_count(scheduled) > 0, 60, "the first scheduled publish")
            phase.fault_at = time.time()
            self.worker.kill()
            phase.note = f"killed with {live_count(scheduled)} of {len(scheduled)} live"
            time.sleep(DOWN_SECONDS)
            self.worker.start()
            phase.back_at = time.time()
            return
        phase.fault_at = time.time()
        if phase.name == "redis":
            self.redis.stop()
            time.sleep(DOWN_SECONDS)
            self.redis.start()
        elif phase.name == "postgres":
            self.pg.restart()
        elif phase.name == "gunicorn":
            killed = self.gunicorn.kill_worker()
            wait_until(
                lambda: (
                    killed not in self.gunicorn.worker_pids()
                    and len(self.gunicorn.worker_pids()) == self.gunicorn.workers
                ),
                60,
                "a new gunicorn worker",
            )
        phase.back_at = time.time()


def probe(port: int, paths: list[str]) -> bool:
    """Whether pages no cache holds (a query string goes past both caches) all answer."""
    sample = random.Random(len(paths)).sample(paths, 20)
    return all(status(port, f"{path}?soak=probe") == 200 for path in sample)


def run_phase(
    name: str, stack: Stack, paths: list[str], paths_file: Path, args, offset: int
) -> tuple[Phase, int, list[str], list[str]]:
    phase = Phase(name)
    lead = args.duration / 3
    scheduled = (
        schedule_articles(f"{int(time.time())}", time.time() + lead)
        if (name == "publisher")
        else []
    )
    editor = Editor(f"{name}-{int(time.time())}")
    editor.start()
    phase.started = time.time()
    fault = None
    if name != "steady":
        fault = threading.Timer(lead, stack.inject, (phase, scheduled))
        fault.start()
    phase.wrk = wrk(paths_file, stack.ports["nginx"], args.duration, args.connections)
    phase.ended = time.time()
    if fault:
        fault.join()
    editor.stopping.set()
    editor.join()
    time.sleep(1.5)  # nginx flushes its log buffer every second
    offset = read_log(phase, stack.nginx.access_log, offset)
    phase.failed += int(phase.wrk["errors"])
    phase.recovered = probe(stack.ports["nginx"], paths)
    if scheduled:
        wait_until(lambda: live_count(scheduled) == len(scheduled), 60, "every scheduled publish")
    phase.note = "; ".join(
        filter(None, [phase.note, f"{len(editor.saved)} drafts saved, {editor.retries} retried"])
    )
    return phase, offset, scheduled, editor.saved


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def report(phases: list[Phase]) -> None:
    print("\n| phase | requests | to gunicorn | req/s | p50 ms | p99 ms | failed"
          " | error window s | downtime s | recovery s | recovered by itself |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for phase in phases:
        window = (
            phase.last_failure - phase.first_failure if phase.first_failure is not None else None
        )
        downtime = phase.back_at - phase.fault_at if phase.fault_at is not None else None
        recovery = None
        if phase.back_at is not None:
            recovery = max(0.0, (phase.last_failure or phase.back_at) - phase.back_at)
        print(
            f"| {phase.name} | {phase.requests} | {phase.upstream} | {phase.wrk['rps']:.0f}"
            f" | {phase.wrk['p50_ms']:.1f} | {phase.wrk['p99_ms']:.1f} | {phase.failed}"
            f" | {seconds(window)} | {seconds(downtime)} | {seconds(recovery)}"
            f" | {'yes' if phase.recovered else 'NO'} |"
        )
    for phase in phases:
        if phase.note:
            print(f"{phase.name}: {phase.note}")


def fetch_text(port: int, path: str) -> str:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    return connection.getresponse().read().decode()


def verify_published(slugs: list[str], port: int) -> list[str]:
    """Problems with the scheduled articles: each must be one live page, published once, shown
    once in its section's feed and on its section's page as readers get them (through nginx)."""
    from wagtail.models import PageLogEntry

    from drmonitor.newsroom.models import ArticlePage

    problems = []
    feed = fetch_text(port, "/drm-exclusive/news/feed/")
    soup = BeautifulSoup(fetch_text(port, "/drm-exclusive/news/"), "html.parser")
    listing = [a.get_text(strip=True) for a in soup.select("main .teaser__title a")]
    for slug in slugs:
        pages = list(ArticlePage.objects.filter(slug=slug))
        if len(pages) != 1 or not pages[0].live:
            problems.append(f"{slug}: {len(pages)} pages, live={[p.live for p in pages]}")
            continue
        page = pages[0]
        if page.revisions.filter(approved_go_live_at__isnull=False).exists():
            problems.append(f"{slug}: a revision is still waiting to go live")
        publishes = PageLogEntry.objects.filter(
            page=page, action__in=("wagtail.publish", "wagtail.publish.scheduled")
        ).count()
        if publishes != 1:
            problems.append(f"{slug}: published {publishes} times")
        if (shown := feed.count(f"<title>{page.title}</title>")) != 1:
            problems.append(f"{slug}: {shown} times in the section feed")
        if (shown := listing.count(page.title)) != 1:
            problems.append(f"{slug}: {shown} times on the section page")
    return problems


def verify_saved(slugs: list[str]) -> list[str]:
    """Problems with the drafts editors were told were saved: each must be there, once."""
    from django.db import close_old_connections

    from drmonitor.newsroom.models import ArticlePage

    close_old_connections()
    problems = []
    found = dict.fromkeys(slugs, 0)
    for slug in ArticlePage.objects.filter(slug__in=slugs).values_list("slug", flat=True):
        found[slug] += 1
    for slug, count in found.items():
        if count != 1:
            problems.append(f"{slug}: saved, found {count} times")
    return problems


def article_paths() -> list[str]:
    from drmonitor.newsroom.models import ArticlePage

    paths = [page.url for page in ArticlePage.objects.live().order_by("pk") if page.url]
    random.Random(2024).shuffle(paths)  # which stories are most read: fixed, not by date
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=60, help="seconds per phase")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--var", type=Path, default=Path("/var/tmp/drm-soak"))
    parser.add_argument("--base-port", type=int, default=8120)
    parser.add_argument("--phases", nargs="+", choices=PHASES, default=list(PHASES))
    parser.add_argument(
        "--no-images", action="store_true", help="seed articles without pictures (faster)"
    )
    parser.add_argument("--prepare-only", action="store_true", help="seed, then stop")
    args = parser.parse_args()
    port = args.base_port
    ports = {"postgres": port, "redis": port + 1, "gunicorn": port + 2, "nginx": port + 3}
    args.var.mkdir(parents=True, exist_ok=True)
    stack = Stack(args.var, ports)
    stack.start_databases()
    try:
        prepare(stack.env, args.articles, images=not args.no_images)
        if args.prepare_only:
            return 0
        stack.start_site()
        # This process writes as an editor would: same database, cache and purge address.
        os.environ.update(stack.env)
        import django

        django.setup()
        paths = article_paths()
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
            handle.write("\n".join(paths) + "\n")
        paths_file = Path(handle.name)
        print(f"{len(paths)} articles; warming every page, then {args.duration} s per phase")
        # As by day: every story has been read since it last changed, so both caches hold it.
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda path: status(ports["nginx"], path), paths))
        wrk(paths_file, ports["nginx"], min(10, args.duration), args.connections)
        offset = stack.nginx.access_log.stat().st_size
        phases, scheduled, saved = [], [], []
        for name in args.phases:
            phase, offset, published, drafts = run_phase(
                name, stack, paths, paths_file, args, offset
            )
            phases.append(phase)
            scheduled += published
            saved += drafts
            print(f"{name}: {phase}", flush=True)
        paths_file.unlink()
        report(phases)
        problems = verify_saved(saved) + verify_published(scheduled, ports["nginx"])
        print(f"\nscheduled articles published: {len(scheduled)}; drafts saved: {len(saved)}")
        print("\n".join(problems) or "every scheduled article published once; no write lost")
        return 1 if problems or not all(phase.recovered for phase in phases) else 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
