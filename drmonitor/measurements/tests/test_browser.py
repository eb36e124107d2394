"""In a real browser: the status board and a service page with its chart, as a reader on a
desktop and on a phone sees them (screenshots in var/screenshots)."""

from __future__ import annotations

import pytest

from drmonitor.demo.measurement_history import load_into
from drmonitor.demo.reading import read_content
from drmonitor.testing.browser import DESKTOP, PHONE, browser, screenshot_dir  # noqa: F401
from drmonitor.tracker.factories import BLOCKING_LETTER

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


def test_the_demo_history_of_x_in_pakistan_as_a_reader_walks_it(
    live_server,
    browser,  # noqa: F811
    x_ban,
    settings,
    tmp_path,
):
    """Issue 12's "done": from any page to the board, then X's page, with the demo's own
    synthetic history (content/measurements.yaml) and the tracker's X-ban file."""
    store = tmp_path / "measurements.duckdb"
    load_into(store, [entry.spec for entry in read_content().measurement_histories])
    settings.DRM_MEASUREMENT_STORE = store
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/incidents/")
    desk = page.locator("nav[aria-label='Evidence desk']")
    desk.get_by_role("link", name="Blocking status").click()
    page.wait_for_url("**/status/")
    assert "synthetic" in page.locator(".synthetic-banner").inner_text()
    row = page.locator(".status-board tbody tr", has=page.locator('a:text-is("x.com")'))
    cells = row.locator(".status-cell")
    assert cells.count() == 3  # PTCL, CMPak, AS136384
    for n in range(3):  # restored on 7 May 2025 everywhere, each cell with its measurements
        cell = cells.nth(n)
        assert cell.locator(".state").inner_text() == "accessible"
        assert cell.locator(".status-since").inner_text() == "since 7 May 2025"
        assert "/status/PK/x.com/measurements/?" in cell.locator("a").get_attribute("href")
    page.screenshot(path=screenshot_dir() / "status-demo-board-1280.png", full_page=True)

    row.locator('a:text-is("x.com")').click()
    page.wait_for_url("**/status/PK/x.com/")
    assert "synthetic" in page.locator(".synthetic-banner").inner_text()
    episodes = page.locator(".status-episodes tbody tr")
    assert episodes.count() == 3  # one per network, each from 17 Feb 2024 to 7 May 2025
    restored_on = {}
    for n in range(3):
        network, start, end, restorations = (
            episodes.nth(n).locator(f"> :nth-child({c})").inner_text() for c in (2, 4, 5, 6)
        )
        assert "17 Feb 2024" in start and "(blocked)" in start
        assert end.endswith("(accessible)") and "7 May 2025" in end.split("by ")[-1]
        restored_on[network.split()[0]] = restorations
    assert "18 Feb 2024" in restored_on["AS17557"] and "18 Feb 2024" in restored_on["AS59257"]
    assert restored_on["AS136384"] == "none seen"  # as the demo's history says

    # The ministry's letter and the hearings on the same axis as the measurements, sourced.
    chart = page.locator("svg.chart__svg")
    letter = chart.locator('g.chart__event--order[data-date="2024-02-17"]')
    assert letter.count() == 1 and letter.bounding_box()["width"] > 0
    hearings = chart.locator("g.chart__event--hearing")
    dates = {hearings.nth(n).get_attribute("data-date") for n in range(hearings.count())}
    assert {"2024-02-21", "2024-03-20", "2024-04-17", "2024-09-12", "2024-12-10"} <= dates
    listed = page.locator(".status-event", has_text="Ministry of Interior letter to the PTA")
    assert listed.locator(f'a.source-link[href="{BLOCKING_LETTER}"]').count() == 1
    page.screenshot(path=screenshot_dir() / "status-demo-x-1280.png", full_page=True)

    # Every figure opens the measurements behind it: the restoration's first accessible one.
    episodes.first.locator("> :nth-child(5) a").last.click()
    assert "Measurement of" in page.locator("h1").inner_text()
    assert "7 May 2025" in page.locator("main").inner_text()
    assert "synthetic" in page.locator(".synthetic-banner").inner_text()
    assert errors == []
    context.close()
