from django.urls import path
from django.views.decorators.cache import never_cache

from drmonitor.accounts import views

app_name = "accounts"
urlpatterns = [
    path("register/", never_cache(views.register), name="register"),
    path("login/", never_cache(views.LoginView.as_view()), name="login"),
    path("logout/", never_cache(views.LogoutView.as_view()), name="logout"),
    path("profile/", never_cache(views.profile), name="profile"),
    path("password/", never_cache(views.PasswordChangeView.as_view()), name="password_change"),
    path(
        "password/reset/",
        never_cache(views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        never_cache(views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        never_cache(views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        never_cache(views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]
