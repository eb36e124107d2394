"""Read OONI measurements from files in every shape OONI publishes them.

Shapes: one measurement per file (JSON), a JSON list, JSON lines (OONI's S3 archive), any of them
gzip-compressed (detected by magic bytes, not by name), API responses that wrap measurements
(`{"results": [...]}`, `measurement_meta` with a `raw_measurement` string), bare test_keys
(probe-cli test data, JSON with `//` comment lines) and fastpath/API metadata rows that only
point at a measurement. A bad line or file becomes a `ReadError` naming file and line, and
reading goes on: one corrupt record must not hide the thousand good ones after it.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

GZIP_MAGIC = b"\x1f\x8b"
# The largest line or document read: OONI's measurements are far smaller (bodies are cut at
# 1 MiB by the probes), and whatever is longer is skipped with an error instead of held in
# memory (a gzip bomb expands to gigabytes).
MAX_RECORD = 32 << 20
TOO_LONG = "longer than {} MiB, not a measurement: skipped unread (a gzip bomb?)"
NESTED_TOO_DEEPLY = "JSON nested too deeply to be a measurement"

# Shapes of what a file holds.
MEASUREMENT = "measurement"  # envelope with test_keys
TEST_KEYS_ONLY = "test_keys"  # bare test_keys, wrapped into a measurement here
METADATA = "metadata"  # fastpath/API row without test_keys: cannot be re-analysed


@dataclass
class Item:
    measurement: dict
    source: str
    line: int | None  # 1-based line (JSON lines), or None for a whole-file document
    index: int | None  # position in a list, when the document is a list
    shape: str

    @property
    def where(self) -> str:
        return _where(self.source, self.line, self.index)


@dataclass
class ReadError:
    source: str
    line: int | None
    message: str
    index: int | None = None
    whole_file: bool = False  # nothing at all could be read from the file

    @property
    def where(self) -> str:
        return _where(self.source, self.line, self.index)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _where(source: str, line: int | None, index: int | None) -> str:
    out = source
    if line is not None:
        out += f":{line}"
    if index is not None:
        out += f"[{index}]"
    return out


_DECODER = msgspec.json.Decoder()


def decode_json(data: bytes | str) -> Any:
    """One JSON value, read by msgspec: twice as fast as json.loads on OONI's measurements.

    What msgspec refuses goes to json.loads, which reads a little more (NaN, lone surrogates,
    numbers beyond a double, a byte-order mark) and words the errors the reader reports: the
    values and the errors are json.loads' own, only sooner.
    """
    try:
        return _DECODER.decode(data)
    except msgspec.DecodeError:
        return json.loads(data)


def _is_test_keys(value: dict) -> bool:
    return "test_keys" not in value and any(
        k in value for k in ("queries", "tcp_connect", "requests", "control")
    )


def _wrap_test_keys(tk: dict) -> dict:
    """Make a measurement of bare test_keys, taking the URL from the control request."""
    req = tk.get("x_control_request")
    url = req.get("http_request") if isinstance(req, dict) else None
    lte = any(k in tk for k in ("x_blocking_flags", "x_dns_flags", "x_null_null_flags"))
    return {
        "test_name": "web_connectivity",
        "test_version": "0.5" if lte else "",
        "input": url if isinstance(url, str) else None,
        "test_keys": tk,
    }


def classify(value: Any) -> Iterator[tuple[dict, str, int | None] | str]:
    """Measurements inside one decoded JSON value, or an error message per bad element."""
    if isinstance(value, list):
        for i, element in enumerate(value):
            for out in classify(element):
                if isinstance(out, tuple) and out[2] is None:
                    yield (out[0], out[1], i)
                else:
                    yield out
        return
    if not isinstance(value, dict):
        yield f"expected a JSON object or list, got {type(value).__name__}"
        return
    if isinstance(value.get("results"), list) and "test_keys" not in value:
        yield from classify(value["results"])
        return
    raw = value.get("raw_measurement")
    if isinstance(raw, str) and "test_keys" not in value:
        try:
            inner = decode_json(raw)
        except (ValueError, RecursionError) as exc:
            yield f"raw_measurement is not valid JSON: {exc}"
            return
        yield from classify(inner)
        return
    if isinstance(raw, dict) and "test_keys" not in value:
        yield from classify(raw)
        return
    if "test_keys" in value:
        yield (value, MEASUREMENT, None)
    elif _is_test_keys(value):
        yield (_wrap_test_keys(value), TEST_KEYS_ONLY, None)
    elif (
        "measurement_uid" in value
        or "report_id" in value
        or ("test_name" in value and "measurement_start_time" in value)
    ):
        yield (value, METADATA, None)
    else:
        yield "JSON object is neither a measurement, test_keys nor an API row"


def decompressed(fh: io.BufferedReader) -> BinaryIO:
    """The stream itself, or a gunzipping view of it when it starts with gzip's magic bytes."""
    if fh.peek(2)[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    return fh


def _strip_comment_lines(text: str) -> str:
    return "\n".join("" if ln.lstrip().startswith("//") else ln for ln in text.split("\n"))


def _items(value: Any, source: str, line: int | None) -> Iterator[Item | ReadError]:
    try:
        found = list(classify(value))
    except RecursionError:
        found = [NESTED_TOO_DEEPLY]
    for out in found:
        if isinstance(out, str):
            yield ReadError(source, line, out)
        else:
            measurement, shape, index = out
            yield Item(measurement, source, line, index, shape)


def _parse_line(line: bytes, source: str, lineno: int) -> list[Item | ReadError]:
    """The measurements of one line, whitespace around its value included.

    msgspec reads past the whitespace, so a good line is not copied to strip it (a copy of
    each 36 kB line is memory the allocator hands back and asks again for); a line msgspec
    refuses is stripped first, and json.loads words its error as for the bare value.
    """
    try:
        try:
            value = _DECODER.decode(line)
        except msgspec.DecodeError:
            value = decode_json(line.strip())
    except ValueError as exc:
        return [ReadError(source, lineno, f"not valid JSON: {exc}")]
    except RecursionError:
        return [ReadError(source, lineno, NESTED_TOO_DEEPLY)]
    if type(value) is dict and "test_keys" in value:  # what nearly every line holds
        return [Item(value, source, lineno, None, MEASUREMENT)]
    return list(_items(value, source, lineno))


def _incomplete(raw: bytes) -> bool:
    """Is this line the start of a JSON value that goes on over the next lines?

    True for `{` or `[` alone, or an object cut at its end; a line that is complete JSON,
    or broken in its middle, is a line of a JSON lines file (good or bad) instead.
    """
    if raw[:1] == b"[":
        return True
    try:
        json.loads(raw)
    except json.JSONDecodeError as exc:
        return exc.pos >= len(raw.rstrip())
    except (ValueError, RecursionError):
        return False
    return False


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The stream's lines; None for a line longer than `limit`, which is read past, not kept.

    A line given is no longer held here: once its consumer is done with it, its memory is
    free for the next (a big measurement's line would otherwise stay beside its values).
    """
    given: list[bytes] = []
    while raw := stream.readline(limit + 1):
        if len(raw) <= limit or raw.endswith(b"\n"):
            given.append(raw)
            del raw
            yield given.pop()
            continue
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def read_stream(
    stream: BinaryIO, source: str, *, max_record: int = MAX_RECORD
) -> Iterator[Item | ReadError]:
    """Measurements from an open binary stream (already decompressed).

    JSON lines are parsed and yielded one line at a time, so a big archive file needs little
    memory. A file whose first line starts a JSON value that goes on (a list, a pretty-printed
    document) is parsed whole; if that fails, its lines are tried one by one, so a JSON lines
    file with a corrupt first line still yields its good lines.

    Memory stays bounded whatever the input (a gzip bomb, a file of one endless line): a line
    or a document longer than `max_record` bytes is reported and skipped, never held.
    """
    lineno = 0
    seen_content = False
    document: list[tuple[int, bytes]] | None = None
    buffered = 0
    try:
        for raw in _lines(stream, max_record):
            lineno += 1
            if raw is None:
                yield ReadError(source, lineno, TOO_LONG.format(max_record >> 20))
                seen_content = True
                if document is not None:
                    yield from _per_line(document, source)
                    document = None
                continue
            if document is not None:
                document.append((lineno, raw))
                buffered += len(raw)
                if buffered > max_record:  # not one document after all: go on line by line
                    yield from _per_line(document, source)
                    document = None
                continue
            if raw.isspace():
                continue
            start = raw.lstrip()  # the line itself unless it is indented
            if start.startswith(b"//"):
                continue
            first, seen_content = not seen_content, True
            if first and start.startswith(b"---"):
                yield ReadError(
                    source,
                    lineno,
                    "legacy YAML report (2012-2016 OONI format), not supported: convert it to JSON",
                    whole_file=True,
                )
                return
            if first and _incomplete(raw.strip()):
                document, buffered = [(lineno, raw)], len(raw)
                continue
            items = _parse_line(start, source, lineno)
            del raw, start  # the line's bytes are not held while its measurements are judged
            yield from items
    except (OSError, EOFError, zlib.error, MemoryError) as exc:
        yield ReadError(source, lineno or None, f"cannot read: {exc!r}", whole_file=lineno == 0)
        return
    if document is not None:
        yield from _parse_document(document, source)


def _per_line(lines: list[tuple[int, bytes]], source: str) -> list[Item | ReadError]:
    out: list[Item | ReadError] = []
    for lineno, raw in lines:
        stripped = raw.strip()
        if stripped and not stripped.startswith(b"//"):
            out.extend(_parse_line(stripped, source, lineno))
    return out


def _parse_document(lines: list[tuple[int, bytes]], source: str) -> Iterator[Item | ReadError]:
    text = b"".join(raw for _, raw in lines).decode("utf-8", "replace")
    try:
        value = json.loads(_strip_comment_lines(text))
    except (ValueError, RecursionError) as exc:
        per_line = _per_line(lines, source)
        if any(isinstance(r, Item) for r in per_line):
            yield from per_line
            return
        first = lines[0][0]
        if isinstance(exc, RecursionError):
            yield ReadError(source, first, NESTED_TOO_DEEPLY, whole_file=True)
            return
        yield ReadError(
            source, first + getattr(exc, "lineno", 1) - 1, f"not valid JSON: {exc}", whole_file=True
        )
        return
    yield from _items(value, source, None)


def read_bytes(data: bytes, source: str = "<bytes>") -> Iterator[Item | ReadError]:
    if data[:2] == GZIP_MAGIC:
        stream: BinaryIO = gzip.GzipFile(fileobj=io.BytesIO(data))  # type: ignore[assignment]
    else:
        stream = io.BytesIO(data)
    yield from read_stream(stream, source)


def read_path(path: str | Path) -> Iterator[Item | ReadError]:
    """Every measurement in a file; a file that cannot be opened yields one ReadError."""
    source = str(path)
    try:
        stream = decompressed(open(path, "rb"))
    except OSError as exc:
        yield ReadError(source, None, f"cannot open: {exc.strerror or exc}", whole_file=True)
        return
    with stream:
        yield from read_stream(stream, source)
