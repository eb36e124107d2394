"""Reading a STOP CSV into rows, refusing a file that is cut short or malformed.

Every row keeps the line its record starts on, so a report can point at it. A file whose last
quoted cell never ends (an upload or a copy cut short), a row with more or fewer cells than
the header, or text that is not UTF-8 is refused whole, with the line; nothing of it is read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from drmonitor.tracker.stop import columns as cols
from drmonitor.tracker.stop.cells import restore

MAX_ROWS = 20_000


@dataclass
class SheetRow:
    line: int  # the line the record starts on; the header is line 1
    cells: dict[str, str]  # current column name -> the cell, formula escape undone


@dataclass
class Sheet:
    header: list[str] = field(default_factory=list)  # current column names
    rows: list[SheetRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    error: str = ""


def read_sheet(content: bytes | str) -> Sheet:
    sheet = Sheet()
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = content[: exc.start].count(b"\n") + 1
            sheet.error = f"Line {line}: the file is not UTF-8 text. Save it as CSV UTF-8."
            return sheet
    reader = csv.reader(io.StringIO(content.lstrip("\ufeff"), newline=""), strict=True)
    line = 1
    try:
        header = next(reader, [])
        renamed = [cols.OLD_COLUMN_NAMES.get(h.strip(), h.strip()) for h in header]
        missing = [c for c in cols.REQUIRED_COLUMNS if c not in renamed]
        if missing:
            sheet.error = "This is not a STOP file: missing column(s) " + ", ".join(missing) + "."
            return sheet
        known = set(cols.EXPORT_COLUMNS)
        sheet.header = renamed
        sheet.ignored_columns = [h for h in renamed if h and h not in known]
        line = reader.line_num + 1
        for raw in reader:
            if len(raw) != len(header) and any(raw):
                sheet.error = (
                    f"Line {line}: the row has {len(raw)} cells where the header has "
                    f"{len(header)}; the file may be cut short or a quote left open."
                )
                return sheet
            if any(raw):
                if len(sheet.rows) >= MAX_ROWS:
                    sheet.error = f"The file has more than {MAX_ROWS} rows."
                    return sheet
                cells = {name: restore(value) for name, value in zip(renamed, raw, strict=True)}
                sheet.rows.append(SheetRow(line=line, cells=cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            sheet.error = (
                f"Line {line}: a quoted cell that starts in this row never ends; the file "
                "looks cut short. Nothing was imported."
            )
        else:
            sheet.error = f"Line {reader.line_num}: the CSV cannot be read ({exc})."
    if sheet.error:
        sheet.rows = []
    return sheet
