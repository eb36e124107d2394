"""What the profile page shows besides the account itself.

Other parts (the tracker's "things I follow") add a panel here from their AppConfig.ready()
instead of accounts importing them: accounts sits beside them, not above them.
"""

from __future__ import annotations

_panels: list[str] = []


def register_profile_panel(template_name: str) -> None:
    """Show `template_name` on the profile page. It is rendered with `request` and `user`."""
    if template_name not in _panels:
        _panels.append(template_name)


def profile_panels() -> list[str]:
    return list(_panels)
