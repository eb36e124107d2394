"""Queries by a list of ids whose SQL Django writes once per process, not once per request.

A teaser list asks three narrow questions of a few dozen ids (the articles, their pictures'
renditions, their bylines). The database answers each in a fraction of a millisecond; Django
takes longer than that to build and write the SQL. The SQL of such a query changes only with
the number of ids, so it is written once for each size (rounded up to a power of two, the
spare places repeating an id) and run with the ids of the moment: what it answers is read
fresh every time, only the text of the question is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.db import connections
from django.db.models import QuerySet

SMALLEST = 8
# Ids no row has, written into the SQL where the real ids go; found again among its params.
_MARK_BASE = -1_000_000_007


class WrittenOnce:
    """A `values_list` query of the ids given to `build`, written by Django once per size."""

    def __init__(self, build: Callable[[list[int]], QuerySet]) -> None:
        self.build = build
        self.written: dict[int, tuple] = {}

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        """The query's rows for these ids, converted as Django converts them."""
        ids = list(ids)
        if not ids:
            return []
        size = max(SMALLEST, 1 << (len(ids) - 1).bit_length())
        if size not in self.written:
            self.written[size] = self._write(size)
        compiler, sql, params, places = self.written[size]
        params = list(params)
        for place, pk in zip(places, ids + [ids[0]] * (size - len(ids)), strict=True):
            params[place] = pk
        with connections[compiler.using].cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        return list(compiler.results_iter(results=[found], tuple_expected=True))

    def _write(self, size: int) -> tuple:
        marks = [_MARK_BASE - n for n in range(size)]
        queryset = self.build(marks)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        params = list(params)
        if any(params.count(mark) != 1 for mark in marks):
            raise RuntimeError("a query written once no longer takes its ids as plain params")
        return compiler, sql, tuple(params), [params.index(mark) for mark in marks]
