"""How to cite a publication: a sentence to paste into a text, and BibTeX and RIS records for
reference managers (Zotero, Mendeley, EndNote and LaTeX all read one or the other).

Only what the entry states is cited: an unknown date is "n.d.", a date known to the month is
cited to the month.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.text import slugify

if TYPE_CHECKING:
    from drmonitor.library.models import ResearchPage

# The RIS type of each kind of publication (RIS's own codes).
RIS_TYPES = {"report": "RPRT", "index": "RPRT", "timeline": "RPRT", "explainer": "RPRT"}
BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


@dataclass(frozen=True)
class Citation:
    authors: tuple[str, ...]
    title: str
    publisher: str
    url: str
    kind: str
    date: datetime.date | None
    precision: str  # "day", "month" or "year"

    @classmethod
    def of(cls, page: ResearchPage, url: str) -> Citation:
        return cls(
            authors=tuple(page.creator_names()),
            title=page.title,
            publisher=page.publisher,
            url=url,
            kind=page.research_type,
            date=page.issued,
            precision=page.issued_precision,
        )

    def slug(self) -> str:
        """A BibTeX key: the first author's last word, the year, the title's first word."""
        first = slugify(self.authors[0].split()[-1]) if self.authors else "anon"
        word = next((slugify(w) for w in self.title.split() if len(slugify(w)) > 3), "item")
        return f"{first}{self.date.year if self.date else ''}{word}".replace("-", "")

    def when(self) -> str:
        """'2025, May 20', '2024, October', '2024' or 'n.d.'."""
        if self.date is None:
            return "n.d."
        if self.precision == "year":
            return f"{self.date:%Y}"
        if self.precision == "month":
            return f"{self.date:%Y, %B}"
        return f"{self.date:%Y, %B} {self.date.day}"

    def text(self) -> str:
        """Author-date style: Authors (date). Title. Publisher. URL"""
        names = _joined(self.authors) or self.publisher
        parts = [f"{names} ({self.when()}).", f"{self.title.rstrip('.')}."]
        if self.publisher and self.publisher != names:
            parts.append(f"{self.publisher}.")
        if self.url:
            parts.append(self.url)
        return " ".join(parts)

    def bibtex(self) -> str:
        kind = "techreport" if self.kind in RIS_TYPES else "misc"
        fields = [("title", _bib(self.title))]
        if self.authors:
            # Each name in braces: organisations ("Freedom House") must not be split into a
            # first and a last name.
            fields.append(("author", " and ".join("{" + _bib(a) + "}" for a in self.authors)))
        if self.date:
            fields.append(("year", f"{self.date.year}"))
            if self.precision in ("day", "month"):
                fields.append(("month", f"{self.date:%b}".lower()))
        if self.publisher:
            fields.append(
                ("institution" if kind == "techreport" else "publisher", _bib(self.publisher))
            )
        if self.url:
            fields.append(("url", self.url))
        lines = [f"@{kind}{{{self.slug()},"]
        lines += [
            f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},"
            for name, value in fields
        ]
        return "\n".join([*lines, "}"]) + "\n"

    def ris(self) -> str:
        lines = [("TY", RIS_TYPES.get(self.kind, "GEN"))]
        lines += [("AU", author) for author in self.authors]
        lines.append(("TI", self.title))
        if self.date:
            lines.append(("PY", f"{self.date.year}"))
            day = f"{self.date.day:02d}" if self.precision == "day" else ""
            month = f"{self.date.month:02d}" if self.precision in ("day", "month") else ""
            lines.append(("DA", f"{self.date.year}/{month}/{day}/"))
        if self.publisher:
            lines.append(("PB", self.publisher))
        if self.url:
            lines.append(("UR", self.url))
        lines.append(("ER", ""))
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def _joined(names: tuple[str, ...]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _bib(text: str) -> str:
    """Text with BibTeX's special characters escaped."""
    return BIBTEX_SPECIAL.sub(r"\\\1", " ".join(text.split()))
