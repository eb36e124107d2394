"""Reader accounts' addresses: (route, view, name) for each page, all of them never cached
(see views.py), so the rule is written once."""

from django.urls import path
from django.views.decorators.cache import never_cache

from drmonitor.accounts import two_factor_views, views

app_name = "accounts"
PAGES = [
    ("register/", views.register, "register"),
    ("register/confirm/<uidb64>/<token>/", views.confirm_registration, "register_confirm"),
    ("login/", views.LoginView.as_view(), "login"),
    ("logout/", views.LogoutView.as_view(), "logout"),
    ("login/code/", two_factor_views.code_page, "two_factor_code"),
    ("profile/", views.profile, "profile"),
    ("two-factor/", two_factor_views.settings_page, "two_factor"),
    ("password/", views.PasswordChangeView.as_view(), "password_change"),
    ("password/reset/", views.PasswordResetView.as_view(), "password_reset"),
    ("password/reset/sent/", views.PasswordResetDoneView.as_view(), "password_reset_done"),
    (
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        "password_reset_confirm",
    ),
    (
        "password/reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        "password_reset_complete",
    ),
]
urlpatterns = [path(route, never_cache(view), name=name) for route, view, name in PAGES]
