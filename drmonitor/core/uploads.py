"""Uploaded files served by Django itself (the embedded default, `make run`), with byte ranges.

A browser's player asks for a recording piece by piece (`Range: bytes=START-`), to start
quickly and to seek without downloading what lies before; without ranges it cannot seek at all
in a file it has not finished loading. Django's own `static.serve` answers every request with
the whole file, so this wraps it: a single range gets `206 Partial Content` with its bytes,
one that lies beyond the end gets `416`, and anything else (several ranges, a malformed header,
a stale `If-Range`) gets the whole file, as HTTP allows. In production nginx serves /media/
and does the same (see core/management/commands/nginx_config.py).
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from typing import BinaryIO

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.views import static

SINGLE_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$")
CHUNK = 64 * 1024
COPIED_HEADERS = ("Content-Type", "Last-Modified", "Content-Disposition")


def byte_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte of a single `Range` header; None to ignore the header (send the
    whole file); False when the range lies wholly past the end (416)."""
    match = SINGLE_RANGE.match(header)
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None
    if start >= size:
        return False
    return start, end


def _read(file: BinaryIO, start: int, length: int) -> Iterator[bytes]:
    try:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        file.close()


def serve(request: HttpRequest, path: str, document_root: str) -> HttpResponse:
    """django.views.static.serve, answering a single byte range with just those bytes."""
    try:
        response = static.serve(request, path, document_root=document_root)
    except OSError as error:  # a name longer than the file system takes: no such file
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404("No such file") from error
    if not isinstance(response, FileResponse) or response.status_code != 200:
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.META.get("HTTP_RANGE")
    if_range = request.META.get("HTTP_IF_RANGE")
    if not header or (if_range and if_range != response.get("Last-Modified")):
        return response
    size = int(response["Content-Length"])
    wanted = byte_range(header, size)
    if wanted is None:
        return response
    file = response.file_to_stream
    if wanted is False:
        file.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        refused["Accept-Ranges"] = "bytes"
        return refused
    start, end = wanted
    length = end - start + 1
    partial = StreamingHttpResponse(_read(file, start, length), status=206)
    for name in COPIED_HEADERS:
        if name in response:
            partial[name] = response[name]
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(length)
    partial["Accept-Ranges"] = "bytes"
    return partial
