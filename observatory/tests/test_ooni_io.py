"""Reading OONI measurement files: every published shape, and bad input that loses nothing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from drm_observatory.analysis import ooni_io
from drm_observatory.analysis.ooni_io import Item, ReadError, read_bytes, read_path
from drm_observatory.testing.requirements import require
from tests.test_verdict import build

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ooni"


def measurements(n: int) -> list[dict]:
    out = []
    for i in range(n):
        m = build(url=f"http://site{i}.example/")
        m["measurement_uid"] = f"uid-{i}"
        out.append(m)
    return out


def split(results) -> tuple[list[Item], list[ReadError]]:
    results = list(results)
    return (
        [r for r in results if isinstance(r, Item)],
        [r for r in results if isinstance(r, ReadError)],
    )


def uids(items: list[Item]) -> list[str]:
    return [i.measurement["measurement_uid"] for i in items]


def jsonl(rows: list) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def test_single_pretty_printed_measurement(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(measurements(1)[0], indent=2))
    items, errors = split(read_path(path))
    assert errors == []
    assert uids(items) == ["uid-0"]
    assert items[0].shape == ooni_io.MEASUREMENT
    assert items[0].where == str(path)


def test_json_list_gives_indexes(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps(measurements(3)))
    items, errors = split(read_path(path))
    assert errors == []
    assert uids(items) == ["uid-0", "uid-1", "uid-2"]
    assert items[2].where == f"{path}[2]"


def test_json_lines_give_line_numbers(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_bytes(jsonl(measurements(3)))
    items, errors = split(read_path(path))
    assert errors == []
    assert [i.line for i in items] == [1, 2, 3]


def test_gzip_detected_by_magic_bytes_not_by_name(tmp_path):
    path = tmp_path / "looks-plain.json"  # no .gz suffix
    path.write_bytes(gzip.compress(jsonl(measurements(2))))
    items, errors = split(read_path(path))
    assert errors == []
    assert uids(items) == ["uid-0", "uid-1"]
    single = tmp_path / "single.json.gz"
    single.write_bytes(gzip.compress(json.dumps(measurements(1)[0], indent=1).encode()))
    assert uids(split(read_path(single))[0]) == ["uid-0"]


def test_corrupt_line_is_reported_and_the_rest_read(tmp_path):
    rows = jsonl(measurements(3)).split(b"\n")
    rows.insert(1, b'{"measurement_uid": "broken", "test_keys": {')
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(rows))
    items, errors = split(read_path(path))
    assert uids(items) == ["uid-0", "uid-1", "uid-2"]
    assert len(errors) == 1
    assert errors[0].line == 2
    assert str(errors[0]).startswith(f"{path}:2: not valid JSON")


def test_corrupt_first_line_does_not_hide_good_lines(tmp_path):
    path = tmp_path / "bad-start.jsonl"
    path.write_bytes(b"{not json\n" + jsonl(measurements(2)))
    items, errors = split(read_path(path))
    assert uids(items) == ["uid-0", "uid-1"]
    assert [e.line for e in errors] == [1]


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    data = gzip.compress(jsonl(measurements(50)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) - 40])
    items, errors = split(read_path(path))
    assert len(errors) == 1
    assert "cannot read" in errors[0].message
    assert 0 < len(items) < 50


def test_api_shapes(tmp_path):
    ms = measurements(2)
    wrapped = tmp_path / "api.json"
    wrapped.write_text(json.dumps({"metadata": {"count": 2}, "results": ms}))
    assert uids(split(read_path(wrapped))[0]) == ["uid-0", "uid-1"]
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"measurement_uid": "uid-9", "raw_measurement": json.dumps(ms[0])}))
    assert uids(split(read_path(meta))[0]) == ["uid-0"]
    rows = tmp_path / "fastpath.json"
    rows.write_text(json.dumps([{"measurement_uid": "x", "anomaly": True, "scores": "{}"}]))
    items, errors = split(read_path(rows))
    assert errors == []
    assert [i.shape for i in items] == [ooni_io.METADATA]


def test_bare_test_keys_with_comment_lines_are_wrapped(tmp_path):
    keys = build(url="https://mask.example/")["test_keys"]
    keys["x_control_request"] = {"http_request": "https://mask.example/"}
    keys["x_blocking_flags"] = 1
    path = tmp_path / "tk.jsonc"
    path.write_text("// a comment\n// another\n" + json.dumps(keys, indent=2))
    items, errors = split(read_path(path))
    assert errors == []
    assert items[0].shape == ooni_io.TEST_KEYS_ONLY
    assert items[0].measurement["input"] == "https://mask.example/"
    assert items[0].measurement["test_version"] == "0.5"


def test_unreadable_inputs_are_clear_errors(tmp_path):
    missing = split(read_path(tmp_path / "nope.json"))[1]
    assert missing[0].whole_file and "cannot open" in missing[0].message
    yaml = tmp_path / "old.yaml"
    yaml.write_text("---\ninput: http://example.com\n...\n")
    assert "legacy YAML report" in split(read_path(yaml))[1][0].message
    assert "expected a JSON object" in split(read_bytes(b"42\n"))[1][0].message
    assert "neither a measurement" in split(read_bytes(b'{"hello": 1}'))[1][0].message
    broken = split(read_bytes(b'{\n "test_keys": {\n'))[1]
    assert broken[0].whole_file and broken[0].line is not None
    assert split(read_bytes(b"")) == ([], [])


def test_hostile_nesting_is_an_error_not_a_crash():
    deep = split(read_bytes(b"[" * 100_000))[1]
    assert deep and "nested too deeply" in deep[0].message
    wrapped = b'{"results":' + b"[" * 600 + b"]" * 600 + b"}\n" + jsonl(measurements(1))
    items, errors = split(read_bytes(wrapped))
    assert uids(items) == ["uid-0"]


def test_reads_every_shared_ooni_measurement():
    """All JSON measurement files in ../shared/data/ooni read without an error."""
    require(SHARED.is_dir(), f"shared OONI data not found at {SHARED}")
    files = sorted(SHARED.glob("**/measurement.json")) + sorted(
        SHARED.glob("backend-fastpath-testdata/*.json")
    )
    names = []
    for path in files:
        items, errors = split(read_path(path))
        assert errors == [], errors[:3]
        names += [i.measurement.get("test_name") for i in items if i.shape == ooni_io.MEASUREMENT]
    assert names.count("web_connectivity") == 73
    pk = SHARED / "probe-cli-real" / "PK-test_keys"
    items, errors = split(read_path(next(pk.glob("*.jsonc"))))
    assert errors == [] and items[0].measurement["input"] == "https://mask.icloud.com/"
