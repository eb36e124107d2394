"""The invalidation ledger: every process learns, in order, which keys went stale."""

from __future__ import annotations

import os

import pytest
from django.core.cache import caches

from drmonitor.core.caching import ledger as ledgers
from drmonitor.core.caching.ledger import CacheLedger, FileLedger, LedgerView


def test_a_file_ledger_gives_each_reader_what_was_appended_since_it_last_read(tmp_path):
    writer, reader = FileLedger(tmp_path / "ledger"), FileLedger(tmp_path / "ledger")
    assert reader.end() == 0
    view = LedgerView(reader)
    start = view.refresh()
    first = writer.append(frozenset({"page:1", "menu"}))
    second = writer.append(frozenset({"page:2"}))
    assert start < first < second
    assert view.refresh() == second
    assert view.changed_at == {"page:1": first, "menu": first, "page:2": second}
    assert view.fresh(frozenset({"page:1"}), built_at=first)
    assert not view.fresh(frozenset({"page:1"}), built_at=first - 1)
    assert view.fresh(frozenset({"page:3"}), built_at=start)
    assert view.refresh() == second  # nothing new: one stat, same answer


def test_a_line_still_being_written_is_read_only_once_it_is_whole(tmp_path):
    ledger = FileLedger(tmp_path / "ledger")
    view = LedgerView(ledger)
    view.refresh()
    whole = ledger.append(frozenset({"page:1"}))
    with open(tmp_path / "ledger", "ab") as handle:
        handle.write(b"page:2 pa")  # a writer halfway through its line
    assert view.refresh() == whole and "page:2" not in view.changed_at
    assert LedgerView(FileLedger(tmp_path / "ledger")).refresh() == whole  # a new process too
    with open(tmp_path / "ledger", "ab") as handle:
        handle.write(b"ge:3\n")
    view.refresh()
    assert {"page:2", "page:3"} <= set(view.changed_at)


def test_a_full_file_begins_afresh_and_readers_distrust_what_they_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(ledgers, "MAX_FILE_BYTES", 200)
    writer = FileLedger(tmp_path / "ledger")
    caught_up, behind = (
        LedgerView(FileLedger(tmp_path / "ledger")),
        LedgerView(FileLedger(tmp_path / "ledger")),
    )
    caught_up.refresh(), behind.refresh()
    positions = [writer.append(frozenset({f"page:{n}"})) for n in range(30)]
    assert positions == sorted(positions)  # positions keep growing across files
    assert os.path.getsize(tmp_path / "ledger") < 400
    caught_up.refresh()
    # Everything before the new file is unknown to a reader that was not there to read it.
    assert caught_up.trusted_from > positions[0]
    assert not caught_up.fresh(frozenset({"page:999"}), built_at=positions[0])
    assert caught_up.fresh(frozenset({"page:999"}), built_at=positions[-1])
    assert caught_up.changed_at["page:29"] == positions[-1]


def test_the_shared_cache_ledger_waits_for_an_entry_being_written_then_gives_up(monkeypatch):
    cache = caches["default"]
    cache.clear()
    writer, view = CacheLedger(), LedgerView(CacheLedger())
    writer.append(frozenset({"page:0"}))
    view.refresh()
    first = writer.append(frozenset({"page:1"}))
    cache.incr(CacheLedger.COUNTER)  # counted by a writer that has not written its keys yet
    third = writer.append(frozenset({"page:3"}))
    assert view.refresh() == first  # stops short of the gap, as if it had started earlier
    assert "page:3" not in view.changed_at
    monkeypatch.setattr(ledgers, "LOST_ENTRY_SECONDS", 0)
    assert view.refresh() == third
    # The entry was lost: nothing kept before now can be trusted.
    assert view.trusted_from == third
    assert not view.fresh(frozenset({"page:9"}), built_at=first)


@pytest.mark.parametrize("backend", ["file", "cache"])
def test_a_process_starting_up_needs_no_history(tmp_path, backend):
    make = (lambda: FileLedger(tmp_path / "ledger")) if backend == "file" else CacheLedger
    if backend == "cache":
        caches["default"].clear()
    make().append(frozenset({"page:1"}))
    late = LedgerView(make())
    end = late.refresh()
    assert late.changed_at == {} and late.trusted_from == end
    assert late.fresh(frozenset({"page:1"}), built_at=end)


def test_a_shared_cache_that_lost_everything_still_makes_later_writes_stale():
    """Redis restarted without its data: the counter is gone, but the next write must still
    be seen by every process as newer than anything it kept."""
    cache = caches["default"]
    cache.clear()
    writer, view = CacheLedger(), LedgerView(CacheLedger())
    for number in range(3):
        writer.append(frozenset({f"page:{number}"}))
    before_restart = view.refresh()
    cache.clear()  # the restart
    assert view.refresh() == before_restart  # nothing written since: what was kept holds
    after = writer.append(frozenset({"page:1"}))
    assert after > before_restart
    view.refresh()
    assert not view.fresh(frozenset({"page:1"}), built_at=before_restart)
    # The entries in between are not there to read: everything kept before is distrusted.
    assert not view.fresh(frozenset({"page:9"}), built_at=before_restart)
    assert view.fresh(frozenset({"page:9"}), built_at=after)
