"""Lighthouse and axe-core on the pages readers land on, ours beside the WordPress peer's.

    .venv/bin/python bench/audit.py [--site http://127.0.0.1:8000] [--peer http://127.0.0.1:8081]
                                    [--tools /var/tmp/drm-audit-tools]

Audits the site `make run` serves (its demo content). Runs Lighthouse 12.2.3 (mobile, its
default simulated throttling) in Debian's chromium on the home page, a section, an article,
the search results and an incident page, then axe-core on each in the same chromium through
Playwright, and prints one table per site: the four Lighthouse scores, the page's weight on a
first load (Lighthouse's total-byte-weight) and axe's serious and critical violations. The
peer has no incident page: a tag page stands in.
Lighthouse and axe-core are installed with npm into --tools on first use (loopback only after
that: nothing leaves the machine while auditing). Not a test: scores move with the machine's
load, so the table is read by people (the targets: every score >= 95, no page over 1 MB, no
serious or critical axe violation).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

LIGHTHOUSE = "lighthouse@12.2.3"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
OUR_PAGES = {
    "home": "/",
    "section": "/drm-exclusive/news/",
    "article": "/drm-exclusive/news/moi-asks-pta-block-illegal-vpns/",
    "search": "/search/?q=privacy",
    "incident": "/incidents/x-blocked-in-pakistan/",
}
PEER_PAGES = {
    "home": "/",
    "section": "/category/drm-exclusive/news/",
    "article": "/pta-blocks-x-nationwide-citing-security-concerns/",
    "search": "/?s=privacy",
    "incident (tag)": "/tag/pta/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SERIOUS = ("serious", "critical")


def install_tools(tools: Path) -> None:
    """Lighthouse and axe-core from the npm registry, once, into `tools`."""
    if (tools / "node_modules" / ".bin" / "lighthouse").exists() and (
        tools / "node_modules" / "axe-core" / "axe.min.js"
    ).exists():
        return
    tools.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(tools),
            LIGHTHOUSE,
            "axe-core",
        ],
        check=True,
    )


def lighthouse(tools: Path, url: str, tries: int = 3) -> dict:
    """Lighthouse's four scores (0-100) and the page's first-load weight in bytes. A run whose
    trace Chrome failed to record (NO_NAVSTART, now and then on a busy machine) is tried again."""
    for attempt in range(1, tries + 1):
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / "report.json"
            finished = subprocess.run(
                [
                    str(tools / "node_modules" / ".bin" / "lighthouse"),
                    url,
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                    f"--chrome-flags={CHROME_FLAGS}",
                    "--only-categories=" + ",".join(CATEGORIES),
                ],
                check=attempt == tries,
                env={**os.environ, "CHROME_PATH": CHROMIUM},
            )
            if finished.returncode == 0:
                data = json.loads(report.read_text())
                break
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["bytes"] = int(data["audits"]["total-byte-weight"]["numericValue"])
    return scores


def axe(tools: Path, url: str, browser) -> tuple[int, list[str]]:
    """axe-core's serious and critical violations on the page as a phone loads it."""
    # axe is injected into the page as an inline script, which the site's own
    # Content-Security-Policy refuses: the audit's browser bypasses the policy.
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.add_script_tag(path=str(tools / "node_modules" / "axe-core" / "axe.min.js"))
    result = page.evaluate("() => axe.run(document)")
    context.close()
    found = [v for v in result["violations"] if v.get("impact") in SERIOUS]
    return sum(len(v["nodes"]) for v in found), [f"{v['id']} ({v['impact']})" for v in found]


def audit(tools: Path, title: str, base: str, pages: dict[str, str], browser) -> None:
    """Audit each page and print its row as soon as it is measured."""
    print_header(title)
    for name, path in pages.items():
        url = base.rstrip("/") + path
        scores = lighthouse(tools, url)
        count, rules = axe(tools, url, browser)
        print_row(name, path, scores, count, rules)


def print_header(title: str) -> None:
    print(f"\n## {title}\n")
    columns = ("Performance", "Accessibility", "Best Practices", "SEO", "weight")
    print(f"| page | path | {' | '.join(columns)} | axe serious/critical |")
    print("|---|---|---|---|---|---|---|---|", flush=True)


def print_row(name: str, path: str, scores: dict, count: int, rules: list[str]) -> None:
    weight = f"{scores['bytes'] / 1024:.0f} KiB"
    found = f"{count} ({', '.join(rules)})" if count else "0"
    print(
        f"| {name} | `{path}` | {scores['performance']} | {scores['accessibility']} | "
        f"{scores['best-practices']} | {scores['seo']} | {weight} | {found} |",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="http://127.0.0.1:8000", help="our site's address")
    parser.add_argument("--peer", default="http://127.0.0.1:8081", help="the WordPress peer's")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--tools", type=Path, default=Path("/var/tmp/drm-audit-tools"))
    args = parser.parse_args()
    install_tools(args.tools)
    from playwright.sync_api import sync_playwright  # the test extra installs it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--headless=new"]
        )
        audit(args.tools, f"Digital Rights Monitor ({args.site})", args.site, OUR_PAGES, browser)
        if not args.no_peer:
            audit(args.tools, f"WordPress peer ({args.peer})", args.peer, PEER_PAGES, browser)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
