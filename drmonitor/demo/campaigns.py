"""The demo's campaign pages: each a section of its own, linked to its tracker record.

A page is found by its place in the tree (its section's path and its slug). A page that exists
keeps what editors gave it; a campaign page the section tree made empty (#PrivacyHumSabKe)
gets its blank parts filled in, as the site settings do.
"""

from __future__ import annotations

import html

from wagtail.models import Page
from wagtail.rich_text import RichText

from drmonitor.advocacy.models import CampaignPage
from drmonitor.demo.reading import Located
from drmonitor.demo.saving import reported
from drmonitor.demo.schema import CampaignPageSpec
from drmonitor.newsroom.sections import find_section
from drmonitor.tracker import models as tracker


def ensure_campaign_page(home: Page, entry: Located[CampaignPageSpec]) -> None:
    spec = entry.spec
    with reported(entry, "section"):
        section = find_section(home, spec.section)
    page = Page.objects.child_of(section).filter(slug=entry.slug).first()
    if page is not None and not isinstance(page.specific, CampaignPage):
        return  # an editor made something else of it
    page = page.specific if page is not None else None
    if page is not None and (page.campaign_id or page.aims or page.introduction):
        return
    wanted = {
        "campaign": tracker.Campaign.objects.filter(name=spec.campaign).first(),
        "introduction": spec.introduction,
        "aims": RichText("".join(f"<p>{html.escape(text)}</p>" for text in spec.aims)),
        "calls_to_action": [("action", action.model_dump()) for action in spec.calls_to_action],
        "supporter_quotes": [("quote", quote.model_dump()) for quote in spec.quotes],
    }
    with reported(entry, names={"supporter_quotes": "quotes"}):
        if page is None:
            page = CampaignPage(title=spec.title, slug=entry.slug, show_in_menus=False, **wanted)
            section.add_child(instance=page)
        else:
            for name, value in wanted.items():
                setattr(page, name, value)
            page.full_clean()
        page.statements = list(tracker.Statement.objects.filter(title__in=spec.statements))
        page.save_revision().publish()
