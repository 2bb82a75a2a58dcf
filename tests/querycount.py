"""Query budgets: ``assert_database_query_count`` pins the EXACT number of queries a block runs
(modelled on zulip's helper of the same name). An exact number, not a maximum: a page that gets
cheaper should lower its budget too, so that the next N+1 cannot hide in the slack.

On a mismatch the failure message lists every query, numbered, so the new one is easy to spot.

Savepoints are left out by default: tests run inside a transaction, so every ``atomic`` block of
the code under test adds SAVEPOINT/RELEASE pairs that a request outside a test does not run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext

SAVEPOINT_PREFIXES = ("SAVEPOINT ", "RELEASE SAVEPOINT ", "ROLLBACK TO SAVEPOINT ")


class Queries(list):
    """The queries captured (their SQL), filled in when the block ends."""


def _is_savepoint(sql: str) -> bool:
    return sql.lstrip().upper().startswith(SAVEPOINT_PREFIXES)


@contextmanager
def capture_queries(*, include_savepoints: bool = False) -> Iterator[Queries]:
    """The SQL of every query run in the block, on the default database."""
    queries = Queries()
    with CaptureQueriesContext(connection) as captured:
        yield queries
    queries.extend(
        query["sql"] for query in captured.captured_queries if include_savepoints or not _is_savepoint(query["sql"])
    )


@contextmanager
def assert_database_query_count(count: int, *, include_savepoints: bool = False) -> Iterator[Queries]:
    """Fail unless the block runs exactly ``count`` queries, listing them when it does not."""
    with capture_queries(include_savepoints=include_savepoints) as queries:
        yield queries
    if len(queries) != count:
        listing = "\n".join(f"{number}: {sql}" for number, sql in enumerate(queries, start=1))
        message = f"expected {count} queries, ran {len(queries)}:\n{listing}"
        raise AssertionError(message)
