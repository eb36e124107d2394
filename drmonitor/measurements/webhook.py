"""The signed webhook the measurement watch posts its changes to (`DRM_MEASUREMENT_WEBHOOK_URL`).

The body is JSON. Two headers let the receiver check that it came from us, unchanged, and
recently:

    X-DRM-Timestamp: 1764790000              (Unix seconds when it was signed)
    X-DRM-Signature: sha256=<hex>            HMAC-SHA256, keyed with DRM_MEASUREMENT_WEBHOOK_SECRET,
                                             of the timestamp, a full stop, then the body's bytes

A receiver recomputes the HMAC over `timestamp + "." + body`, compares it in constant time, and
refuses a timestamp more than five minutes away from its clock (a replayed delivery). A failed
delivery (no answer, or not a 2xx) is tried again after 2 s and 10 s, then logged and dropped:
the watch never stops for a receiver that is down.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Sequence

logger = logging.getLogger(__name__)

TIMESTAMP_HEADER = "X-DRM-Timestamp"
SIGNATURE_HEADER = "X-DRM-Signature"
RETRY_DELAYS = (2.0, 10.0)  # seconds before the second and the third attempt
TIMEOUT_SECONDS = 10.0


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The X-DRM-Signature value of `body` signed at `timestamp`."""
    signed = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def post_signed(
    url: str, secret: str, payload: dict, delays: Sequence[float] = RETRY_DELAYS
) -> bool:
    """POST `payload` as signed JSON; True once a 2xx answers, False (logged) when none did."""
    if not url.startswith(("http://", "https://")):
        logger.error("measurement webhook not sent: %r is not an http(s) address", url)
        return False
    body = json.dumps(payload, default=str).encode()
    problem = ""
    for attempt, delay in enumerate([0.0, *delays], start=1):
        time.sleep(delay)
        timestamp = int(time.time())  # signed at each attempt, so a late retry is not refused
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "drmonitor-measurement-watch",
                TIMESTAMP_HEADER: str(timestamp),
                SIGNATURE_HEADER: signature(secret, timestamp, body),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:  # noqa: S310
                answer.read()
                return True
        except urllib.error.HTTPError as exc:
            problem = f"HTTP {exc.code}"
        except (OSError, ValueError) as exc:
            problem = str(exc) or type(exc).__name__
        logger.warning("measurement webhook attempt %d to %s failed: %s", attempt, url, problem)
    logger.error(
        "measurement webhook to %s failed after %d attempts (%s): these changes did not reach it",
        url,
        len(delays) + 1,
        problem,
    )
    return False
