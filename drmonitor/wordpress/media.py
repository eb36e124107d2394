"""Where the pictures of an export come from: a copy of wp-content/uploads, or the old site.

The export names each attachment's file by its path under the uploads folder
(`_wp_attached_file`, e.g. `2024/05/x.jpg`). With `--uploads DIR` the file is read from
DIR/2024/05/x.jpg; with `--media-base URL` it is fetched from URL/2024/05/x.jpg; with neither,
from the address the export gives (`wp:attachment_url`). Fetches run a few at a time
(`PARALLEL`), each retried with a growing pause when the server fails or does not answer,
since an old shared host often refuses bursts.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlsplit
from urllib.request import Request, urlopen

PARALLEL = 4
ATTEMPTS = 3
TIMEOUT_SECONDS = 30
MAX_BYTES = 50 * 1024 * 1024
USER_AGENT = "drmonitor-wordpress-import"


class MediaError(Exception):
    """A picture that could not be had; the reason is the message."""


@dataclass(frozen=True)
class Wanted:
    key: str  # the path under uploads, or the URL when the export gives no path
    url: str  # the attachment's address in the export


@dataclass
class MediaSource:
    uploads: Path | None = None
    media_base: str = ""
    pause_seconds: float = 1.0

    def describe(self) -> str:
        if self.uploads:
            return f"files under {self.uploads}"
        if self.media_base:
            return f"downloads from {self.media_base}"
        return "downloads from the addresses in the export"

    def fetch(self, wanted: Wanted) -> bytes:
        if self.uploads is not None:
            return self._read(wanted)
        url = self._url(wanted)
        scheme = urlsplit(url).scheme
        if scheme not in ("http", "https"):
            raise MediaError(f"not a web address: {url}")
        last = ""
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(self.pause_seconds * 2 ** (attempt - 1))
            try:
                return _download(url)
            except HTTPError as error:
                last = f"{url}: HTTP {error.code}"
                if error.code < 500 and error.code != 429:
                    break  # not there: asking again will not help
            except (URLError, TimeoutError, OSError) as error:
                last = f"{url}: {getattr(error, 'reason', error)}"
        raise MediaError(last)

    def _read(self, wanted: Wanted) -> bytes:
        assert self.uploads is not None
        relative = wanted.key if "://" not in wanted.key else ""
        if not relative:
            raise MediaError(f"the export gives no file path for {wanted.url}")
        root = self.uploads.resolve()
        path = (root / relative).resolve()
        if not path.is_relative_to(root):
            raise MediaError(f"{relative} is outside the uploads folder")
        if not path.is_file():
            raise MediaError(f"no file {relative} under {self.uploads}")
        if path.stat().st_size > MAX_BYTES:
            raise MediaError(f"{relative} is larger than {MAX_BYTES // 1024 // 1024} MB")
        return path.read_bytes()

    def _url(self, wanted: Wanted) -> str:
        if self.media_base and "://" not in wanted.key:
            return self.media_base.rstrip("/") + "/" + quote(wanted.key)
        return wanted.url


def _download(url: str) -> bytes:
    request = Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310 - http(s) checked
    with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        data = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise MediaError(f"{url} is larger than {MAX_BYTES // 1024 // 1024} MB")
    return data


def fetch_all(
    source: MediaSource, wanted: Iterable[Wanted]
) -> Iterator[tuple[Wanted, bytes | None, str]]:
    """Each wanted file with its bytes (or None and the reason), a few fetched at a time.

    Results come in the order asked; at most PARALLEL * 2 are held in memory at once.
    """

    def one(item: Wanted) -> tuple[Wanted, bytes | None, str]:
        try:
            return item, source.fetch(item), ""
        except MediaError as error:
            return item, None, str(error)

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        pending = []
        for item in wanted:
            pending.append(pool.submit(one, item))
            if len(pending) >= PARALLEL * 2:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
