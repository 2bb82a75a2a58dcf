"""A ``values()`` read whose only variable is a list of ids, compiled to SQL once per process.

Building a queryset and compiling it cost more CPU than the database spends running it: for the
public's page of the cases API, about 1.5 ms a read against 0.3-0.7 ms of execution (measured in
docs/performance.md). Where the SQL is the same for every request but the ids, it is compiled
once, with the ids as one array parameter (``= ANY(%s)``, so that the text does not depend on
their number), and then only executed. Rows come back as ``values()`` gives them: dicts with its
names, through the same converters. Where the database is not PostgreSQL (SQLite, which has no
arrays) the queryset is built and run each time, as it would be without this."""

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

    def rows(self, ids: Sequence[int]) -> list[dict]:
        alias = router.db_for_read(self._model)
        connection = connections[alias]
        if connection.vendor != "postgresql":
            return list(self._build(Q(**{f"{self._field.attname}__in": list(ids)})).using(alias))
        compiled = self._compiled.get(alias)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.setdefault(alias, self._compile(alias))
        sql, params, position, names, converters = compiled
        params = [*params]
        params[position] = list(ids)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        if converters:
            found = [self._converted(row, converters, connection) for row in found]
        return [dict(zip(names, row, strict=True)) for row in found]

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
