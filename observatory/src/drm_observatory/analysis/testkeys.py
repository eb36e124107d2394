"""A typed, defensive view of a Web Connectivity measurement's test_keys.

Measurements come from probes we do not control (OONI's archive spans Measurement Kit, the Python
probe and two Go engines) and from our own probe reading hostile networks. The verdict rules must
never trip over a missing key or a wrong type, so everything they read goes through this module:
tolerated variants (headers as lists, base64 bodies, ASNs as "AS123") are normalised, and a value
of the wrong shape is recorded in `problems` instead of raising.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit


@dataclass
class DNSQuery:
    hostname: str
    query_type: str
    engine: str
    failure: str | None
    addrs: list[str]
    asns: dict[str, int]
    depth: int | None
    transaction_id: int | None
    classic: bool


@dataclass
class TCPConnect:
    ip: str
    port: int
    success: bool
    failure: str | None
    depth: int | None
    transaction_id: int | None
    fetch_body: bool | None


@dataclass
class TLSHandshake:
    address: str
    server_name: str
    failure: str | None
    transaction_id: int | None


@dataclass
class HTTPExchange:
    url: str
    failure: str | None
    status_code: int
    body: bytes | None
    body_truncated: bool
    headers: dict[str, str]
    depth: int | None
    transaction_id: int | None
    # The body as the measurement spelt it, when that is valid UTF-8: what a regexp
    # fingerprint searches, so a big page is not decoded again (None: decode `body`).
    body_text: str | None = None


@dataclass
class HTTPControl:
    failure: str | None
    status_code: int
    body_length: int
    headers: dict[str, str]
    title: str


@dataclass
class Control:
    dns_failure: str | None
    dns_addrs: list[str]
    dns_asns: set[int]
    tcp: dict[str, str | None]  # "ip:port" -> failure ("" would never appear; None = success)
    tls: dict[str, tuple[str, str | None]]  # "ip:port" -> (server_name, failure)
    http: HTTPControl | None
    has_dns: bool


@dataclass
class TestKeys:
    """What the verdict rules read. `problems` lists what was malformed."""

    url: str
    scheme: str
    hostname: str
    test_version: str
    software: str = ""  # software_name/software_version, e.g. "ooniprobe/2.3.0"
    engine_name: str = ""  # annotations.engine_name, e.g. "libmeasurement_kit"
    queries: list[DNSQuery] = field(default_factory=list)
    tcp_connect: list[TCPConnect] = field(default_factory=list)
    tls_handshakes: list[TLSHandshake] = field(default_factory=list)
    requests: list[HTTPExchange] = field(default_factory=list)
    requests_present: bool = False
    control: Control | None = None
    control_failure: str | None = None
    carried: dict[str, Any] = field(default_factory=dict)
    x_drm: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def is_input_host(self, name: str) -> bool:
        """Is `name` (from a DNS query) the input URL's host? Accepts the IDNA (xn--) form."""
        name = name.lower().rstrip(".")
        return not name or name == self.hostname or name == self.hostname_idna

    @property
    def hostname_idna(self) -> str:
        """The host in IDNA (xn--) form: the rules ask for it per DNS query."""
        return _idna(self.hostname)


@lru_cache(maxsize=4096)
def _idna(hostname: str) -> str:
    """Computed once per host name, not per measurement: the codec is slow and hosts repeat."""
    try:
        return hostname.encode("idna").decode("ascii")
    except UnicodeError:
        return ""


# Keys OONI probes compute themselves; we reuse them when a measurement carries them.
CARRIED_KEYS = (
    "dns_consistency",
    "dns_experiment_failure",
    "http_experiment_failure",
    "body_length_match",
    "body_proportion",
    "status_code_match",
    "headers_match",
    "title_match",
    "blocking",
    "accessible",
    "x_blocking_flags",
    "x_dns_flags",
    "x_null_null_flags",
)


def _place(where: str, key: str | None) -> str:
    """A value's place as complaints name it: "queries[2].answers[0].asn"."""
    if key is None:
        return where
    return f"{where}.{key}" if where else key


