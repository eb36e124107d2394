"""Benchmark the site against the WordPress peer and against nginx serving a static page.

    .venv/bin/python bench/run.py [--articles 2000] [--no-wordpress] [--search-articles 10000]
                                  [--var DIR] [--site-port 8090] [--static-port 8092]

Runs, one after the other on this machine with the other servers idle:
  1. the WordPress peer (../shared/bench/wordpress, setup.sh then bench.sh), no page cache;
  2. our site under gunicorn with the page cache off ("cache off": the kept fragments of
     docs/performance.md still serve), with no cache at all (fragments off too), then with the
     page cache on, with the same bench.sh;
  3. our site as production runs it with the cache on: nginx, configured by `drmonitor manage
     nginx_config`, in front of gunicorn, serving anonymous readers from its proxy cache and
     purged by Django ("ours, cache on"; the gunicorn-only run of step 2 is kept as "cache on,
     gunicorn only");
  4. nginx serving a saved copy of our article page as a static file (the ceiling for a cached
     page on this machine);
  5. search latency (p50/p95) at --search-articles articles, sequential requests (0 skips it).
Prints each bench.sh table and a side-by-side summary with ratios. Only loopback is used.
bench.sh's own settings (BENCH_PAGES, BENCH_DURATION, ...) pass through the environment.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT.parent / "shared" / "bench" / "wordpress"
PYTHON = sys.executable
SITE_PORT, STATIC_PORT = 8090, 8092
OUR_PATHS = {
    "BENCH_PATH_HOME": "/",
    "BENCH_PATH_CATEGORY": "/drm-exclusive/news/",
    "BENCH_PATH_POST": "/drm-exclusive/news/pta-blocks-x-nationwide-citing-security-concerns/",
    "BENCH_PATH_TAG": "/tag/pta/",
    "BENCH_PATH_SEARCH": "/search/?q=privacy",
    "BENCH_PATH_FEED": "/feed/",
}
# Pages that are plain anonymous HTML without a query string: nginx must send them from its cache.
CACHED_PAGES = ("home", "category", "post", "tag", "feed")
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
ROW = re.compile(r"^\| (\w+) \| `([^`]*)` \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \| (\d+) \|")


def site_env(
    var_dir: Path, cache_seconds: int, fragments: bool = True, purge_url: str = ""
) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "drmonitor.settings.dev",
        "DRM_DEBUG": "0",  # as production: a DRM_DEBUG=1 left in the shell must not bench DEBUG
        "DRM_VAR_DIR": str(var_dir),
        "DRM_PAGE_CACHE_SECONDS": str(cache_seconds),
        "DRM_FRAGMENT_CACHE_SECONDS": "600" if fragments else "0",
        "DRM_PURGE_URL": purge_url,
    }


def prepare_site(var_dir: Path, articles: int, images: bool = True) -> None:
    set_up_and_seed(site_env(var_dir, 0), articles, images)


def set_up_and_seed(
    env: dict[str, str], articles: int, images: bool = True, demo: bool = True
) -> None:
    """Migrate, collect static files, install the site (and its demo) and seed the bench
    articles into the site `env` names; every step is idempotent."""
    setup = [PYTHON, "-m", "drmonitor.cli", "setup"] + ([] if demo else ["--no-demo"])
    subprocess.run(setup, env=env, check=True, cwd=ROOT)
    subprocess.run(
        [PYTHON, str(ROOT / "bench" / "seed.py"), "--articles", str(articles)]
        + ([] if images else ["--no-images"]),
        env=env,
        check=True,
        cwd=ROOT,
    )


def server_block(env: dict[str, str], listen: int, upstream: int, cache_dir: Path) -> str:
    """The server block `drmonitor manage nginx_config` prints for this site."""
    return subprocess.run(
        [PYTHON, "-m", "drmonitor.cli", "manage", "nginx_config"]
        + ["--listen", f"127.0.0.1:{listen}", "--upstream", f"127.0.0.1:{upstream}"]
        + ["--cache-dir", str(cache_dir)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def wait_for(port: int, path: str = "/", seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port} within {seconds} s")


def start_site(
    var_dir: Path, cache_seconds: int, fragments: bool = True, purge_url: str = ""
) -> subprocess.Popen:
    workers = os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1))
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "drmonitor.wsgi:application",
            "--config",
            "python:drmonitor.gunicorn_conf",
            "-b",
            f"127.0.0.1:{SITE_PORT}",
            "--workers",
            workers,
            "--log-level",
            "warning",
        ],
        env=site_env(var_dir, cache_seconds, fragments, purge_url),
        cwd=ROOT,
    )
    wait_for(SITE_PORT)
    return server


def bench_sh(base: str, extra_env: dict[str, str] | None = None) -> dict[str, tuple]:
    """Run the peer's bench.sh, echo its report; {page: (req/s, p50, p99, non-2xx, errors)}."""
    result = subprocess.run(
        ["bash", str(PEER / "bench.sh"), base],
        env={**os.environ, **(extra_env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout)
    if result.returncode:
        print(result.stderr, file=sys.stderr)
    rows = {}
    for line in result.stdout.splitlines():
        match = ROW.match(line)
        if match:
            page, _path, rps, p50, p99, non2xx, errors = match.groups()
            if int(non2xx) or int(errors):
                # A fast error page is not a page: such a row must not enter the comparison.
                print(f"WARNING: {page} had {non2xx} non-2xx and {errors} socket errors; dropped")
                continue
            rows[page] = (float(rps), float(p50), float(p99), int(non2xx), int(errors))
    return rows


def nginx_conf(workdir: Path, http: str) -> Path:
    """Write an nginx.conf whose state (pid, logs, temp files) all stays in `workdir`."""
    temp = "\n".join(
        f"  {kind}_temp_path {workdir}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    mime = "  include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
    config = workdir / "nginx.conf"
    config.write_text(
        f"""worker_processes auto;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
events {{ worker_connections 1024; }}
http {{
{mime}
{temp}
{http}
}}
"""
    )
    return config


def nginx_static(html: bytes) -> dict[str, tuple]:
    """Serve `html` as a static file with nginx and measure it like a page."""
    workdir = Path(tempfile.mkdtemp(prefix="drm-nginx-"))
    (workdir / "www").mkdir()
    (workdir / "www" / "article.html").write_bytes(html)
    # nginx's workers run as www-data: they must be able to read the copy.
    for path in (workdir, workdir / "www"):
        path.chmod(0o755)
    (workdir / "www" / "article.html").chmod(0o644)
    config = nginx_conf(
        workdir,
        f"""  access_log off;
  default_type text/html;
  server {{
    listen 127.0.0.1:{STATIC_PORT};
    root {workdir}/www;
    location / {{ try_files /article.html =404; }}
  }}""",
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run([nginx, "-c", str(config)], check=True)
    try:
        wait_for(STATIC_PORT)
        return bench_sh(
            f"http://127.0.0.1:{STATIC_PORT}",
            {"BENCH_PAGES": "post", "BENCH_PATH_POST": "/article.html"},
        )
    finally:
        subprocess.run([nginx, "-c", str(config), "-s", "stop"], check=False)
        shutil.rmtree(workdir, ignore_errors=True)


def fetch(port: int, path: str) -> tuple[int, bytes, float]:
    status, _headers, body, ms = fetch_with_headers(port, path)
    return status, body, ms


def fetch_with_headers(port: int, path: str) -> tuple[int, dict[str, str], bytes, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return (
        response.status,
        dict(response.getheaders()),
        body,
        (time.perf_counter() - started) * 1000,
    )


def front_config(workdir: Path, env: dict[str, str]) -> Path:
    """nginx as production runs it: `drmonitor manage nginx_config`, proxy cache in `workdir`.

    nginx logs only the requests it passed to gunicorn, so that afterwards we can tell that the
    pages really were all sent from its cache.
    """
    if not PURGE_MODULE.exists():
        raise RuntimeError(f"{PURGE_MODULE} is missing (libnginx-mod-http-cache-purge)")
    block = server_block(env, STATIC_PORT, SITE_PORT, workdir / "cache")
    config = nginx_conf(
        workdir,
        f"""  # Log only what went to gunicorn; a cache hit costs nothing here.
  map $upstream_addr $drm_proxied {{ "" 0; default 1; }}
  log_format drm_proxied '$uri $status';
  access_log {workdir}/proxied.log drm_proxied if=$drm_proxied;
{block}""",
    )
    config.write_text(f"load_module {PURGE_MODULE};\n" + config.read_text())
    return config


class Front:
    """gunicorn with nginx's proxy cache in front, purged by Django, for the length of a `with`."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.workdir = Path(tempfile.mkdtemp(prefix="drm-nginx-front-"))
        # nginx's workers run as an unprivileged user: they write the cache under workdir.
        self.workdir.chmod(0o777)
        self.purge_url = f"http://127.0.0.1:{STATIC_PORT}"
        self.env = site_env(site_dir, 300, purge_url=self.purge_url)
        self.config = front_config(self.workdir, self.env)
        self.log = self.workdir / "proxied.log"
        self.nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    def __enter__(self) -> Front:
        self.site = start_site(self.site_dir, 300, purge_url=self.purge_url)
        subprocess.run(
            [self.nginx, "-e", str(self.workdir / "error.log"), "-c", str(self.config)], check=True
        )
        wait_for(STATIC_PORT)
        return self

    def __exit__(self, *exc) -> None:
        subprocess.run([self.nginx, "-c", str(self.config), "-s", "stop"], check=False)
        self.site.terminate()
        self.site.wait()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def warm(self, path: str) -> str:
        """Request `path` until nginx sends it from its cache; its last X-Cache-Status."""
        for _attempt in range(5):
            status, headers, _body, _ms = fetch_with_headers(STATIC_PORT, path)
            if status != 200:
                raise RuntimeError(f"nginx answered {status} for {path}")
            if headers.get("X-Cache-Status") == "HIT":
                break
        return headers.get("X-Cache-Status", "")


def nginx_front(site_dir: Path) -> dict[str, tuple]:
    """bench.sh through nginx's proxy cache in front of gunicorn: "ours, cache on"."""
    with Front(site_dir) as front:
        for name, path in OUR_PATHS.items():
            page = name.removeprefix("BENCH_PATH_").lower()
            if front.warm(path) != "HIT" and page in CACHED_PAGES:
                raise RuntimeError(f"nginx never sent {path} from its cache")
        before = len(proxied_paths(front.log))
        rows = bench_sh(f"http://127.0.0.1:{STATIC_PORT}", OUR_PATHS)
        proxied = Counter(proxied_paths(front.log)[before:])
    for page in CACHED_PAGES:
        path = OUR_PATHS[f"BENCH_PATH_{page.upper()}"]
        if proxied[path] > 2:
            # Not the figure we claim: more than the odd expiry went to gunicorn.
            print(f"WARNING: {page}: {proxied[path]} requests went to gunicorn; dropped")
            rows.pop(page, None)
    print("requests nginx passed to gunicorn during the run:", dict(proxied) or "none")
    return rows


def proxied_paths(log: Path) -> list[str]:
    """The paths nginx passed to gunicorn so far, one per request, from its log."""
    try:
        return [line.split(" ", 1)[0] for line in log.read_text().splitlines()]
    except FileNotFoundError:
        return []


def search_latency(var_dir: Path, articles: int) -> dict[str, tuple[float, float, int]]:
    """p50/p95 of the results page and the live endpoint, sequential, at `articles` articles,
    after an untimed warm-up pass."""
    prepare_site(var_dir, articles, images=False)  # the results page shows no pictures
    server = start_site(var_dir, cache_seconds=0)
    queries = ["privacy", "court petition", "vpn", "shutdown", "firewall", "xyzzy", "pta", "law"]
    figures = {}
    try:
        for label, template in (
            ("search page", "/search/?q={}"),
            ("live search", "/search/live/?q={}"),
        ):
            # Two untimed passes first, as bench.sh warms each page up: the workers' first
            # requests load templates and fault in the database's pages.
            for query in queries * 2:
                fetch(SITE_PORT, template.format(query.replace(" ", "+")))
            timings = []
            for _round in range(25):
                for query in queries:
                    status, _body, ms = fetch(SITE_PORT, template.format(query.replace(" ", "+")))
                    if status != 200:
                        raise RuntimeError(f"{template.format(query)} answered {status}")
                    timings.append(ms)
            timings.sort()
            figures[label] = (
                statistics.median(timings),
                timings[int(len(timings) * 0.95) - 1],
                len(timings),
            )
    finally:
        server.terminate()
        server.wait()
    return figures


def _cell(row: tuple | None) -> str:
    return f"{row[0]:.1f} ({row[2]:.0f})" if row else "-"


def _ratio(row: tuple | None, peer: tuple | None) -> str:
    return f"{row[0] / peer[0]:.1f}x" if row and peer else "-"


def summary(wordpress: dict, off: dict, none: dict, on: dict, front: dict, static: dict) -> None:
    print("\n## Side by side (req/s; p99 ms in brackets; ratio = ours / WordPress)\n")
    print(
        "| page | WordPress | ours, cache off | ratio | no cache at all | ratio"
        " | ours, cache on | ratio | cache on, gunicorn only | ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for page in ("home", "category", "post", "tag", "search", "feed"):
        wp, cold, bare = wordpress.get(page), off.get(page), none.get(page)
        hot, gun = front.get(page), on.get(page)
        cells = [_cell(wp), _cell(cold), _ratio(cold, wp), _cell(bare), _ratio(bare, wp)]
        cells += [_cell(hot), _ratio(hot, wp), _cell(gun), _ratio(gun, wp)]
        print(f"| {page} | " + " | ".join(cells) + " |")
    if static.get("post"):
        print(f"\nnginx static copy of the article page: {static['post'][0]:.1f} req/s.\n")
        print("| our cached article page | req/s | share of nginx static |")
        print("|---|---:|---:|")
        for label, row in (
            ("ours, cache on (nginx proxy cache)", front.get("post")),
            ("cache on, gunicorn only", on.get("post")),
        ):
            if row:
                print(f"| {label} | {row[0]:.1f} | {row[0] / static['post'][0]:.1%} |")


def set_ports(site: int, static: int) -> None:
    """Ports other than the lead's 8090/8092, for a run beside theirs."""
    global SITE_PORT, STATIC_PORT
    SITE_PORT, STATIC_PORT = site, static


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--search-articles", type=int, default=10000)
    parser.add_argument("--no-wordpress", action="store_true")
    parser.add_argument("--var", type=Path, default=Path("/var/tmp/drm-bench"))
    parser.add_argument("--site-port", type=int, default=SITE_PORT, help="gunicorn's port")
    parser.add_argument(
        "--static-port", type=int, default=STATIC_PORT, help="nginx's port (front and static)"
    )
    args = parser.parse_args()
    set_ports(args.site_port, args.static_port)

    wordpress: dict = {}
    if not args.no_wordpress:
        subprocess.run(
            ["bash", str(PEER / "setup.sh")],
            check=True,
            env={**os.environ, "WP_BENCH_SKIP_APT": os.environ.get("WP_BENCH_SKIP_APT", "")},
        )
        print("== WordPress peer (no page cache)")
        wordpress = bench_sh("http://127.0.0.1:8081")
        subprocess.run(["bash", str(PEER / "stop.sh")], check=False)

    # "-images": the articles carry pictures like the peer's posts (a site seeded before they
    # did must not be reused).
    site_dir = args.var / f"site-{args.articles}-images"
    prepare_site(site_dir, args.articles)
    results = {}
    for label, seconds, fragments in (("off", 0, True), ("none", 0, False), ("on", 300, True)):
        server = start_site(site_dir, seconds, fragments=fragments)
        try:
            print(f"== Our site, page cache {label}" + ("" if fragments else ", fragments off"))
            results[label] = bench_sh(f"http://127.0.0.1:{SITE_PORT}", OUR_PATHS)
            if label == "on":
                _status, article_html, _ms = fetch(SITE_PORT, OUR_PATHS["BENCH_PATH_POST"])
        finally:
            server.terminate()
            server.wait()

    print("== Our site, page cache on: nginx's proxy cache in front of gunicorn")
    front = nginx_front(site_dir)
    print("== nginx serving a static copy of our article page")
    static = nginx_static(article_html)
    summary(wordpress, results["off"], results["none"], results["on"], front, static)

    if args.search_articles <= 0:
        return 0
    print(f"\n## Search latency at {args.search_articles} articles (sequential requests)\n")
    print("| endpoint | p50 ms | p95 ms | requests |")
    print("|---|---:|---:|---:|")
    for label, (p50, p95, n) in search_latency(
        args.var / f"site-{args.search_articles}", args.search_articles
    ).items():
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
