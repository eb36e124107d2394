"""The forms a reader fills in: sign up, change e-mail, ask for a reset link. Errors are shown
next to each field."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from drmonitor.accounts.limits import RESET_MAILS_PER_ACCOUNT, RESET_MAILS_PER_ADDRESS
from drmonitor.accounts.throttle import client_ip

User = get_user_model()


def email_taken(email: str, *, other_than=None) -> bool:
    """True when another account already uses `email`, in any letter case.

    Password reset looks accounts up by e-mail case-insensitively, so two accounts whose
    addresses differ only in case would both receive one reader's reset link.
    """
    accounts = User.objects.filter(email__iexact=email)
    if other_than is not None:
        accounts = accounts.exclude(pk=other_than.pk)
    return accounts.exists()


class RegistrationForm(UserCreationForm):
    """Whether the address or the user name already has an account is never said here
    (registration.sign_up mails the address instead), so the form cannot be used to learn who
    reads the site."""

    email = forms.EmailField(
        label="E-mail",
        help_text="We send a link here to confirm it is yours; nobody else sees it.",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    def clean_username(self) -> str:
        """The name's own rules only; UserCreationForm would also say it is taken."""
        return self.cleaned_data["username"]

    def validate_unique(self) -> None:
        """Nothing: the user name is an account's only unique field, and sign_up answers for it
        by mail."""


class CurrentPasswordForm(forms.Form):
    """A sensitive change (e-mail, two-factor sign-in) confirmed with the current password, so
    a borrowed session is not enough to make it."""

    current_password = forms.CharField(
        label="Current password", strip=False, widget=forms.PasswordInput
    )

    def __init__(self, user, *args, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_current_password(self) -> str:
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("This is not your current password.")
        return password


class EmailChangeForm(CurrentPasswordForm):
    """A new address; otherwise a borrowed session could redirect password-reset mail."""

    email = forms.EmailField(label="New e-mail")
    field_order = ["email", "current_password"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email_taken(email, other_than=self.user):
            raise forms.ValidationError("Another account already uses this e-mail address.")
        return email

    def save(self) -> None:
        self.user.email = self.cleaned_data["email"]
        self.user.save(update_fields=["email"])


class TwoFactorSetupForm(CurrentPasswordForm):
    """The first code from the authenticator app proves it was set up right."""

    code = forms.CharField(
        label="Code from the app",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    field_order = ["code", "current_password"]


class TwoFactorCodeForm(forms.Form):
    """The second step of signing in."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The six digits your authenticator app shows, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class LimitedResetMails:
    """Reset links are sent at most RESET_MAILS_PER_ACCOUNT times an hour to one address and
    RESET_MAILS_PER_ADDRESS times from one client; past that the page answers as usual and
    sends nothing, so it neither floods an inbox nor tells whether the account exists."""

    def save(self, *args, request=None, **kwargs) -> None:
        by_client = RESET_MAILS_PER_ADDRESS.allow(client_ip(request)) if request else True
        by_account = RESET_MAILS_PER_ACCOUNT.allow(self.cleaned_data["email"])
        if by_client and by_account:
            super().save(*args, request=request, **kwargs)


class ReaderPasswordResetForm(LimitedResetMails, PasswordResetForm):
    pass


class StaffPasswordResetForm(LimitedResetMails, WagtailPasswordResetForm):
    """Wagtail's admin reset form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM) under the same limits."""