class _Reader:
    """Typed getters that log a problem and return a default when a value has the wrong shape.

    Each getter is told its value's place as (where, key) and spells it out only to complain:
    a well-formed measurement, nearly every one, costs no string formatting. A value of the
    right type comes back as it is, so callers may test the common type first themselves.
    """

    def __init__(self) -> None:
        self.problems: list[str] = []

    def _bad(self, value: Any, where: str, key: str | None, expected: str) -> None:
        self.problems.append(f"{_place(where, key)} is {type(value).__name__}, expected {expected}")

    def obj(self, value: Any, where: str, key: str | None = None) -> dict:
        if isinstance(value, dict):
            return value
        if value is not None:
            self._bad(value, where, key, "object")
        return {}

    def lst(self, value: Any, where: str, key: str | None = None) -> list:
        if isinstance(value, list):
            return value
        if value is not None:
            self._bad(value, where, key, "list")
        return []

    def _expect(
        self, value: Any, kind: type, expected: str, where: str, key: str | None, default: Any
    ) -> Any:
        """`value` when it is a `kind`; else `default`, reported as malformed unless null."""
        if isinstance(value, kind):
            return value
        if value is not None:
            self._bad(value, where, key, expected)
        return default

    def text(self, value: Any, where: str, key: str | None = None, default: str = "") -> str:
        return self._expect(value, str, "string", where, key, default)

    def failure(self, value: Any, where: str, key: str | None = None) -> str | None:
        """OONI failure strings: null means success. Anything else non-string is malformed."""
        if value is None or isinstance(value, str):
            return value
        self._bad(value, where, key, "failure string or null")
        return "malformed_failure"

    def integer(self, value: Any, where: str, key: str | None = None, default: int = 0) -> int:
        if type(value) is int:  # not a bool, which is an int too
            return value
        if value is None:
            return default
        if isinstance(value, bool):
            self._bad(value, where, key, "integer")
            return default
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            digits = value[2:] if value.upper().startswith("AS") else value
            if digits.isdigit():
                return int(digits)
        self._bad(value, where, key, "integer")
        return default

    def boolean(self, value: Any, where: str, key: str | None = None) -> bool | None:
        return self._expect(value, bool, "boolean", where, key, None)


def _tags(reader: _Reader, entry: dict, where: str) -> tuple[int | None, bool | None, bool]:
    """(depth, fetch_body, classic) from an LTE event's tags; v0.4 events carry none."""
    tags = entry.get("tags")
    if tags is None:
        return None, None, False
    if type(tags) is list:
        try:
            return _TAG_MEANINGS[tuple(tags)]
        except (KeyError, TypeError):  # not seen yet, or holding a list or an object
            pass
    depth: int | None = None
    fetch_body: bool | None = None
    classic = False
    for tag in reader.lst(tags, where, "tags"):
        if not isinstance(tag, str):
            continue
        if tag.startswith("depth=") and tag[6:].isdigit():
            depth = int(tag[6:])
        elif tag.startswith("fetch_body="):
            fetch_body = tag == "fetch_body=true"
        elif tag == "classic":
            classic = True
    if type(tags) is list and len(_TAG_MEANINGS) < TAG_LISTS_REMEMBERED:
        try:
            _TAG_MEANINGS[tuple(tags)] = depth, fetch_body, classic
        except TypeError:
            pass
    return depth, fetch_body, classic


# The same few lists of tags ("classic", "depth=0", "fetch_body=true") recur in every LTE
# event: each list is read once, up to a bound that keeps memory flat on hostile input.
TAG_LISTS_REMEMBERED = 1024
_TAG_MEANINGS: dict[tuple, tuple[int | None, bool | None, bool]] = {}


def _transaction_id(reader: _Reader, entry: dict, where: str) -> int | None:
    value = entry.get("transaction_id")
    if value is None or type(value) is int:
        return value
    return reader.integer(value, where, "transaction_id")


def _headers(reader: _Reader, value: Any, where: str, key: str) -> dict[str, str]:
    """Header maps are {name: value} (Go engines) or {name: [values]} / [[name, value]] (older)."""
    out: dict[str, str] = {}
    if value is None:
        return out
    if isinstance(value, dict):
        for name, val in value.items():
            if not isinstance(val, str):
                val = (
                    ", ".join(v for v in val if isinstance(v, str)) if isinstance(val, list) else ""
                )
            out[str(name).lower()] = val
        return out
    if isinstance(value, list):
        for pair in value:
            if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str):
                out[pair[0].lower()] = pair[1] if isinstance(pair[1], str) else ""
        return out
    reader._bad(value, where, key, "object")
    return out


def decode_body(value: Any) -> tuple[bytes | None, str | None]:
    """A response body (a string, or {"format": "base64", "data": ...}) as bytes, and as text
    when the measurement spelt it as valid UTF-8. Undecodable -> (None, None)."""
    if isinstance(value, str):
        try:
            return value.encode(), value
        except UnicodeEncodeError:  # lone surrogates (JSON allows them) keep their bytes
            return value.encode("utf-8", "surrogatepass"), None
    if isinstance(value, dict) and value.get("format") == "base64":
        data = value.get("data")
        if isinstance(data, str):
            try:
                return base64.b64decode(data, validate=False), None
            except (binascii.Error, ValueError):
                return None, None
    return None, None


