"""OONI's public API, read politely: paced, retried with back-off, named in the User-Agent.

OONI serves its measurements to everyone from one API and asks that it not be used for bulk
downloads (their S3 bucket is for that). So every request waits its turn (`Pacing.rate`, one a
second by default), a 429 or a 5xx or a dropped connection is retried after an exponentially
growing, jittered wait (or exactly as long as `Retry-After` asks), and the User-Agent names this
project so OONI can tell who is asking. Standard library HTTP only: a vantage point installs
nothing for it.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import random
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata

from drm_observatory.analysis import ooni_io

DEFAULT_API = "https://api.ooni.io"
USER_AGENT = (
    f"drm-observatory/{metadata.version('drm-observatory')} "
    "(Digital Rights Monitor ooni-sync; paced at 1 request/s or slower)"
)
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})


class ApiError(Exception):
    """The API refused (`status` set) or stayed unreachable after every retry."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Pacing:
    rate: float = 1.0  # requests per second, at most
    retries: int = 6  # after the first attempt
    backoff: float = 2.0  # the first retry's wait; it doubles with each retry
    max_wait: float = 600.0  # longest single wait; a Retry-After beyond it ends the run


@dataclass(frozen=True)
class Page:
    results: list[dict]
    count: int | None  # how many measurements the query matches, when the API says


class OoniApi:
    """GET requests to one OONI API; `sleep` and `clock` are the real ones outside tests that
    must see the waits without spending them."""

    def __init__(
        self,
        base: str = DEFAULT_API,
        pacing: Pacing = Pacing(),
        *,
        timeout: float = 60.0,
        notice: Callable[[str], None] = lambda _: None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base = base.rstrip("/")
        self.pacing, self.timeout, self.notice = pacing, timeout, notice
        self.sleep, self.clock = sleep, clock
        self._next_allowed = 0.0

    def measurements(self, params: dict[str, str]) -> Iterator[Page]:
        """Each page of `/api/v1/measurements` for `params`, following `metadata.next_url`."""
        url: str | None = f"{self.base}/api/v1/measurements?{urllib.parse.urlencode(params)}"
        seen: set[str] = set()
        while url and url not in seen:  # a next_url that repeats would page forever
            seen.add(url)
            body = self.get(url)
            try:
                value = json.loads(body)
                results = value["results"]
                meta = value.get("metadata") or {}
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise ApiError(f"{url}: not a list of measurements: {exc!r}") from exc
            count = meta.get("count")
            yield Page(results, count if isinstance(count, int) and count >= 0 else None)
            url = self._same_api(meta.get("next_url"))

    def raw_measurement(self, uid: str) -> bytes:
        query = urllib.parse.urlencode({"measurement_uid": uid})
        return self.get(f"{self.base}/api/v1/raw_measurement?{query}")

    def _same_api(self, next_url: object) -> str | None:
        """next_url on this API's address: OONI writes its public host there, which must not
        lead a run pointed at a mirror or a test server somewhere else."""
        if not isinstance(next_url, str) or not next_url:
            return None
        target = urllib.parse.urlsplit(urllib.parse.urljoin(self.base + "/", next_url))
        base = urllib.parse.urlsplit(self.base)
        return urllib.parse.urlunsplit((base.scheme, base.netloc, *target[2:]))

    def get(self, url: str) -> bytes:
        """The body of a 200 answer, after up to `pacing.retries` retries."""
        attempt = 0
        while True:
            self._wait_turn()
            try:
                return self._fetch(url)
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRIED_STATUSES:
                    raise ApiError(f"{url}: HTTP {exc.code} {exc.reason}", exc.code) from exc
                problem, asked = f"HTTP {exc.code}", retry_after(exc.headers.get("Retry-After"))
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                problem, asked = f"{getattr(exc, 'reason', exc)}", None
            if attempt == self.pacing.retries:
                raise ApiError(f"{url}: {problem}, {attempt + 1} attempts: giving up")
            self._back_off(url, problem, attempt, asked)
            attempt += 1

    def _fetch(self, url: str) -> bytes:
        request = urllib.request.Request(  # noqa: S310 - http(s) only, checked by the caller
            url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            body = response.read(ooni_io.MAX_RECORD + 1)
        if len(body) > ooni_io.MAX_RECORD:
            raise ApiError(f"{url}: answer longer than {ooni_io.MAX_RECORD >> 20} MiB")
        return body

    def _wait_turn(self) -> None:
        now = self.clock()
        if now < self._next_allowed:
            self.sleep(self._next_allowed - now)
        self._next_allowed = max(now, self._next_allowed) + 1.0 / self.pacing.rate

    def _back_off(self, url: str, problem: str, attempt: int, asked: float | None) -> None:
        if asked is not None:
            if asked > self.pacing.max_wait:
                raise ApiError(
                    f"{url}: {problem}, the API asks to wait {asked:.0f} s (Retry-After), "
                    f"longer than --max-wait {self.pacing.max_wait:g} s: run again later"
                )
            wait, why = asked, "as Retry-After asks"
        else:
            ceiling = min(self.pacing.max_wait, self.pacing.backoff * 2**attempt)
            wait, why = random.uniform(ceiling / 2, ceiling), "backing off"  # noqa: S311
        self.notice(f"{problem} from {url}; retry {attempt + 1} in {wait:.3g} s ({why})")
        self.sleep(wait)
        self._next_allowed = max(self._next_allowed, self.clock())


def retry_after(value: str | None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or an HTTP date), None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
