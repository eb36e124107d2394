"""Results of several kinds of record, one after another, paginated as one list."""

from __future__ import annotations

import pytest
from django.core.paginator import Paginator

from drmonitor.newsroom.search import ChainedResults, Hit


class Records:
    """Lazy results as the search backends give them: countable, sliceable, counted once."""

    def __init__(self, titles: list[str]):
        self.titles = titles
        self.counted = 0

    def count(self) -> int:
        self.counted += 1
        return len(self.titles)

    def __getitem__(self, key):
        return self.titles[key]


class Kind:
    def __init__(self, name: str):
        self.name = name

    def hits(self, records, request):
        return [Hit(title=title, url=f"/{self.name}/{title}/", kind=self.name) for title in records]


def chain(*sizes: int) -> ChainedResults:
    parts = []
    for number, size in enumerate(sizes):
        name = f"kind{number}"
        parts.append((Kind(name), Records([f"{name}-{n}" for n in range(size)])))
    return ChainedResults(parts, request=None)


@pytest.mark.parametrize("sizes", [(7, 5), (0, 4), (4, 0), (3, 3, 3), (10,), (0, 0)])
@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 10])
def test_every_record_appears_once_in_order_across_pages(sizes, per_page):
    expected = [f"kind{k}-{n}" for k, size in enumerate(sizes) for n in range(size)]
    paginator = Paginator(chain(*sizes), per_page)
    assert paginator.count == len(expected)
    seen = []
    for number in paginator.page_range:
        seen += [hit.title for hit in paginator.page(number).object_list]
    assert seen == expected


def test_the_first_page_does_not_count_anything():
    results = chain(8, 8)
    assert [hit.title for hit in results[:6]] == [f"kind0-{n}" for n in range(6)]
    assert all(records.counted == 0 for _kind, records in results.parts)


def test_a_page_spanning_two_kinds_and_single_items():
    results = chain(3, 4)
    assert [hit.title for hit in results[2:5]] == ["kind0-2", "kind1-0", "kind1-1"]
    assert results[3].title == "kind1-0"
    assert results[3].url == "/kind1/kind1-0/"
    with pytest.raises(IndexError):
        results[7]
