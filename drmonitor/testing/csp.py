"""A browser page that records every Content-Security-Policy violation it meets, for tests that
assert a page runs under the site's policy (core/tests/test_csp_browser.py and others).

Violations arrive two ways: the document's `securitypolicyviolation` events (its own and its
frames') and chromium's console complaints. Requests for other sites (a video player) get a
stand-in answer, so nothing leaves this machine; the policy is checked before any request is
made, so a forbidden frame is still reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from drmonitor.testing.browser import DESKTOP

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.drmReportViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${document.location.pathname}`);
});
"""
# Run in a page, resolves once the page has refused an inline script: shows the recording works.
INJECT_INLINE_SCRIPT = """() => new Promise((resolve) => {
  document.addEventListener("securitypolicyviolation", () => resolve(document.title), {once: true});
  const script = document.createElement("script");
  script.textContent = "document.title = 'injected';";
  document.head.append(script);
})"""
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")
STAND_IN = "<!doctype html><title>Elsewhere</title><p>A stand-in for another site's page.</p>"


@pytest.fixture
def watched_page(browser) -> Iterator[tuple[object, list[str]]]:
    """(page, violations): the list fills as the page meets violations."""
    violations: list[str] = []
    context = browser.new_context(viewport=DESKTOP)
    context.expose_function("drmReportViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.route(ELSEWHERE, lambda route: route.fulfill(content_type="text/html", body=STAND_IN))
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page, violations
    context.close()
