"""What the profile page shows besides the account itself.

Other parts (the tracker's "things I follow") add a panel here from their AppConfig
(`ProfilePanelApp`) instead of accounts importing them: accounts sits beside them, not above
them.
"""

from __future__ import annotations

from typing import ClassVar

from drmonitor.core import site_app

_panels: list[str] = []


def register_profile_panel(template_name: str) -> None:
    """Show `template_name` on the profile page. It is rendered with `request` and `user`."""
    if template_name not in _panels:
        _panels.append(template_name)


def profile_panels() -> list[str]:
    return list(_panels)


class ProfilePanelApp(site_app.SiteApp):
    """An app that shows a panel of its own (`profile_panel`, a template) on the profile page."""

    profile_panel: ClassVar[str]

    def ready(self) -> None:
        register_profile_panel(self.profile_panel)
        super().ready()
