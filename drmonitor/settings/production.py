"""Production: secrets and addresses come from the environment; nothing insecure by default.

Required: DJANGO_SECRET_KEY, DATABASE_URL, DJANGO_ALLOWED_HOSTS (comma-separated),
DRM_BASE_URL (the public https:// address, used in e-mailed links) and EMAIL_HOST.
Optional: REDIS_URL (shared cache; use it whenever more than one process serves the site, so
a publish clears every process's page cache), DJANGO_CSRF_TRUSTED_ORIGINS, EMAIL_PORT,
EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS / EMAIL_USE_SSL, DJANGO_BEHIND_TLS_PROXY=1
with DRM_TRUSTED_PROXY_COUNT behind a TLS-terminating proxy, DJANGO_SECURE_SSL_REDIRECT,
DJANGO_HSTS_SECONDS / DJANGO_HSTS_INCLUDE_SUBDOMAINS / DJANGO_HSTS_PRELOAD, DJANGO_LOG_LEVEL,
DRM_SERVE_MEDIA=1 when no web server serves /media/, DRM_MEASUREMENT_WEBHOOK_URL (https://) with
DRM_MEASUREMENT_WEBHOOK_SECRET (the key the measurement watch signs its posts with; never in
the repository; docs/security.md).
"""

import os

from django.core.exceptions import ImproperlyConfigured


def required(name: str, hint: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"Production settings need the environment variable {name}: {hint}"
        )
    return value


def listed(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Checked before base.py reads them, so a missing one is named instead of defaulted.
SECRET_KEY = required("DJANGO_SECRET_KEY", "a long random string (50+ characters)")
required("DATABASE_URL", "e.g. postgresql://user:password@host:5432/drmonitor")

from .base import *  # noqa: E402, F403
from .base import DATABASES, DEFAULT_FROM_EMAIL  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = listed("DJANGO_ALLOWED_HOSTS") or [
    required("DJANGO_ALLOWED_HOSTS", "the site's host names, comma-separated")
]
CSRF_TRUSTED_ORIGINS = listed("DJANGO_CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = required("DRM_BASE_URL", "the public address, e.g. https://example.org")

DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# HTTPS only. Behind a proxy that terminates TLS, it says so in X-Forwarded-Proto; trust that
# header only when DJANGO_BEHIND_TLS_PROXY=1, i.e. when nothing else can reach the server.
if flag("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = flag("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = flag("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview sets SAMEORIGIN on its own responses

# A cache shared by every process, so publishing clears cached pages everywhere. While Redis
# is down or restarting, pages are served without it (core/caching/resilient.py); a Redis that
# does not answer within a second counts as down, so readers are not kept waiting on it.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "drmonitor.core.caching.resilient.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "drm",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": required("EMAIL_HOST", "the SMTP server that sends password-reset mail"),
            "port": int(os.environ["EMAIL_PORT"]) if os.environ.get("EMAIL_PORT") else None,
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": flag("EMAIL_USE_TLS", False),
            "use_ssl": flag("EMAIL_USE_SSL", False),
            "timeout": 20,
        },
    }
}
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Uploads are served by the web server in front unless told otherwise.
DRM_SERVE_MEDIA = flag("DRM_SERVE_MEDIA", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Failed logins are logged by axes at WARNING with the user name masked.
        "django.security": {"level": "WARNING"},
    },
}
