"""The shape of a Web Connectivity measurement, as a JSON Schema and a validator.

Written from OONI's data format (df-000 envelope, ts-017 test keys) and checked against the
real and synthetic measurements in ../shared/data/ooni, so a measurement our probe writes can
stand beside OONI's in any consumer that reads OONI data. The schema is strict where consumers
rely on a type (a `blocking` outside OONI's values, an answer without `answer_type`) and open
where OONI itself varies between versions (extra keys, `x_*` fields).
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs

STRING_OR_NULL = {"type": ["string", "null"]}
BOOL_OR_NULL = {"type": ["boolean", "null"]}
FAILURE = STRING_OR_NULL
BASE64 = {
    "type": "object",
    "required": ["format", "data"],
    "properties": {"format": {"const": "base64"}, "data": {"type": "string"}},
}
HEADERS = {
    "type": ["object", "null"],
    "additionalProperties": {"anyOf": [{"type": ["string", "array"]}, BASE64]},
}
BODY = {"anyOf": [{"type": ["string", "null"]}, BASE64]}

ANSWER = {
    "type": "object",
    "required": ["answer_type"],
    "properties": {
        "answer_type": {"type": "string"},
        "ipv4": {"type": "string"},
        "ipv6": {"type": "string"},
        "hostname": {"type": "string"},
        "asn": {"type": ["integer", "null"]},
        "as_org_name": STRING_OR_NULL,
        "ttl": {"type": ["integer", "null"]},
    },
}

QUERY = {
    "type": "object",
    "required": ["hostname", "query_type", "answers", "failure"],
    "properties": {
        "hostname": {"type": "string"},
        "query_type": {"type": "string"},
        "answers": {"type": ["array", "null"], "items": ANSWER},
        "failure": FAILURE,
        "engine": {"type": "string"},
        "resolver_address": STRING_OR_NULL,
        "resolver_hostname": STRING_OR_NULL,
        "resolver_port": {"type": ["string", "integer", "null"]},
        "t": {"type": "number"},
    },
}

TCP_CONNECT = {
    "type": "object",
    "required": ["ip", "port", "status"],
    "properties": {
        "ip": {"type": "string"},
        "port": {"type": "integer", "minimum": 0, "maximum": 65535},
        "status": {
            "type": "object",
            "required": ["success", "failure"],
            "properties": {
                "success": {"type": "boolean"},
                "failure": FAILURE,
                "blocked": BOOL_OR_NULL,
            },
        },
        "t": {"type": "number"},
    },
}

TLS_HANDSHAKE = {
    "type": "object",
    "required": ["server_name", "failure"],
    "properties": {
        "address": {"type": "string"},
        "server_name": STRING_OR_NULL,
        "failure": FAILURE,
        "negotiated_protocol": STRING_OR_NULL,
        "tls_version": STRING_OR_NULL,
        "cipher_suite": STRING_OR_NULL,
        "no_tls_verify": {"type": "boolean"},
        "peer_certificates": {
            "type": ["array", "null"],
            "items": {
                "type": "object",
                "required": ["data", "format"],
                "properties": {"data": {"type": "string"}, "format": {"const": "base64"}},
            },
        },
        "t": {"type": "number"},
    },
}

HTTP_TRANSACTION = {
    "type": "object",
    "required": ["request", "response", "failure"],
    "properties": {
        "failure": FAILURE,
        "request": {
            "type": "object",
            "required": ["url", "method", "headers"],
            "properties": {
                "url": {"type": "string"},
                "method": {"type": "string"},
                "headers": HEADERS,
                "body": BODY,
            },
        },
        "response": {
            "type": ["object", "null"],
            "properties": {
                "code": {"type": ["integer", "null"]},
                "headers": HEADERS,
                "body": BODY,
                "body_is_truncated": {"type": "boolean"},
            },
        },
        "t": {"type": "number"},
    },
}

CONTROL = {
    "type": ["object", "null"],
    "properties": {
        "dns": {
            "type": ["object", "null"],
            "required": ["addrs", "failure"],
            "properties": {
                "addrs": {"type": ["array", "null"], "items": {"type": "string"}},
                "failure": FAILURE,
            },
        },
        "tcp_connect": {
            "type": ["object", "null"],
            "additionalProperties": {
                "type": "object",
                "required": ["status", "failure"],
                "properties": {"status": {"type": "boolean"}, "failure": FAILURE},
            },
        },
        "tls_handshake": {
            "type": ["object", "null"],
            "additionalProperties": {
                "type": "object",
                "required": ["status", "failure"],
                "properties": {
                    "server_name": {"type": "string"},
                    "status": {"type": "boolean"},
                    "failure": FAILURE,
                },
            },
        },
        "http_request": {
            "type": ["object", "null"],
            "required": ["status_code", "body_length", "failure"],
            "properties": {
                "status_code": {"type": "integer"},
                "body_length": {"type": "integer"},
                "headers": HEADERS,
                "title": {"type": "string"},
                "failure": FAILURE,
            },
        },
    },
}

TEST_KEYS = {
    "type": "object",
    "required": [
        "queries",
        "tcp_connect",
        "requests",
        "control",
        "control_failure",
        "dns_experiment_failure",
        "http_experiment_failure",
        "dns_consistency",
        "body_length_match",
        "headers_match",
        "status_code_match",
        "blocking",
        "accessible",
    ],
    "properties": {
        "agent": {"type": "string"},
        "client_resolver": STRING_OR_NULL,
        "queries": {"type": ["array", "null"], "items": QUERY},
        "tcp_connect": {"type": ["array", "null"], "items": TCP_CONNECT},
        "tls_handshakes": {"type": ["array", "null"], "items": TLS_HANDSHAKE},
        "requests": {"type": ["array", "null"], "items": HTTP_TRANSACTION},
        "network_events": {"type": ["array", "null"], "items": {"type": "object"}},
        "control": CONTROL,
        "control_failure": FAILURE,
        "dns_experiment_failure": FAILURE,
        "http_experiment_failure": FAILURE,
        "dns_consistency": {"enum": ["consistent", "inconsistent", "reverse_match", None]},
        "body_length_match": BOOL_OR_NULL,
        "body_proportion": {"type": "number"},
        "headers_match": BOOL_OR_NULL,
        "status_code_match": BOOL_OR_NULL,
        "title_match": BOOL_OR_NULL,
        "blocking": {"enum": [False, None, "dns", "tcp_ip", "http-failure", "http-diff"]},
        "accessible": BOOL_OR_NULL,
        "x_blocking_flags": {"type": "integer", "minimum": 0},
        "x_dns_flags": {"type": "integer", "minimum": 0},
        "x_null_null_flags": {"type": "integer", "minimum": 0},
    },
}

MEASUREMENT = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "OONI Web Connectivity measurement",
    "type": "object",
    "required": [
        "input",
        "measurement_start_time",
        "probe_asn",
        "probe_cc",
        "software_name",
        "software_version",
        "test_name",
        "test_version",
        "test_keys",
    ],
    "properties": {
        "measurement_uid": {"type": "string"},
        "report_id": {"type": "string"},
        "input": {"type": "string", "minLength": 1},
        "annotations": {"type": ["object", "null"]},
        "data_format_version": {"type": "string"},
        "measurement_start_time": {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$",
        },
        "test_start_time": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"},
        "probe_asn": {"type": "string", "pattern": r"^AS\d+$"},
        "probe_cc": {"type": "string", "pattern": r"^[A-Z]{2}$"},
        "probe_ip": {"type": "string"},
        "probe_network_name": STRING_OR_NULL,
        "resolver_ip": {"type": "string"},
        "resolver_asn": {"type": "string"},
        "software_name": {"type": "string"},
        "software_version": {"type": "string"},
        "test_name": {"const": "web_connectivity"},
        "test_version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+"},
        "test_runtime": {"type": "number", "minimum": 0},
        "test_keys": TEST_KEYS,
    },
}

_VALIDATOR = jsonschema_rs.validator_for(MEASUREMENT)


def problems(measurement: Any) -> list[str]:
    """Every way `measurement` departs from the schema, as `path: message` lines."""
    return [
        f"{'/'.join(str(p) for p in error.instance_path) or '(root)'}: {error.message}"
        for error in _VALIDATOR.iter_errors(measurement)
    ]