def _query(reader: _Reader, entry: dict, where: str) -> DNSQuery:
    addrs: list[str] = []
    asns: dict[str, int] = {}
    for j, answer in enumerate(reader.lst(entry.get("answers"), where, "answers")):
        if not isinstance(answer, dict):
            if answer is not None:
                reader._bad(answer, f"{where}.answers[{j}]", None, "object")
            continue
        ip = answer.get("ipv4") or answer.get("ipv6")
        if not isinstance(ip, str) or not ip:
            continue
        addrs.append(ip)
        asn = answer.get("asn")
        if asn is not None:
            asns[ip] = (
                asn if type(asn) is int else reader.integer(asn, f"{where}.answers[{j}]", "asn")
            )
    depth, _, classic = _tags(reader, entry, where)
    # The common types are tested here first: a getter is called only on a surprise.
    hostname, query_type = entry.get("hostname"), entry.get("query_type")
    engine, failure = entry.get("engine"), entry.get("failure")
    return DNSQuery(
        hostname=hostname if type(hostname) is str else reader.text(hostname, where, "hostname"),
        query_type=(
            query_type if type(query_type) is str else reader.text(query_type, where, "query_type")
        ),
        engine=engine if type(engine) is str else reader.text(engine, where, "engine"),
        failure=(
            failure
            if failure is None or type(failure) is str
            else reader.failure(failure, where, "failure")
        ),
        addrs=addrs,
        asns=asns,
        depth=depth,
        transaction_id=_transaction_id(reader, entry, where),
        classic=classic,
    )


def _tcp_connect(reader: _Reader, entry: dict, where: str) -> TCPConnect:
    status = entry.get("status")
    if type(status) is not dict:
        status = reader.obj(status, where, "status")
    failure = status.get("failure")
    if failure is not None and type(failure) is not str:
        failure = reader.failure(failure, where, "status.failure")
    success = status.get("success")
    if success is not None and type(success) is not bool:
        success = reader.boolean(success, where, "status.success")
    depth, fetch_body, _ = _tags(reader, entry, where)
    ip, port = entry.get("ip"), entry.get("port")
    return TCPConnect(
        ip=ip if type(ip) is str else reader.text(ip, where, "ip"),
        port=port if type(port) is int else reader.integer(port, where, "port"),
        success=bool(success) if success is not None else failure is None,
        failure=failure,
        depth=depth,
        transaction_id=_transaction_id(reader, entry, where),
        fetch_body=fetch_body,
    )


def _tls_handshake(reader: _Reader, entry: dict, where: str) -> TLSHandshake:
    return TLSHandshake(
        address=reader.text(entry.get("address"), where, "address"),
        server_name=reader.text(entry.get("server_name"), where, "server_name"),
        failure=reader.failure(entry.get("failure"), where, "failure"),
        transaction_id=_transaction_id(reader, entry, where),
    )


def _request(reader: _Reader, entry: dict, where: str) -> HTTPExchange:
    request = reader.obj(entry.get("request"), where, "request")
    response = reader.obj(entry.get("response"), where, "response")
    truncated = response.get("body_is_truncated")
    depth, _, _ = _tags(reader, entry, where)
    body, text = decode_body(response.get("body"))
    return HTTPExchange(
        url=reader.text(request.get("url"), where, "request.url"),
        failure=reader.failure(entry.get("failure"), where, "failure"),
        status_code=reader.integer(response.get("code"), where, "response.code"),
        body=body,
        body_truncated=bool(reader.boolean(truncated, where, "response.body_is_truncated")),
        headers=_headers(reader, response.get("headers"), where, "response.headers"),
        depth=depth,
        transaction_id=_transaction_id(reader, entry, where),
        body_text=text,
    )


def _each[T](
    reader: _Reader, test_keys: dict, key: str, read: Callable[[_Reader, dict, str], T]
) -> list[T]:
    """`read` on every non-empty object of the list test_keys[key], each told its place for
    complaints; an element that is not an object is one."""
    out = []
    for i, entry in enumerate(reader.lst(test_keys.get(key), "", key)):
        if isinstance(entry, dict):
            if entry:
                out.append(read(reader, entry, f"{key}[{i}]"))
        elif entry is not None:
            reader._bad(entry, f"{key}[{i}]", None, "object")
    return out


