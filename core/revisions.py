"""The revision counter (``core.models.Revision``): a number that changes exactly when a write
to the data behind cached responses commits.

On PostgreSQL, statement-level triggers append one row per write statement (appending never waits
for another writer) and merge the rows when nobody else is merging. A committed set of writes only
grows, so the sum of the committed rows names it exactly: read the revision *before* the data and
a response cached under it is never older than the revision says. Without the triggers (SQLite,
the embedded development database) there is no revision and nothing is cached."""

from __future__ import annotations

from django.db import connection

TABLE = "core_revision"
# Key of the advisory lock that lets one transaction at a time merge the counter's rows.
MERGE_LOCK = 7_301_001


def bump_sql() -> str:
    """The body of a trigger function that counts one change and merges rows when it can."""
    return f"""
    INSERT INTO {TABLE} (n) VALUES (1);
    IF pg_try_advisory_xact_lock({MERGE_LOCK}) THEN
        WITH merged AS (DELETE FROM {TABLE} RETURNING n)
        INSERT INTO {TABLE} (n) SELECT sum(n) FROM merged HAVING count(*) > 0;
    END IF;
    """


def enabled() -> bool:
    return connection.vendor == "postgresql"


def current() -> int | None:
    """The revision, or None where revisions are not kept (then nothing may be cached)."""
    if not enabled():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(SUM(n), 0) FROM {TABLE}")
        return int(cursor.fetchone()[0])
