"""Reader accounts: sign up, log in and out, reset a forgotten password, the profile page.

Every page here is personal or carries a form with a CSRF token, so none may be kept by a
shared cache: urls.py wraps each view in never_cache (Cache-Control: private, no-store).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters

from drmonitor.accounts.forms import EmailChangeForm, RegistrationForm
from drmonitor.accounts.profile import profile_panels

# Reader sign-in goes past django-axes' backend to the model backend; name it explicitly since
# two backends are configured.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _next_url(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@sensitive_post_parameters("password1", "password2")
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend=MODEL_BACKEND)
        messages.success(request, f"Welcome, {user.username}. Your account is ready.")
        return redirect(_next_url(request, reverse("accounts:profile")))
    return render(
        request,
        "accounts/register.html",
        {"form": form, "next": _next_url(request, "")},
    )


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
