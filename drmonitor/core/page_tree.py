"""Where a page type may stand in the page tree, when a section and its entries go together.

Wagtail asks both sides of a placement: the parent's `subpage_types` and the child's
`parent_page_types`. A section that holds only one type of entry, which lives nowhere else (a
vodcast series and its episodes, the trends monitor and its trends), would state the pair
twice; `lives_only_in` states it once and sets both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wagtail.models import Page


def lives_only_in[Entry: type[Page]](section: type[Page]) -> Callable[[Entry], Entry]:
    """Class decorator for a page type that may be created only in `section`, which holds
    nothing else."""

    def place(entry: Entry) -> Entry:
        entry.parent_page_types = [section]
        section.subpage_types = [entry]
        return entry

    return place
