"""What `check --deploy` says of the watch's webhook settings, before the first run would.

A webhook address without its secret posts nothing (an unsigned delivery proves nothing; the
watch logs why at each run), and a plain-http one sends the editors' news and the signature
readable by anyone on the way. Both are set in the environment, never in the repository
(docs/security.md).
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks

HINT = "Set both in the environment; docs/security.md says how a receiver checks the signature."


@checks.register(checks.Tags.security, deploy=True)
def webhook_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    url = settings.DRM_MEASUREMENT_WEBHOOK_URL
    if not url:
        return []
    found = []
    if not settings.DRM_MEASUREMENT_WEBHOOK_SECRET:
        found.append(
            checks.Warning(
                "DRM_MEASUREMENT_WEBHOOK_URL is set but DRM_MEASUREMENT_WEBHOOK_SECRET is not: "
                "the measurement watch will post nothing.",
                hint=HINT,
                id="measurements.W001",
            )
        )
    if not url.startswith("https://"):
        found.append(
            checks.Warning(
                f"DRM_MEASUREMENT_WEBHOOK_URL ({url}) is not an https:// address: the watch's "
                "posts would cross the network unencrypted.",
                hint=HINT,
                id="measurements.W002",
            )
        )
    return found