def _control(reader: _Reader, raw: Any) -> Control | None:
    if raw is None:
        return None
    ctrl = reader.obj(raw, "control")
    if not ctrl:
        return None
    dns = reader.obj(ctrl.get("dns"), "control.dns")
    dns_addrs = [
        a for a in reader.lst(dns.get("addrs"), "control.dns.addrs") if isinstance(a, str) and a
    ]
    dns_asns: set[int] = set()
    # v0.5 helpers report ASNs per IP in ip_info; our helper may send a plain list.
    for ip, info in reader.obj(ctrl.get("ip_info"), "control.ip_info").items():
        if ip in dns_addrs and isinstance(info, dict) and info.get("asn"):
            dns_asns.add(reader.integer(info.get("asn"), f"control.ip_info[{ip}]", "asn"))
    for asn in reader.lst(dns.get("asns"), "control.dns.asns"):
        value = reader.integer(asn, "control.dns.asns[]")
        if value:
            dns_asns.add(value)
    tcp: dict[str, str | None] = {}
    for endpoint, result in reader.obj(ctrl.get("tcp_connect"), "control.tcp_connect").items():
        where = f"control.tcp_connect[{endpoint}]"
        result = reader.obj(result, where)
        failure = reader.failure(result.get("failure"), where, "failure")
        if failure is None and result.get("status") is False:
            failure = "unknown_failure"
        tcp[str(endpoint)] = failure
    tls: dict[str, tuple[str, str | None]] = {}
    for endpoint, result in reader.obj(ctrl.get("tls_handshake"), "control.tls_handshake").items():
        where = f"control.tls_handshake[{endpoint}]"
        result = reader.obj(result, where)
        tls[str(endpoint)] = (
            reader.text(result.get("server_name"), where, "server_name"),
            reader.failure(result.get("failure"), where, "failure"),
        )
    http: HTTPControl | None = None
    if ctrl.get("http_request") is not None:
        where = "control.http_request"
        req = reader.obj(ctrl.get("http_request"), where)
        http = HTTPControl(
            failure=reader.failure(req.get("failure"), where, "failure"),
            status_code=reader.integer(req.get("status_code"), where, "status_code"),
            body_length=reader.integer(req.get("body_length"), where, "body_length"),
            headers=_headers(reader, req.get("headers"), where, "headers"),
            title=reader.text(req.get("title"), where, "title"),
        )
    return Control(
        dns_failure=reader.failure(dns.get("failure"), "control.dns", "failure"),
        dns_addrs=dns_addrs,
        dns_asns=dns_asns,
        tcp=tcp,
        tls=tls,
        http=http,
        has_dns=bool(dns),
    )


def parse(measurement: Any) -> TestKeys:
    """Read a measurement (envelope + test_keys) into TestKeys; never raises."""
    reader = _Reader()
    if not isinstance(measurement, dict):
        reader._bad(measurement, "measurement", None, "object")
    env = measurement if isinstance(measurement, dict) else {}
    url = reader.text(env.get("input"), "input")
    try:
        parts = urlsplit(url)
        scheme, hostname = parts.scheme.lower(), (parts.hostname or "")
    except ValueError:
        reader.problems.append(f"input {url!r} is not a URL")
        scheme, hostname = "", ""
    version = env.get("test_version")
    keys = TestKeys(
        url=url,
        scheme=scheme,
        hostname=hostname,
        test_version=version if isinstance(version, str) else "",
    )
    test_name = env.get("test_name")
    if test_name is not None and test_name != "web_connectivity":
        reader.problems.append(f"test_name is {test_name!r}, not web_connectivity")
    name, sw_version = env.get("software_name"), env.get("software_version")
    if isinstance(name, str) and isinstance(sw_version, str):
        keys.software = f"{name}/{sw_version}"
    annotations = env.get("annotations")
    if isinstance(annotations, dict) and isinstance(annotations.get("engine_name"), str):
        keys.engine_name = annotations["engine_name"]
    if "test_keys" not in env or env.get("test_keys") is None:
        reader.problems.append("test_keys is missing")
        keys.problems = reader.problems
        return keys
    tk = reader.obj(env.get("test_keys"), "test_keys")
    keys.queries = _each(reader, tk, "queries", _query)
    keys.tcp_connect = _each(reader, tk, "tcp_connect", _tcp_connect)
    keys.tls_handshakes = _each(reader, tk, "tls_handshakes", _tls_handshake)
    keys.requests_present = isinstance(tk.get("requests"), list)
    keys.requests = _each(reader, tk, "requests", _request)
    keys.control = _control(reader, tk.get("control"))
    keys.control_failure = reader.failure(tk.get("control_failure"), "control_failure")
    keys.carried = {k: tk[k] for k in CARRIED_KEYS if k in tk}
    keys.x_drm = reader.obj(tk.get("x_drm"), "x_drm")
    keys.problems = reader.problems
    return keys


# The address tests below are asked about the same few thousand addresses over and over (a
# site's addresses recur in every measurement of it); ipaddress parses and compares slowly.
ADDRESSES_REMEMBERED = 1 << 16


@lru_cache(maxsize=ADDRESSES_REMEMBERED)
def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=ADDRESSES_REMEMBERED)
def is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


@lru_cache(maxsize=ADDRESSES_REMEMBERED)
def is_bogon(ip: str) -> bool:
    """Private, loopback, link-local and reserved addresses: never a public site's address."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return not address.is_global
