"""The shape of a Web Connectivity measurement, as a JSON Schema and a validator.

The schema (web_connectivity.schema.json beside this module, JSON Schema 2020-12) is written
from OONI's data format (df-000 envelope, ts-017 test keys) and checked against the real and
synthetic measurements in ../shared/data/ooni, so a measurement our probe writes can stand
beside OONI's in any consumer that reads OONI data. It is strict where consumers rely on a type
(a `blocking` outside OONI's values, an answer without `answer_type`) and open where OONI itself
varies between versions (extra keys, `x_*` fields). It is a JSON document rather than Python so
that any consumer, in any language, can check measurements against the same file.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import jsonschema_rs

MEASUREMENT = json.loads(files(__package__).joinpath("web_connectivity.schema.json").read_text())

_VALIDATOR = jsonschema_rs.validator_for(MEASUREMENT)


def problems(measurement: Any) -> list[str]:
    """Every way `measurement` departs from the schema, as `path: message` lines."""
    return [
        f"{'/'.join(str(p) for p in error.instance_path) or '(root)'}: {error.message}"
        for error in _VALIDATOR.iter_errors(measurement)
    ]
