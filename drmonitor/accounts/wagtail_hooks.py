"""The staff's e-mail address on Wagtail's account page, changed only with the current password.

Wagtail's own "Name and Email" panel changes the address without it, and a reset mail then goes
to the new address: a borrowed session would be enough to take an account over. Its e-mail
field is switched off (WAGTAIL_EMAIL_MANAGEMENT_ENABLED) and this panel takes its place, with the
readers' form. Wagtail's password panel already asks for the old password.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel

from drmonitor.accounts.forms import EmailChangeForm


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
