"""The accounts app in the admin: the e-mail panel, the link to two-factor sign-in, and the
administrators' reset of someone's two-factor sign-in (two_factor_reset.py).

The staff's e-mail address on Wagtail's account page is changed only with the current password.

Wagtail's own "Name and Email" panel changes the address without it, and a reset mail then goes
to the new address: a borrowed session would be enough to take an account over. Its e-mail
field is switched off (WAGTAIL_EMAIL_MANAGEMENT_ENABLED) and this panel takes its place, with the
readers' form. Wagtail's password panel already asks for the old password.
"""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.widgets import Button

from drmonitor.accounts import two_factor_reset
from drmonitor.accounts.forms import EmailChangeForm
from drmonitor.accounts.two_factor import has_two_factor


class EmailPanel(BaseSettingsPanel):
    name = "email"
    title = "E-mail"
    order = 150  # after the name, before the picture
    form_class = EmailChangeForm

    def get_form(self) -> EmailChangeForm:
        initial = {"email": self.user.email}
        data = self.request.POST if self.request.method == "POST" else None
        # Bound only when the address changes: the page saves every panel at once.
        if data is not None and data.get(f"{self.name}-email", self.user.email) == self.user.email:
            data = None
        return EmailChangeForm(self.user, data, prefix=self.name, initial=initial)


@hooks.register("register_account_settings_panel")
def email_panel(request, user, profile) -> EmailPanel:
    return EmailPanel(request, user, profile)


@hooks.register("register_account_menu_item")
def two_factor_item(request) -> dict:
    """Staff set up two-factor sign-in on the same page as readers (accounts' own)."""
    return {
        "url": reverse("accounts:two_factor"),
        "label": "Two-factor sign-in",
        "help_text": "Ask for a code from your phone after the password.",
    }


@hooks.register("register_admin_urls")
def two_factor_reset_urls() -> list:
    return [
        path(
            "accounts/two-factor-reset/<int:user_id>/",
            two_factor_reset.reset_view,
            name=two_factor_reset.URL_NAME,
        )
    ]


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user) -> list[Button]:
    """In the users list's "More" menu, for administrators, beside each account that has it."""
    if not (two_factor_reset.may_reset(request_user) and has_two_factor(user)):
        return []
    return [
        Button(
            "Reset two-factor sign-in",
            two_factor_reset.reset_url(user),
            icon_name="lock-open",
            priority=50,
        )
    ]


@hooks.register("register_log_actions")
def two_factor_reset_log_action(actions) -> None:
    """Name the reset in the person's history (Users › the person › History)."""
    actions.register_action(
        two_factor_reset.RESET_ACTION,
        "Two-factor sign-in reset",
        "Two-factor sign-in reset by an administrator",
    )
