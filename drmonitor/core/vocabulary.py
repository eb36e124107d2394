"""Controlled vocabularies kept as data: a YAML file of choice lists beside the module using them.

A vocabulary is what editors, importers and researchers share (STOP's exact strings, the stages
of a court case), so it is read from a file anyone can review without reading Python, and each
list becomes a Django `TextChoices` under its own name. A module serves its lists by name:

    VOCABULARIES = load_vocabularies(__file__)
    __getattr__ = VOCABULARIES.__getitem__   # from drmonitor.tracker.vocab import CaseStatus

In the file, a member is `NAME: value` when its label is its value, or `NAME: [value, label]`.
"""

from collections.abc import Mapping
from pathlib import Path

import yaml
from django.db import models


class Vocabularies(dict[str, type[models.TextChoices]]):
    """Each list by name; a missing name is an AttributeError, as for any module attribute."""

    def __missing__(self, name: str) -> type[models.TextChoices]:
        raise AttributeError(f"no vocabulary named {name!r}")


def load_vocabularies(module_file: str) -> Vocabularies:
    """The lists in the `.yaml` file that shares the module's name, in the file's order."""
    path = Path(module_file).with_suffix(".yaml")
    lists = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabularies((name, _choices(name, members, path)) for name, members in lists.items())


def _choices(
    name: str, members: Mapping[str, str | list[str]], path: Path
) -> type[models.TextChoices]:
    entries = []
    for member, spelling in members.items():
        value, label = spelling if isinstance(spelling, list) else (spelling, spelling)
        if not all(isinstance(text, str) for text in (member, value, label)):
            # YAML reads a bare Yes or No as a boolean: such words must be quoted.
            raise ValueError(
                f"{path.name}: {name}.{member} must be text: `NAME: value` or "
                "`NAME: [value, label]` (quote Yes, No, On, Off)"
            )
        entries.append((member, (value, label)))
    return models.TextChoices(name, entries)
