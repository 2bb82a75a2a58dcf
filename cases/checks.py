"""``manage.py check --database default`` (and ``migrate``) warn when PostgreSQL lacks the search
extensions: the search still works, more slowly (``cases.search``)."""

from __future__ import annotations

from django.core.checks import Tags, Warning, register
from django.db import connections

from .derived import extensions


@register(Tags.database)
def search_extensions(app_configs=None, databases=None, **kwargs):
    found = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        available = extensions(connection)
        if "pg_trgm" not in available:
            found.append(
                Warning(
                    "The pg_trgm extension is not installed: text search reads every case to match words "
                    "inside titles, summaries and names.",
                    hint="As a superuser: CREATE EXTENSION pg_trgm; then run migrate (it builds the index).",
                    id="cases.W001",
                )
            )
        if "unaccent" not in available:
            found.append(
                Warning(
                    "The unaccent extension is not installed: a search for 'cafe' does not find 'café'.",
                    hint="As a superuser: CREATE EXTENSION unaccent; then run migrate (it recomputes the search).",
                    id="cases.W002",
                )
            )
    return found
