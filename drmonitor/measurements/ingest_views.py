"""`POST /measurements/ingest/`: where our probes deliver their measurements.

The probe's spool (drm_observatory.probe.spool) posts one measurement a request with
`Authorization: Bearer TOKEN`; a batch (JSON lines, gzip) is taken too. Everything goes through
the observatory's `ingest`, the one writer of the store, keyed by measurement_uid, so a delivery
repeated after a crash stores nothing twice. The answer names each record's fate (stored,
already, skipped, problem): 200 when any record was taken, 422 when none could be, and the
probe moves a 422'd file aside with the reason instead of sending it forever.

Only a probe token opens it, never a session cookie, so it needs no CSRF token.
"""

from __future__ import annotations

import dataclasses
import zlib

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from drm_observatory.analysis import fingerprints, ooni_io
from drmonitor.measurements.store import store_path
from drmonitor.measurements.tokens import ProbeToken

BUSY_RETRY_SECONDS = 5


class TooLarge(ValueError):
    pass


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse({"error": message, "status": status}, status=status, headers=headers)


@csrf_exempt
@require_POST
@never_cache
def ingest(request: HttpRequest) -> JsonResponse:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    token = ProbeToken.holder(secret.strip()) if scheme.lower() == "bearer" and secret else None
    if token is None:
        return _error(401, "a valid probe token is needed", {"WWW-Authenticate": "Bearer"})
    limit = settings.DRM_INGEST_MAX_BODY
    too_large = f"a delivery may weigh {limit >> 20} MiB at most: send fewer measurements"
    body = request.read(limit + 1)
    if len(body) > limit:
        return _error(413, too_large)
    try:
        body = _gunzipped(body, request.headers.get("Content-Encoding", ""))
    except TooLarge as exc:
        return _error(413, str(exc))
    except ValueError as exc:
        return _error(400, str(exc))
    if not body.strip():
        return _error(400, "no measurement in the request")
    items = ooni_io.read_bytes(body, f"probe {token.name}")
    # The store's writer brings DuckDB (about 40 MB): loaded by the first delivery, not by
    # every web worker that imports the URL configuration.
    from drm_observatory.store.duck import MeasurementStore, StoreUnavailable
    from drm_observatory.store.ingest import ingest_with_receipts

    try:
        with MeasurementStore(store_path()) as store:
            report, receipts = ingest_with_receipts(items, store, fingerprints.default())
    except StoreUnavailable:
        # Another process (an ingest, another server worker) holds the store: the probe keeps
        # the measurement in its spool and comes back.
        return _error(503, "the store is busy; try again", {"Retry-After": str(BUSY_RETRY_SECONDS)})
    taken = report.stored + report.already + report.skipped
    return JsonResponse(
        {
            "stored": report.stored,
            "already": report.already,
            "skipped": report.skipped,
            "problems": len(report.problems),
            "records": [dataclasses.asdict(r) for r in receipts],
        },
        status=200 if taken else 422,
    )


def _gunzipped(body: bytes, encoding: str) -> bytes:
    """The body, gunzipped when it is gzip (by header or by its magic bytes), never beyond
    DRM_INGEST_MAX_EXPANDED: a small gzip can expand to gigabytes."""
    if "gzip" not in encoding.lower() and body[:2] != ooni_io.GZIP_MAGIC:
        return body
    limit = settings.DRM_INGEST_MAX_EXPANDED
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ValueError(f"not valid gzip: {exc}") from None
    if len(data) > limit or inflater.unconsumed_tail:
        raise TooLarge(f"a delivery may expand to {limit >> 20} MiB at most")
    return data
