"""Reader accounts: sign up, log in and out, reset a forgotten password, the profile page.

Every page here is personal or carries a form with a CSRF token, so none may be kept by a
shared cache: urls.py wraps each view in never_cache (Cache-Control: private, no-store).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.debug import sensitive_post_parameters

from drmonitor.accounts.forms import EmailChangeForm, ReaderPasswordResetForm, RegistrationForm
from drmonitor.accounts.limits import REGISTRATIONS_PER_ADDRESS
from drmonitor.accounts.profile import profile_panels
from drmonitor.accounts.registration import confirmation_tokens, sign_up
from drmonitor.accounts.throttle import client_ip

User = get_user_model()

# Reader sign-in goes past django-axes' backend to the model backend; name it explicitly since
# two backends are configured.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@sensitive_post_parameters("password1", "password2")
def register(request: HttpRequest) -> HttpResponse:
    """Sign up; the same "check your e-mail" page whether or not the address had an account
    (registration.py says what each gets by mail)."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not REGISTRATIONS_PER_ADDRESS.allow(client_ip(request)):
            return render(request, "accounts/register_limited.html", status=429)
        sign_up(form)
        context = {"email": form.cleaned_data["email"], "timeout_hours": reset_link_hours()}
        return render(request, "accounts/register_sent.html", context)
    return render(request, "accounts/register.html", {"form": form})


def confirm_registration(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link from the confirmation mail: the account opens and its owner is signed in."""
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not confirmation_tokens.check_token(user, token):
        return render(request, "accounts/register_link_invalid.html", status=400)
    user.is_active = True
    user.save(update_fields=["is_active"])
    login(request, user, backend=MODEL_BACKEND)
    messages.success(request, f"Welcome, {user.username}. Your account is ready.")
    return redirect("accounts:profile")


@login_required
@sensitive_post_parameters("current_password")
def profile(request: HttpRequest) -> HttpResponse:
    email_form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and email_form.is_valid():
        email_form.save()
        messages.success(request, "Your e-mail address is changed.")
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"email_form": email_form, "profile_panels": profile_panels()},
    )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only (Django refuses GET), so a link on another site cannot log a reader out."""


def reset_link_hours() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ReaderPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self) -> dict:
        return {"timeout_hours": reset_link_hours()}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "timeout_hours": reset_link_hours()}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Your password is changed.")
        return response
