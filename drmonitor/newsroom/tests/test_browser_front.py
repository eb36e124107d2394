"""The menu and the article page in a real browser: keyboard, mouse, phone, and a screenshot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from drmonitor.core.models import SiteSettings
from drmonitor.newsroom.factories import ArticlePageFactory, ImageFactory, full_story
from drmonitor.newsroom.models import SectionPage
from drmonitor.testing.browser import PHONE, screenshot_dir

pytest_plugins = ["drmonitor.testing.browser"]
# The live server needs committed data; serialized rollback brings back what migrations made
# (the page tree's root, the default locale and collection) after each test empties the tables.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def story(home):
    story = full_story(home)
    news = SectionPage.objects.get(slug="news", url_path__contains="/drm-exclusive/")
    editorial = SectionPage.objects.get(slug="editorial")
    for days, title, parent, tags in [
        (1, "Mobile data suspended in two districts", news, ["Shutdowns"]),
        (4, "Petition against the X ban admitted", news, ["X ban", "Courts"]),
        (6, "Editorial: the cost of switching off", editorial, ["X ban"]),
    ]:
        ArticlePageFactory(
            parent=parent,
            title=title,
            date_published=story.date_published - timedelta(days=days),
            featured_image=ImageFactory(),
            tag_names=tags,
        )
    settings = SiteSettings.load()
    settings.about = "Digital Rights Monitor follows internet freedom in Pakistan."
    settings.x_url = "https://x.com/digitalrightspk"
    settings.facebook_url = "https://facebook.com/digitalrightsmonitor"
    settings.save()
    return story


def load_lazy_images(page) -> None:
    """Scroll to the end so lazy images load before a full-page screenshot."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")


def submenu(page, title: str):
    item = page.locator("#main-menu > li", has=page.locator(f"> a:text-is('{title}')"))
    return item, item.locator("> .submenu"), item.locator("> .submenu-toggle")


def test_menu_opens_by_keyboard_and_mouse(site_url, home, browser_page):
    page = browser_page(site_url + "/")
    item, dropdown, toggle = submenu(page, "DRM Exclusive")
    assert not dropdown.is_visible()

    item.locator("> a").focus()
    page.keyboard.press("Tab")  # onto the section's toggle button
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "submenu-1"
    page.keyboard.press("Enter")
    assert dropdown.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")  # into the dropdown: the first subsection
    assert page.evaluate("document.activeElement.textContent") == "News"
    page.keyboard.press("Escape")
    assert not dropdown.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "submenu-1"
    page.keyboard.press("Space")
    assert dropdown.is_visible()
    page.keyboard.press("Escape")

    media, media_dropdown, media_toggle = submenu(page, "In Media")
    media.locator("> a").hover()
    assert media_dropdown.is_visible() and media_toggle.get_attribute("aria-expanded") == "true"
    media_dropdown.get_by_role("link", name="OP-EDs").click()
    page.wait_for_url("**/in-media/op-eds/")
    assert page.locator("h1").inner_text() == "OP-EDs"


def test_menu_without_javascript_opens_on_focus(site_url, home, browser_page):
    page = browser_page(site_url + "/", javascript=False)
    item, dropdown, _ = submenu(page, "Resources")
    assert not dropdown.is_visible()
    item.locator("> a").focus()
    assert dropdown.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Laws and Policies"


def test_phone_menu_button_toggles_the_menu(site_url, home, browser_page):
    page = browser_page(site_url + "/", viewport=PHONE)
    button = page.get_by_role("button", name="Menu")
    menu = page.locator("#main-menu")
    assert button.is_visible() and not menu.is_visible()
    button.click()
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    _, dropdown, toggle = submenu(page, "DRM Advocacy")
    assert not dropdown.is_visible()
    toggle.click()
    assert dropdown.get_by_role("link", name="Statements").is_visible()
    button.click()
    assert not menu.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_article_page_screenshot_and_copy_link(site_url, story, browser_page):
    page = browser_page(site_url + story.url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    assert page.locator(".article__figure img").evaluate("img => img.naturalWidth") > 0
    assert page.locator(".recent__item").count() == 3
    # The browser writes today's date (Pakistan time) into the header of a cached page.
    today = timezone.localdate()
    assert page.locator("header .dateline time").text_content() == (
        f"{today:%A}, {today.day} {today:%B} {today.year}"
    )
    load_lazy_images(page)
    page.screenshot(path=str(screenshot_dir() / "article.png"), full_page=True)

    copy = page.get_by_role("button", name="Copy link")
    copy.click()
    expect(page.get_by_role("button", name="Link copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == site_url + story.url

    phone = browser_page(site_url + story.url, viewport=PHONE)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    load_lazy_images(phone)
    phone.screenshot(path=str(screenshot_dir() / "article-phone.png"), full_page=True)
