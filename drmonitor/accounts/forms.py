"""The forms a reader fills in: sign up, change e-mail. Errors are shown next to each field."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

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
    email = forms.EmailField(
        label="E-mail",
        help_text="We send the password-reset link here; nobody else sees it.",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email_taken(email):
            raise forms.ValidationError(
                "An account with this e-mail address already exists. "
                "Log in, or use “Forgotten password” to get back into it."
            )
        return email


class EmailChangeForm(forms.Form):
    """A new address, confirmed with the current password so a borrowed session cannot
    redirect password-reset mail elsewhere."""

    email = forms.EmailField(label="New e-mail")
    current_password = forms.CharField(
        label="Current password", strip=False, widget=forms.PasswordInput
    )

    def __init__(self, user, *args, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email_taken(email, other_than=self.user):
            raise forms.ValidationError("Another account already uses this e-mail address.")
        return email

    def clean_current_password(self) -> str:
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("This is not your current password.")
        return password

    def save(self) -> None:
        self.user.email = self.cleaned_data["email"]
        self.user.save(update_fields=["email"])
