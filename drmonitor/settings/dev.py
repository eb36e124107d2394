"""The embedded defaults used by `make run`: safe on loopback, never for the open internet."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DRM_DEBUG", "") == "1"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-" + "x" * 40)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
DRM_DEMO_CONTENT = True
