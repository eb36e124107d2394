"""Cells as text: the spreadsheet-formula rule, STOP's date format, and a STOP row's identity.

A CSV cell that starts with "=", "+", "-", "@", a tab or a carriage return is a formula to a
spreadsheet, and a formula can run commands on the reader's machine (OWASP, "CSV Injection").
The export writes such a cell with a leading apostrophe, which spreadsheets show as text;
the import takes that apostrophe off again, so a value comes back exactly as it was typed. A
cell that already starts with apostrophes before such a character gets one more, so the rule
can be undone without guessing. Plain numbers ("-363") are not formulas and stay as they are.
Every CSV the site writes (incidents, cases, hearings, the data dictionary) follows the rule.
"""

from __future__ import annotations

import datetime
import hashlib
import re

from drmonitor.tracker.stop.columns import SERVICE_FLAGS

_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def neutralise(value: str) -> str:
    """`value` as a spreadsheet shows it as text (the export's side of the rule)."""
    if _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The value `neutralise` was given (the import's side of the rule)."""
    if _ESCAPED.match(value) and not _NUMBER.match(value[1:]):
        return value[1:]
    return value


def neutral_row(row: dict, columns: list[str]) -> list[str]:
    """A row of any CSV download: its `columns` in order, as text (None blank), each cell
    through the formula rule, so what anyone typed into a record never runs as a formula."""
    return [neutralise("" if row.get(c) is None else str(row[c])) for c in columns]


def stop_date(day: datetime.date | None) -> str:
    """A date as STOP's sheet writes it (a timestamp at midnight)."""
    return f"{day.isoformat()} 00:00:00.000000" if day else ""


# The cells that tell one STOP event from another. count_year is not among them: STOP repeats
# an event that spans several years once per year, and those rows are one incident.
KEY_COLUMNS = (
    *("country", "start_date", "shutdown_type", "shutdown_extent", "area_name", "decision_maker"),
    *SERVICE_FLAGS,
    "other_affected",
)


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def stop_key(cells: dict[str, str]) -> str:
    """A STOP row's identity from its own cells (STOP's sheet has no id column): rows of one
    event share it, and a later copy of the sheet finds the incident by it."""
    start = cells.get("start_date", "").strip()[:10]
    parts = [
        start if column == "start_date" else _normal(cells.get(column, ""))
        for column in KEY_COLUMNS
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
