"""In a real browser: the status board and a service page with its chart, as a reader on a
desktop and on a phone sees them (screenshots in var/screenshots)."""

from __future__ import annotations

import pytest

from drmonitor.testing.browser import DESKTOP, PHONE, browser, screenshot_dir  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_board_then_a_service_page_with_its_chart(live_server, browser, store, x_ban, viewport):  # noqa: F811
    context = browser.new_context(viewport=viewport, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/status/")
    assert page.locator(".synthetic-banner").is_visible()
    row = page.locator(".status-board tbody tr", has=page.locator('a:text-is("x.com")'))
    assert row.locator(".status-cell .state").all_inner_texts() == ["accessible"] * 3

    page.fill("#f-until", "2024-03-01")
    page.click("button:text('Filter')")
    page.wait_for_url("**/status/?*until=2024-03-01*")
    row = page.locator(".status-board tbody tr", has=page.locator('a:text-is("x.com")'))
    assert row.locator(".status-cell .state").all_inner_texts() == ["blocked"] * 3
    page.screenshot(path=screenshot_dir() / f"status-board-{viewport['width']}.png", full_page=True)

    row.locator('a:text-is("x.com")').click()
    page.wait_for_url("**/status/PK/x.com/")
    chart = page.locator("svg.chart__svg")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box and box["width"] <= viewport["width"]  # the drawing fits the screen
    assert chart.locator("rect.chart__episode").count() == 3
    hearing = chart.locator('g.chart__event--hearing[data-date="2024-03-20"]')
    assert hearing.count() == 1 and hearing.bounding_box()["width"] > 0
    assert page.locator(".status-episodes tbody tr").count() == 3
    page.screenshot(path=screenshot_dir() / f"status-x-{viewport['width']}.png", full_page=True)

    page.locator(".status-episodes tbody tr").first.locator("a").first.click()
    assert "Measurement of" in page.locator("h1").inner_text()
    assert errors == []  # no script error, no refusal by the content security policy
    context.close()
