"""Settings shared by every environment.

Everything here is an embedded default that lets one command run the whole system on a fresh
machine: SQLite under var/, a local-memory cache, e-mail written to var/mail. Production swaps
the parts through environment variables (see production.py).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("DRM_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "drmonitor.core",
    "drmonitor.home",
    "drmonitor.newsroom",
    "drmonitor.accounts",
    "drmonitor.readership",
    "drmonitor.tracker",
    "drmonitor.media",
    "drmonitor.playlists",
    "drmonitor.library",
    "drmonitor.advocacy",
    "drmonitor.trends",
    "drmonitor.measurements",
    "drmonitor.desk",
    "drmonitor.api",
    "drmonitor.wordpress",
    "drmonitor.demo",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    # Two-factor sign-in (accounts/two_factor.py): authenticator-app codes and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The search index's PostgreSQL tables use its fields; without it `migrate` fails its
    # checks on PostgreSQL. On SQLite it does nothing.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages carry the policy too; the admin has its own.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "drmonitor.core.csp.AdminPolicy",
    # PostgreSQL refuses text with NUL in it: such an address gets 400, not 500.
    "drmonitor.core.hostile_input.RefuseNulCharacters",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: compressed ahead of time
    # Pages compressed for readers who ask, outside the page cache so it keeps them plain.
    "django.middleware.gzip.GZipMiddleware",
    "drmonitor.core.caching.middleware.CacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Signed in with the password only: the code comes next (accounts/gate.py).
    "drmonitor.accounts.gate.TwoFactorGate",
    "drmonitor.core.routing.KnownSiteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old WordPress addresses in forms the redirect table does not hold as such (/?p=123).
    "drmonitor.wordpress.middleware.OldWordPressAddresses",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "drmonitor.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "drmonitor.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'drmonitor.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while the scheduler writes; IMMEDIATE avoids lock upgrades failing.
    # Memory-mapped reads share the operating system's page cache between all workers, instead
    # of each connection copying pages through its own 2 MB cache: a search that joins
    # thousands of index entries to their articles takes half the time at 10,000 articles.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Asia/Karachi"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DRM_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DRM_MEDIA_ROOT", VAR_DIR / "media"))
DRM_SERVE_MEDIA = os.environ.get("DRM_SERVE_MEDIA", "1") == "1"
# The observatory's measurement store (DuckDB), written by ingest and read by the status pages.
DRM_MEASUREMENT_STORE = Path(
    os.environ.get("DRM_MEASUREMENT_STORE", VAR_DIR / "measurements.duckdb")
)
# What one delivery to the probes' ingest endpoint may weigh, as sent and once gunzipped.
DRM_INGEST_MAX_BODY = 4 << 20
DRM_INGEST_MAX_EXPANDED = 32 << 20

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "drmonitor",
    }
}

# Mail is written to files under var/mail until production configures SMTP.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Digital Rights Monitor <noreply@localhost>"
)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Background work (scheduled publishing, follow e-mails) is done by `drmonitor worker`, which
# `drmonitor run` starts beside the web server. Wagtail's own small tasks run immediately.
DRM_WORKER_INTERVAL_SECONDS = int(os.environ.get("DRM_WORKER_INTERVAL_SECONDS", "30"))
DRM_WORKER_JOBS = [
    "drmonitor.core.worker.publish_scheduled",
    "drmonitor.tracker.notifications.deliver_pending",
    "drmonitor.wordpress.jobs.run_queued_imports",
    "drmonitor.tracker.stop.jobs.run_queued_stop_imports",
    "drmonitor.measurements.watch.watch_when_written",
]

# The measurement watch (measurements/watch.py) tells editors by e-mail of each change of a
# service's state on a network, and posts it here too when set, signed with the secret
# (measurements/webhook.py says how to verify it).
DRM_MEASUREMENT_WEBHOOK_URL = os.environ.get("DRM_MEASUREMENT_WEBHOOK_URL", "")
DRM_MEASUREMENT_WEBHOOK_SECRET = os.environ.get("DRM_MEASUREMENT_WEBHOOK_SECRET", "")

# Login throttling (accounts/throttle.py): five wrong passwords for one account from anywhere,
# or twenty for any accounts from one address, and signing in waits an hour; a completed
# password reset lifts an account's lockout.
AXES_FAILURE_LIMIT = 5
DRM_ADDRESS_FAILURE_LIMIT = int(os.environ.get("DRM_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "drmonitor.accounts.throttle.AccountAndAddressHandler"
AXES_RESET_ON_SUCCESS = True
# The lockout is a page that says how long to wait (status 429), for the reader and admin forms.
AXES_LOCKOUT_CALLABLE = "drmonitor.accounts.throttle.lockout_response"
# How many reverse proxies stand in front (0 when gunicorn faces readers directly); lockouts
# then key on the reader's address, not the proxy's. See accounts/throttle.py.
AXES_CLIENT_IP_CALLABLE = "drmonitor.accounts.throttle.client_ip"
DRM_TRUSTED_PROXY_COUNT = int(os.environ.get("DRM_TRUSTED_PROXY_COUNT", "0"))

# Two-factor sign-in: codes from an authenticator app, named after the site in the app's list.
OTP_TOTP_ISSUER = "Digital Rights Monitor"

# Content-Security-Policy (docs/security.md). The public site runs only its own script files:
# no inline script, no eval. Style attributes stay allowed (the timeline's positions and
# Wagtail's responsive embeds set them per item) but <style> elements and style sheets come only
# from the site. Video players are framed from YouTube (its no-cookie host) and Vimeo.
EMBED_PLAYERS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src-elem": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, *EMBED_PLAYERS],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
# Wagtail's admin writes inline scripts and styles of its own, and its editors preview embeds
# and images from anywhere: under /admin/ the policy allows those (core/csp.py) and still
# keeps plugins, other sites' scripts and foreign form targets out.
DRM_ADMIN_PATH_PREFIX = "/admin/"
# Where the JSON API lives (drmonitor/urls.py): refusals made before its views run answer in JSON.
DRM_API_PATH_PREFIX = "/api/"
DRM_ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src-elem": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "frame-src": [CSP.SELF, "https:"],
}

# Every uncaught exception's traceback goes to standard error (gunicorn's log), with DEBUG
# off as in `make run` and production; with DEBUG on Django's own console handler prints it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {"debug_off": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["debug_off"],
        },
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Digital Rights Monitor"
# The address readers use; links in e-mails and the default site record follow it.
WAGTAILADMIN_BASE_URL = os.environ.get(
    "DRM_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
# The admin's reset form sends no more mail than the readers' (accounts/forms.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "drmonitor.accounts.forms.StaffPasswordResetForm"  # noqa: S105
# Staff change their address in accounts' own panel, which asks for the current password.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# No avatar is fetched from Gravatar (an editor's address would leave with every admin page, and
# offline it is a broken image): the desk draws initials (desk/avatars.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask wagtail.org for the latest release (the admin's policy refuses it).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
WAGTAIL_USER_TIME_ZONES = ["Asia/Karachi", "UTC"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"
TAGGIT_CASE_INSENSITIVE = True
# Vodcast files (wagtailmedia): only formats browsers play in their own <audio> and <video>.
WAGTAILMEDIA = {
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "opus", "wav", "flac"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv"],
}

# Whether `drmonitor setup`/`run` loads demo articles, records and accounts (dev only).
DRM_DEMO_CONTENT = False

# Caching (core/caching, docs/performance.md). Anonymous pages are kept this long at most, and
# parts shown on every page (recent articles) may lag this long behind; 0 turns it off.
DRM_PAGE_CACHE_SECONDS = int(os.environ.get("DRM_PAGE_CACHE_SECONDS", "300"))
# Values and fragments kept with their dependency keys (teasers, listings, the menu); 0 renders
# them on every request.
DRM_FRAGMENT_CACHE_SECONDS = int(os.environ.get("DRM_FRAGMENT_CACHE_SECONDS", "600"))
# In production nginx keeps copies of the same pages (`drmonitor manage nginx_config`), for this
# long at most; Django purges a copy sooner, at nginx's DRM_PURGE_URL (e.g.
# http://127.0.0.1:80), when the page's own content or a list it shows changes.
DRM_FRONT_CACHE_SECONDS = int(os.environ.get("DRM_FRONT_CACHE_SECONDS", "60"))
if os.environ.get("DRM_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["DRM_PURGE_URL"],
        }
    }

# The embedded defaults keep their state (SQLite, uploads, mail) under var/; make sure it exists.
VAR_DIR.mkdir(parents=True, exist_ok=True)
