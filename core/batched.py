"""Several small reads in one statement: one round trip to the database instead of one per read.

A cold statistics request needs a handful of small reads besides the summary (the registry's
profile, the taxonomies, the follow-up and adoption counts): each is a few rows, and on a busy
server each round trip waits for a core. ``read_together`` sends them as one ``SELECT`` of scalar
subqueries, each result as a JSON array, and returns what ``values()`` would have returned.

For reads of numbers, booleans and text (what JSON carries exactly): a date or a decimal would come
back as a string or a float. Where the database is not PostgreSQL (SQLite, in the same process)
the reads run one after the other, as they would without this."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ValuesIterable


@dataclass(frozen=True)
class RawRead:
    """A hand-written ``SELECT`` of the columns ``names``, in that order."""

    sql: str
    params: Sequence
    names: Sequence[str]


Read = QuerySet | RawRead


def values_names(queryset: QuerySet) -> list[str]:
    """The names ``values()`` gives the columns of its query, in the SELECT's order."""
    query = queryset.query
    if query.selected:
        return list(query.selected)
    return [*query.extra_select, *query.values_select, *query.annotation_select]


def _compiled(read: Read, using: str) -> tuple[str, list, list[str]] | None:
    """The read's SQL, parameters and column names; None for a read that can match nothing (such as
    ``year__in=[]``), which Django answers without asking the database."""
    if isinstance(read, RawRead):
        return read.sql, list(read.params), list(read.names)
    if read._iterable_class is not ValuesIterable:
        raise TypeError("read_together takes values() querysets (rows as dicts) or RawRead")
    try:
        sql, params = read.query.get_compiler(using=using).as_sql()
    except EmptyResultSet:
        return None
    return sql, list(params), values_names(read)


def _evaluated(read: Read, using: str) -> list[dict]:
    if isinstance(read, QuerySet):
        return list(read.using(using))
    with connections[using].cursor() as cursor:
        cursor.execute(read.sql, list(read.params))
        return [dict(zip(read.names, row, strict=True)) for row in cursor.fetchall()]


def read_together(reads: Sequence[Read], *, using: str) -> list[list[dict]]:
    """The rows of each read, as dicts, in the order given; one query on PostgreSQL."""
    if not reads:
        return []
    if connections[using].vendor != "postgresql":
        return [_evaluated(read, using) for read in reads]
    compiled = [_compiled(read, using) for read in reads]
    parts, params = [], []
    for index, (sql, read_params, read_names) in enumerate(filter(None, compiled)):
        columns = ", ".join(f"c{position}" for position in range(len(read_names)))
        parts.append(f"(SELECT COALESCE(json_agg(r), '[]'::json)::text FROM ({sql}) AS r({columns})) AS read_{index}")
        params.extend(read_params)
    documents = iter(())
    if parts:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            documents = iter(cursor.fetchone())
    found = []
    for read in compiled:
        if read is None:
            found.append([])
            continue
        rows = json.loads(next(documents))
        found.append([{name: row[f"c{position}"] for position, name in enumerate(read[2])} for row in rows])
    return found
