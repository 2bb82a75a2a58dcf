"""A ``values()`` read whose only variable is a list of ids, compiled to SQL once per process.

Building a queryset and compiling it cost more CPU than the database spends running it: for the
public's page of the cases API, about 1.5 ms a read against 0.3-0.7 ms of execution (measured in
docs/performance.md). Where the SQL is the same for every request but the ids, it is compiled
once, with the ids as one array parameter (``= ANY(%s)``, so that the text does not depend on
their number), and then only executed. Rows come back as ``values()`` gives them: dicts with its
names, through the same converters. ``rows_together`` sends several such reads in one round trip:
the statements go as one message (psycopg's client-side cursor, PostgreSQL's simple protocol, so
they also read one snapshot) and their results are read one after the other. Where the database
is not PostgreSQL (SQLite, which has no arrays) each queryset is built and run each time, as it
would be without this."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from django.db import connections, router
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from .batched import values_names


class IdsRead:
    """``build(where)`` is the read, a ``values()`` queryset filtered by ``where``; ``column`` the
    model's field the ids are matched against (``"case"`` for a foreign key, ``"id"``)."""

    def __init__(self, model, column: str, build: Callable[[Q | RawSQL], QuerySet]) -> None:
        self._model = model
        self._field = model._meta.get_field(column)
        self._build = build
        self._compiled: dict[str, tuple[str, list, int, list[str], list]] = {}
        self._lock = threading.Lock()  # gthread workers share a process

    @property
    def alias(self) -> str:
        return router.db_for_read(self._model)

    def rows(self, ids: Sequence[int]) -> list[dict]:
        return rows_together([(self, ids)])[0]

    def statement(self, ids: Sequence[int]) -> tuple[str, list]:
        """The SQL and parameters of the read of ``ids`` (PostgreSQL)."""
        sql, params, position, _names, _converters = self._compiled_for(self.alias)
        params = [*params]
        params[position] = list(ids)
        return sql, params

    def queryset(self, ids: Sequence[int]) -> QuerySet:
        """The read of ``ids`` as a queryset (built anew: any database)."""
        return self._build(Q(**{f"{self._field.attname}__in": list(ids)})).using(self.alias)

    def values(self, found: list[tuple], connection) -> list[dict]:
        """The rows the statement returned, as ``values()`` gives them."""
        _sql, _params, _position, names, converters = self._compiled_for(connection.alias)
        if converters:
            found = [self._converted(row, converters, connection) for row in found]
        return [dict(zip(names, row, strict=True)) for row in found]

    def _compiled_for(self, alias: str):
        compiled = self._compiled.get(alias)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.setdefault(alias, self._compile(alias))
        return compiled

    def _compile(self, alias: str):
        connection = connections[alias]
        marker: list[int] = []  # found again among the parameters by identity
        quote = connection.ops.quote_name
        column = f"{quote(self._model._meta.db_table)}.{quote(self._field.column)}"  # names from the model
        where = RawSQL(f"{column} = ANY(%s)", (marker,), output_field=BooleanField())  # noqa: S611 (no input in it)
        queryset = self._build(where).using(alias)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        position = next(index for index, param in enumerate(params) if param is marker)
        fields = [selected[0] for selected in compiler.select[: compiler.col_count]]
        converters = [(index, pair) for index, pair in compiler.get_converters(fields).items()]
        return sql, list(params), position, values_names(queryset), converters

    @staticmethod
    def _converted(row: tuple, converters, connection) -> tuple:
        values = list(row)
        for index, (functions, expression) in converters:
            for function in functions:
                values[index] = function(values[index], expression, connection)
        return tuple(values)


def rows_together(reads: Sequence[tuple[IdsRead, Sequence[int]]]) -> list[list[dict]]:
    """The rows of each (read, ids), in the order given: one round trip on PostgreSQL (every read
    from the same database), one read after another elsewhere."""
    if not reads:
        return []
    (alias,) = {read.alias for read, _ids in reads}
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return [list(read.queryset(ids)) for read, ids in reads]
    statements = [read.statement(ids) for read, ids in reads]
    # Several statements in one message need client-side binding (Django's default for psycopg).
    together = not connection.settings_dict.get("OPTIONS", {}).get("server_side_binding")
    batches = [statements] if together else [[statement] for statement in statements]
    results = []
    with connection.cursor() as cursor:
        for batch in batches:
            cursor.execute(
                "; ".join(sql for sql, _params in batch), [value for _sql, params in batch for value in params]
            )
            for index in range(len(batch)):
                if index:
                    cursor.nextset()
                results.append(cursor.fetchall())
    return [read.values(rows, connection) for (read, _ids), rows in zip(reads, results, strict=True)]
