"""Saving a record the way the admin does, with any refusal reported against the content file.

The models' own validation (`full_clean`, Wagtail's page and image checks) decides what may be
saved, as it does for an editor; this turns its errors into "file: field: message".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.db import models

from drmonitor.demo.reading import DemoContentError, Located, Problem


@contextmanager
def reported(
    entry: Located, at: str = "", names: Mapping[str, str] | None = None
) -> Iterator[None]:
    """Report a model's refusal against `entry`'s file; `at` places nested records
    ("hearings[2]"), `names` maps model fields to the file's field names where they differ."""
    names = names or {}

    def place(field_name: str) -> str:
        if field_name in ("", NON_FIELD_ERRORS):
            return entry.where(at)
        return entry.where(
            ".".join(part for part in (at, names.get(field_name, field_name)) if part)
        )

    try:
        yield
    except ValidationError as error:
        messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        problems = [
            Problem(entry.file, place(name), " ".join(texts)) for name, texts in messages.items()
        ]
        raise DemoContentError(problems) from error
    except ObjectDoesNotExist as error:
        raise DemoContentError([Problem(entry.file, place(""), str(error))]) from error


def save_checked(record: models.Model) -> models.Model:
    """Validate as a model form would, then save."""
    record.full_clean()
    record.save()
    return record
