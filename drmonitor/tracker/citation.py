"""How to cite a tracker record: CSL-JSON (Zotero, Pandoc, citeproc) and BibTeX (LaTeX).

A record is cited as a dataset entry of Digital Rights Monitor's evidence desk, with the date
it was last changed (the version cited) and the address of its page. The version matters: a
record changes as courts sit, and the public change list on the page says what changed since.
"""

from __future__ import annotations

import datetime
import json
import re

from django.utils import timezone

from drmonitor.tracker.models import Incident, LegalCase

PUBLISHER = "Digital Rights Monitor"
BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def _escaped(text: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _version(record: Incident | LegalCase) -> datetime.date:
    return timezone.localdate(record.updated_at)


def _kind(record: Incident | LegalCase) -> str:
    if isinstance(record, LegalCase):
        return f"Court case record, {record.court.name}"
    return f"Incident record, {record.get_kind_display()}"


def csl_json(record: Incident | LegalCase, url: str, accessed: datetime.date) -> str:
    """One CSL-JSON item, in a list as reference managers import it."""
    version = _version(record)
    item = {
        "id": f"drm-{record.slug}",
        "type": "dataset",
        "title": record.title,
        "author": [{"literal": PUBLISHER}],
        "publisher": PUBLISHER,
        "genre": _kind(record),
        "version": version.isoformat(),
        "issued": {"date-parts": [[version.year, version.month, version.day]]},
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        "URL": url,
    }
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def bibtex(record: Incident | LegalCase, url: str, accessed: datetime.date) -> str:
    version = _version(record)
    fields = [
        ("title", "{" + _escaped(record.title) + "}"),
        ("author", "{" + PUBLISHER + "}"),
        ("organization", PUBLISHER),
        ("year", str(version.year)),
        ("month", f"{version:%b}".lower()),
        ("howpublished", f"{_escaped(_kind(record))}, version of {version.isoformat()}"),
        ("url", url),
        ("urldate", accessed.isoformat()),
    ]
    lines = [f"@misc{{drm-{record.slug},"]
    lines += [
        f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},"
        for name, value in fields
    ]
    return "\n".join([*lines, "}"]) + "\n"
