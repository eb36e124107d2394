"""Fast, isolated settings for the test suite."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR as SHARED_VAR_DIR

# Each xdist worker keeps its own runtime state, above all the content-generation stamp: a
# publish committed by one worker's test must not empty another worker's cache mid-test. A
# process started by a test with its own DRM_VAR_DIR uses that folder as it is.
VAR_DIR = SHARED_VAR_DIR
if "DRM_VAR_DIR" not in os.environ:
    VAR_DIR = SHARED_VAR_DIR / "test-runs" / os.environ.get("PYTEST_XDIST_WORKER", "main")
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = False
SECRET_KEY = "test-only-" + "x" * 50  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Each worker's own measurement store: the demo's load writes its synthetic history there.
DRM_MEASUREMENT_STORE = VAR_DIR / "measurements.duckdb"
