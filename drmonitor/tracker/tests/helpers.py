"""Small builders shared by the tracker tests."""

from __future__ import annotations

from drmonitor.newsroom.models import SectionPage


def court_updates_section() -> SectionPage:
    return SectionPage.objects.get(slug="court-updates")


def publish_article(title: str, section: SectionPage | None = None, **kw):
    """A live Court Updates story (or one in `section`)."""
    from drmonitor.newsroom.factories import ArticlePageFactory

    article = ArticlePageFactory(
        parent=section or court_updates_section(), title=title, body_text="Reporting.", **kw
    )
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def member(client, group: str):
    """`client`, signed in as a new member of the editorial role `group`."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        f"{group.lower()}-1", f"{group.lower()}@example.org", "x-long-pass-1"
    )
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client
