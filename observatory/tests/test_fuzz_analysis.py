"""Fuzzing the parts that read untrusted input: measurement files and measurements themselves.

A probe on a censored network reads whatever a middlebox sends, and `drm-observatory verdict` reads
files from anywhere. Neither may crash: bad input becomes a ReadError or a null verdict that
says what was malformed.
"""

from __future__ import annotations

import copy
import dataclasses
import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drm_observatory.analysis.ooni_io import Item, ReadError, read_bytes
from drm_observatory.analysis.verdict import Verdict, decide
from tests.test_verdict import PK_BLOCK_PAGE, Page, build, lte

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.text(alphabet=st.characters(exclude_categories=()), max_size=8),
    st.sampled_from(["\ud800", "x\udfffy.com", "xn--", "http://[::1", "AS12x", "0.5.x"]),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)

# Realistic starting points: every kind of case the rules distinguish, in both rule sets.
SEEDS = [
    build(),
    build(url="https://x.com/", tls_failure="connection_reset", response="connection_reset"),
    build(dns_failure="dns_nxdomain_error", response="dns_nxdomain_error"),
    build(response=Page(200, PK_BLOCK_PAGE, {})),
    build(tcp_failure="generic_timeout_error", response="generic_timeout_error"),
    build(software="drmonitor-probe", x_drm={"throttling": {"throttled": True}}),
    lte(build()),
    lte(build(url="https://x.com/", tls_failure="connection_reset", response="connection_reset")),
    build(version="0.0.1"),
]
VALID_BLOCKING = (False, None, "dns", "tcp_ip", "http-failure", "http-diff")


def _paths(value, prefix=()):
    """Every (container path, key) in a JSON document, to pick mutation targets from."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


@st.composite
def mutated_measurements(draw):
    """A real-looking measurement with keys deleted or replaced by nulls and wrong types."""
    m = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        paths = list(_paths(m))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = m
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_values)
    return m


def assert_sound(verdict: Verdict) -> None:
    assert isinstance(verdict, Verdict)
    assert verdict.rule != "error", verdict.explanation  # the catch-all must never be needed
    assert verdict.blocking in VALID_BLOCKING
    assert verdict.accessible in (True, False, None)
    assert verdict.explanation
    if verdict.rule == "malformed":
        assert (verdict.blocking, verdict.accessible) == (None, None)
        assert verdict.explanation.startswith("malformed measurement, no verdict: ")
    json.dumps(dataclasses.asdict(verdict))  # the probe and `drm-observatory verdict` write JSON


@FUZZ
@given(mutated_measurements(), st.booleans())
def test_decide_survives_mutated_measurements(measurement, trust):
    assert_sound(decide(measurement, trust_carried=trust))


@FUZZ
@given(json_values)
def test_decide_survives_arbitrary_json(value):
    assert_sound(decide(value))
    assert_sound(
        decide({"test_name": "web_connectivity", "input": "http://a/", "test_keys": value})
    )


@FUZZ
@given(st.dictionaries(st.sampled_from(list(SEEDS[0]["test_keys"])), json_values, max_size=8))
def test_decide_survives_wrong_types_in_every_test_key(test_keys):
    m = {"input": "http://example.com/", "test_version": "0.4.3", "test_keys": test_keys}
    verdict = decide(m)
    assert_sound(verdict)
    if verdict.rule == "malformed":
        assert verdict.malformed  # says which key was wrong


def _check_read(results) -> None:
    for r in results:
        assert isinstance(r, (Item, ReadError))
        if isinstance(r, ReadError):
            assert r.message and str(r).startswith(r.source)
        else:
            assert isinstance(r.measurement, dict)
            assert_sound(decide(r.measurement))


@FUZZ
@given(st.binary(max_size=400))
def test_reader_survives_random_bytes(data):
    _check_read(read_bytes(data, "fuzz.bin"))
    _check_read(read_bytes(gzip.compress(data), "fuzz.bin.gz"))


@FUZZ
@given(st.lists(json_values, max_size=5), st.integers(0, 3))
def test_reader_survives_json_lines_with_damage(values, cut):
    text = "\n".join(json.dumps(v) for v in values).encode()
    _check_read(read_bytes(text, "fuzz.jsonl"))
    _check_read(read_bytes(text[: len(text) - cut], "fuzz-cut.jsonl"))
    packed = gzip.compress(text)
    _check_read(read_bytes(packed[: max(2, len(packed) - cut * 7)], "fuzz-cut.jsonl.gz"))


@FUZZ
@given(mutated_measurements())
def test_reader_roundtrip_of_mutated_measurements(measurement):
    """A mutated measurement written as a file reads back and is judged without a crash."""
    results = list(read_bytes(json.dumps(measurement).encode(), "m.json"))
    _check_read(results)
