"""A section that holds one type of entry, and that entry type, as the admin offers them."""

import pytest

from drmonitor.advocacy.models import StatementPage, StatementsPage
from drmonitor.library.models import (
    FrameworkLibraryPage,
    FrameworkPage,
    LawLibraryPage,
    LawPage,
    ResearchLibraryPage,
    ResearchPage,
)
from drmonitor.media.models import EpisodePage, InfographicPage, InfographicsPage, SeriesPage
from drmonitor.trends.models import TrendPage, TrendsMonitorPage

PAIRS = [
    (SeriesPage, EpisodePage),
    (InfographicsPage, InfographicPage),
    (TrendsMonitorPage, TrendPage),
    (StatementsPage, StatementPage),
    (LawLibraryPage, LawPage),
    (FrameworkLibraryPage, FrameworkPage),
    (ResearchLibraryPage, ResearchPage),
]


@pytest.mark.parametrize(("section", "entry"), PAIRS, ids=lambda model: model.__name__)
def test_the_section_offers_only_its_entry_type_which_lives_nowhere_else(section, entry):
    assert section.allowed_subpage_models() == [entry]
    assert entry.allowed_parent_page_models() == [section]
