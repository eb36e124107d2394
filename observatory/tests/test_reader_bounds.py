"""Hostile input to the reader: each ends in a clear error, memory stays bounded, and the good
measurements around it are still read."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
import zlib

from drm_observatory.analysis.ooni_io import Item, ReadError, decompressed, read_stream
from tests.test_ooni_io import jsonl, measurements, split, uids

MiB = 1 << 20


def gzip_of_zeros(size: int, tail: bytes) -> bytes:
    """A gzip stream of `size` zero bytes then `tail`, made without holding `size` bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"0" * MiB
    parts = [packer.compress(chunk) for _ in range(size // MiB)]
    return b"".join([*parts, packer.compress(tail), packer.flush()])


def read_with_peak(data: bytes, max_record: int) -> tuple[list, int]:
    """What was read, each measurement reduced to its uid (so the results hold no memory),
    and the peak of memory allocated while reading."""
    stream = decompressed(io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]
    tracemalloc.start()
    try:
        results = [
            Item({"measurement_uid": r.measurement.get("measurement_uid")}, "", r.line, None, "")
            if isinstance(r, Item)
            else r
            for r in read_stream(stream, "bomb.jsonl.gz", max_record=max_record)
        ]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return results, peak


def test_gzip_bomb_is_reported_with_memory_bounded_and_the_next_line_still_read():
    good = jsonl(measurements(1))
    bomb = gzip_of_zeros(64 * MiB, b"\n" + good)
    assert len(bomb) < 200_000  # 64 MiB from a file of a few hundred kB
    results, peak = read_with_peak(bomb, max_record=MiB)
    items, errors = split(results)
    assert [e.line for e in errors] == [1] and "longer than 1 MiB" in errors[0].message
    assert uids(items) == ["uid-0"] and items[0].line == 2
    assert peak < 6 * MiB, f"reading a 64 MiB line held {peak / MiB:.1f} MiB"


def test_a_document_too_large_to_hold_is_not_buffered():
    """A first line that opens a list, then lines forever: read line by line once past the cap."""
    rows = measurements(400)
    data = b"[\n" + jsonl(rows)
    cap = 64 * 1024
    results, peak = read_with_peak(data, max_record=cap)
    items, errors = split(results)
    assert uids(items) == [f"uid-{i}" for i in range(400)]
    assert [e.line for e in errors] == [1]  # the lone "[": not valid JSON on its own
    # Parsed, a buffered document takes several times its size; the cap bounds that.
    assert peak < min(8 * cap, len(data) / 2), (
        f"held {peak / MiB:.1f} MiB of a {len(data) / MiB:.1f} MiB file"
    )


def test_a_first_line_that_is_not_a_measurement_does_not_make_the_file_one_document():
    rows = measurements(300)
    data = b'{"hello": "not a measurement"}\n' + jsonl(rows)
    stream = io.BytesIO(data)
    reader = read_stream(stream, "odd.jsonl")
    first, second = next(reader), next(reader)
    assert isinstance(first, ReadError) and first.line == 1 and not first.whole_file
    assert isinstance(second, Item) and second.measurement["measurement_uid"] == "uid-0"
    # Streaming: the second result came before the rest of the file was read.
    assert stream.tell() < len(data) / 10
    items, errors = split(reader)
    assert len(items) == 299 and not errors


def test_deeply_nested_first_line_hides_nothing_after_it():
    for nested in (b"[" * 5000 + b"]" * 5000, b'{"a":' * 5000 + b"1" + b"}" * 5000):
        data = nested + b"\n" + jsonl(measurements(3))
        items, errors = split(read_stream(io.BytesIO(data), "nested.jsonl"))
        assert uids(items) == ["uid-0", "uid-1", "uid-2"], nested[:10]
        assert [e.line for e in errors] == [1]
        assert "nested too deeply" in errors[0].message or "not valid JSON" in errors[0].message


def test_an_overlong_line_in_the_middle_is_skipped():
    rows = measurements(2)
    long_line = json.dumps({"padding": "x" * (2 * MiB)}).encode() + b"\n"
    data = gzip.compress(jsonl(rows[:1]) + long_line + jsonl(rows[1:]))
    stream = decompressed(io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]
    items, errors = split(read_stream(stream, "mixed.jsonl.gz", max_record=MiB))
    assert uids(items) == ["uid-0", "uid-1"]
    assert [e.line for e in errors] == [2] and "skipped unread" in errors[0].message
