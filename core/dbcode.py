"""Install SQL that lives in the database (trigger functions, triggers) and keep it current.

An app describes its SQL as a list of idempotent statements (``DROP … IF EXISTS`` then ``CREATE``)
and the triggers they create. ``ensure`` runs them when their digest differs from the one recorded
in ``core.InstalledCode``, or when a trigger is missing (SQLite drops a table's triggers when a
migration rebuilds the table), and says so, so that the app can bring derived data up to date."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.db import connection as default_connection
from django.db import transaction


def digest(statements: Sequence[str]) -> str:
    return hashlib.sha256("\n;\n".join(statements).encode()).hexdigest()


def triggers_present(connection, names: Sequence[str]) -> bool:
    if not names:
        return True
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(DISTINCT tgname) FROM pg_trigger WHERE NOT tgisinternal AND tgname = ANY(%s)",
                [list(names)],
            )
        else:
            marks = ", ".join(["%s"] * len(names))
            cursor.execute(f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", names)
        return cursor.fetchone()[0] == len(set(names))


def ensure(name: str, statements: Sequence[str], *, triggers: Sequence[str] = (), connection=None) -> bool:
    """Install ``statements`` under ``name`` unless that exact code is installed and its triggers exist.
    Returns True when it (re)installed them."""
    from .models import InstalledCode

    connection = connection or default_connection
    wanted = digest(statements)
    using = connection.alias
    installed = InstalledCode.objects.using(using).filter(name=name).values_list("digest", flat=True).first()
    if installed == wanted and triggers_present(connection, triggers):
        return False
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks of the enclosing transaction would forbid CREATE INDEX.
            connection.check_constraints()
        for statement in statements:
            cursor.execute(statement)
        InstalledCode.objects.using(using).update_or_create(name=name, defaults={"digest": wanted})
    return True


def forget(name: str, connection=None) -> None:
    """Make the next ``ensure`` reinstall ``name`` (tests that drop triggers use it)."""
    from .models import InstalledCode

    connection = connection or default_connection
    InstalledCode.objects.using(connection.alias).filter(name=name).delete()
