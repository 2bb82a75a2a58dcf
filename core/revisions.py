"""The revision counter (``core.models.Revision``): a number that changes exactly when a write
to the data behind cached responses commits.

On PostgreSQL, statement-level triggers append one row per write statement (appending never waits
for another writer) and merge the rows when nobody else is merging. A committed set of writes only
grows, so the sum of the committed rows names it exactly: read the revision *before* the data and
a response cached under it is never older than the revision says. Without the triggers (SQLite,
the embedded development database) there is no revision and nothing is cached."""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection, connections, router

T = TypeVar("T")
MISSING = object()
UNREAD = object()  # the cache was not read yet
# Entries of older revisions are never read again; they expire (or the cache evicts them).
TIMEOUT = 3600

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


def current() -> str | None:
    """The revision, or None where nothing may be cached: revisions not kept, or inside a
    transaction (what it sees may be rolled back, and its number then reused).

    The sum of the committed rows names the committed writes; the highest row id tells a counter
    that was emptied (a restored or flushed database) from the one before."""
    if not enabled() or connection.in_atomic_block:
        return None
    # From the database the request reads its data from (a replica on public pages): a replica's
    # revision names exactly what that replica holds, however far behind the primary it is.
    from core.models import Revision

    source = connections[router.db_for_read(Revision)]
    if source.in_atomic_block:
        return None
    total, highest = _read(source)
    return f"{source.settings_dict['NAME']}:{total}.{highest}"


READ = f"SELECT COALESCE(SUM(n), 0), COALESCE(MAX(id), 0) FROM {TABLE}"
# Named after the table, so that a query log (or a test) reading "core_revision" still finds it.
STATEMENT = f"{TABLE}_read"


def _read(source) -> tuple[int, int]:
    """The counter's sum and highest row id, by a statement prepared once per connection: every
    cached answer reads the revision first, and parsing and planning this little query cost
    PostgreSQL more than running it (0.08 ms against 0.05 ms at 1M cases). The PREPARE is the
    connection's setup (like the session settings Django sends on connecting, not counted among
    the request's queries); a connection that lost its statement prepares it again."""
    from django.db import ProgrammingError

    source.ensure_connection()
    for attempt in range(2):
        raw = source.connection
        if getattr(source, "_revision_statement_on", None) is not raw:
            try:
                # Django's error wrapper: a connection lost here is retried as any other query's.
                with source.wrap_database_errors:
                    raw.execute(f"PREPARE {STATEMENT} AS {READ}")
            except ProgrammingError as error:
                if getattr(error.__cause__, "sqlstate", None) != "42P05":  # 42P05: prepared already
                    raise
            source._revision_statement_on = raw
        try:
            with source.cursor() as cursor:
                cursor.execute(f"EXECUTE {STATEMENT}")
                return cursor.fetchone()
        except ProgrammingError as error:
            # 26000: no such prepared statement (DISCARD ALL, or a pooler's other connection).
            if attempt or getattr(error.__cause__, "sqlstate", None) != "26000":
                raise
            source._revision_statement_on = None
    raise AssertionError("unreachable")


def first_key(request, revision: str, name: str, parts) -> str:
    """The key ``cached_json`` reads first for this request: the gzipped bytes for clients that
    accept gzip, else the plain ones."""
    return key(revision, name + ":gz" if _accepts_gzip(request) else name, parts)


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def cached_json(request, revision: str | None, name: str, parts, render: Callable[[], bytes], *, first=UNREAD):
    """A JSON response whose bytes are cached under ``revision``; for clients that accept gzip, the
    gzipped bytes too, so that a repeated request is neither rendered nor compressed again (the
    middleware leaves an encoded response alone; these responses hold no secret, so BREACH does
    not apply). ``first``: what the cache held under ``first_key``, when the caller read it
    already (``core.api.CachedJSONMixin`` reads it with the throttle's count)."""
    from django.http import HttpResponse
    from django.utils.cache import patch_vary_headers

    if _accepts_gzip(request):
        # The gzipped bytes are looked up first: a repeated request is one cache read, not two.
        # Short bodies are not worth compressing and are cached as they are.
        def packed() -> tuple[bool, bytes]:
            body = remember(revision, name, parts, render)
            return (True, gzip.compress(body, compresslevel=6, mtime=0)) if len(body) > 200 else (False, body)

        compressed, content = remember(revision, name + ":gz", parts, packed, cached=first)
        response = HttpResponse(content, content_type="application/json")
        if compressed:
            response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(remember(revision, name, parts, render, cached=first), content_type="application/json")
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def key(revision: str, name: str, parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"revision:{revision}:{name}:{digest}"


def remember(revision: str | None, name: str, parts, compute: Callable[[], T], *, cached=UNREAD) -> T:
    """``compute()``, cached under ``revision`` (read before the data ``compute`` reads), ``name``
    and ``parts``; computed every time when there is no revision. ``cached``: what the cache held
    under that key, when the caller read it already (MISSING: nothing)."""
    if revision is None:
        return compute()
    entry = key(revision, name, parts)
    # An entry never changes under its revision: the Redis cache keeps a copy in the process.
    get, put = (cache.get_lasting, cache.set_lasting) if hasattr(cache, "get_lasting") else (cache.get, cache.set)
    value = get(entry, MISSING) if cached is UNREAD else cached
    if value is MISSING:
        value = compute()
        put(entry, value, TIMEOUT)
    return value
