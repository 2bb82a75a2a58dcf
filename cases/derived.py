"""Columns of a case that the database derives from the case, its cycle and its government, and
keeps current with triggers — on every insert and update, from the ORM, the admin, bulk paths or
plain SQL alike (DESIGN.md §9, performance):

- ``cycle_year``, ``region_code`` (the upper-level government the case's government is in, or
  itself), ``is_public`` (awarded in a published cycle), so that filters need no join;
- ``sort_key``: the list's order (newest cycle first, then government code, then id) as one
  byte-ordered string, so that one index serves both a page and the next page after a cursor;
- on PostgreSQL, ``uses_jargon`` (a term of the active glossary in the texts, matched as
  ``cases.jargon`` matches them; when the glossary changes, recomputed for the cases whose texts
  hold a spelling it gained or lost);
- on PostgreSQL, ``search_vector`` (full text, both languages, weighted as ``cases.search`` says) and
  ``search_document`` (lower-cased, unaccented text for the trigram index).

``install`` runs after every ``migrate`` (``cases.apps``) and recomputes every case when the SQL
changed or a trigger went missing (SQLite drops them when a migration rebuilds the table)."""

from __future__ import annotations

from django.db import connection as default_connection

from core import dbcode

from .jargon import TEXT_FIELDS as JARGON_FIELDS
from .jargon import WORD
from .search import CASE_TEXT_FIELDS, GOVERNMENT_TEXT, GOVERNMENT_WEIGHT, SUBSTRING_FIELDS

NAME = "cases.derived"
CASES = "cases_innovationcase"
CYCLES = "cases_awardcycle"
GOVERNMENTS = "governments_localgovernment"
GLOSSARY = "cases_jargonterm"
# Years fit a smallint; counting down from its maximum puts the newest cycle first.
YEAR_TOP = 32767
SORT_KEY_WIDTHS = (5, 10, 19)  # year part, government code, id


def sort_key_prefix(year: int) -> str:
    """The start of the sort key of every case of ``year`` (cases of later years sort before it)."""
    return f"{YEAR_TOP - year:0{SORT_KEY_WIDTHS[0]}d}"


def extensions(connection) -> set[str]:
    if connection.vendor != "postgresql":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent')")
        return {row[0] for row in cursor.fetchall()}


# What Python's str.strip() and str.splitlines() take for white space and line breaks (JargonTerm.spellings).
PYTHON_SPACES = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
PYTHON_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _escaped(characters: str) -> str:
    """``characters`` as the inside of a PostgreSQL E'' string."""
    return "".join(f"\\u{ord(character):04x}" for character in characters)


def uses_jargon_sql(alias: str, pattern: str = "(SELECT cases_jargon_pattern())") -> str:
    """Whether the texts of the case row ``alias`` use a term of the glossary (PostgreSQL)."""
    # Joined by a newline, a non-word character: no spelling spans two texts (none has one).
    texts = "concat_ws(E'\\n', " + ", ".join(f"{alias}.{field}" for field in JARGON_FIELDS) + ")"
    return f"COALESCE({texts} ~* {pattern}, false)"


# The cases whose flag differs from what the glossary says now (none, while the triggers are installed).
STALE_JARGON = f"SELECT id FROM {CASES} c WHERE c.uses_jargon IS DISTINCT FROM {uses_jargon_sql('c')}"


def _postgresql(available: set[str]) -> tuple[list[str], list[str]]:
    fold = "unaccent" if "unaccent" in available else ""

    def folded(expression: str) -> str:
        return f"{fold}({expression})" if fold else expression

    case_fields = [field for field, _weight in CASE_TEXT_FIELDS]
    weights: dict[str, list[str]] = {}
    for field, weight in CASE_TEXT_FIELDS:
        weights.setdefault(weight, []).append(f"NEW.{field}")
    weights.setdefault(GOVERNMENT_WEIGHT, []).extend(f"g.{alias}" for alias, _path in GOVERNMENT_TEXT)
    pieces = []
    for weight, parts in sorted(weights.items()):
        text = folded("concat_ws(' ', " + ", ".join(parts) + ")")
        pieces.append(f"setweight(to_tsvector('simple', {text}), '{weight}')")
    vector = " || ".join(pieces)
    document_parts = [*(f"NEW.{field}" for field in SUBSTRING_FIELDS), *(f"g.{alias}" for alias, _p in GOVERNMENT_TEXT)]
    document = "lower(" + folded("concat_ws(E'\\n', " + ", ".join(document_parts) + ")") + ")"
    changed = " OR ".join(
        [
            *(f"NEW.{field} IS DISTINCT FROM OLD.{field}" for field in [*case_fields, "government_id"]),
            "NEW.search_vector IS DISTINCT FROM OLD.search_vector",
            "NEW.search_document IS DISTINCT FROM OLD.search_document",
        ]
    )
    year_width, code_width, id_width = SORT_KEY_WIDTHS

    jargon_changed = " OR ".join(f"NEW.{field} IS DISTINCT FROM OLD.{field}" for field in JARGON_FIELDS)

    def spellings(rows: str) -> str:
        """The active spellings of the glossary rows ``rows``."""
        return (
            f"SELECT s FROM {rows} t, LATERAL cases_jargon_spellings(t.name, t.name_local, t.variants) s "
            "WHERE t.is_active"
        )

    # The glossary's pattern as cases.jargon.Glossary.sql_pattern builds it (every active spelling,
    # stripped, a whole word in English), with what is not a letter or digit escaped; NULL: empty.
    pattern_functions = [
        r"""
CREATE OR REPLACE FUNCTION cases_jargon_spellings(name text, name_local text, variants text)
RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
SELECT spelling FROM (SELECT btrim(part, E'SPACES') AS spelling
                        FROM unnest(ARRAY[name, name_local] || regexp_split_to_array(variants, E'LINES')) part) p
 WHERE spelling <> ''
$$;
""".replace("SPACES", _escaped(PYTHON_SPACES)).replace("LINES", r"\r\n|[" + _escaped(PYTHON_LINE_BREAKS) + "]"),
        r"""
CREATE OR REPLACE FUNCTION cases_jargon_pattern_of(spellings text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT '(^|[^WORD])(' || string_agg(regexp_replace(spelling, '([^[:alnum:]_ ])', '\\\1', 'g'), '|')
       || ')($|[^WORD])'
  FROM unnest(spellings) spelling
$$;
""".replace("WORD", WORD),
        f"""
CREATE OR REPLACE FUNCTION cases_jargon_pattern() RETURNS text LANGUAGE sql STABLE AS $$
SELECT cases_jargon_pattern_of(ARRAY({spellings(GLOSSARY)}))
$$;
""",
    ]

    def glossary_function(name: str, changed: str) -> str:
        # A case's flag can only change where its texts hold a spelling that the statement's rows
        # gained or lost: those cases are matched against the whole glossary, the others are not
        # read again (a whole-glossary match of every case took 29 s at 1M cases).
        return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed text := cases_jargon_pattern_of(ARRAY({changed}));
    pattern text;
BEGIN
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    pattern := cases_jargon_pattern();
    -- Only the cases whose answer changes are written (the case trigger recomputes the flag then).
    UPDATE {CASES} c SET uses_jargon = NOT c.uses_jargon
     WHERE CASE WHEN {uses_jargon_sql("c", "changed")}
                THEN c.uses_jargon IS DISTINCT FROM {uses_jargon_sql("c", "pattern")} ELSE false END;
    RETURN NULL;
END $$;
"""

    new, old = spellings("new_rows"), spellings("old_rows")
    gained_or_lost = f"({new} EXCEPT {old}) UNION ({old} EXCEPT {new})"
    glossary_functions = [
        glossary_function("cases_glossary_insert_derive", new),
        glossary_function("cases_glossary_update_derive", gained_or_lost),
        glossary_function("cases_glossary_delete_derive", old),
        f"""
CREATE OR REPLACE FUNCTION cases_glossary_truncate_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {CASES} c SET uses_jargon = false WHERE c.uses_jargon;
    RETURN NULL;
END $$;
""",
    ]
    glossary_triggers = [
        f"DROP TRIGGER IF EXISTS cases_glossary_derive ON {GLOSSARY}",
        # The one trigger of before, for every event at once (it could not see the rows changed).
        "DROP FUNCTION IF EXISTS cases_glossary_derive()",
    ]
    for event, referencing in (
        ("insert", "REFERENCING NEW TABLE AS new_rows"),
        ("update", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("delete", "REFERENCING OLD TABLE AS old_rows"),
        ("truncate", ""),
    ):
        glossary_triggers += [
            f"DROP TRIGGER IF EXISTS cases_glossary_{event}_derive ON {GLOSSARY}",
            f"CREATE TRIGGER cases_glossary_{event}_derive AFTER {event.upper()} ON {GLOSSARY} {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION cases_glossary_{event}_derive()",
        ]
    function = f"""
CREATE OR REPLACE FUNCTION cases_case_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c record;
    g record;
    refresh boolean;
    rejargon boolean;
BEGIN
    SELECT year, state INTO c FROM {CYCLES} WHERE id = NEW.cycle_id;
    SELECT gov.code, gov.name, gov.name_local, COALESCE(parent.code, gov.code) AS region_code,
           COALESCE(parent.name, '') AS parent_name, COALESCE(parent.name_local, '') AS parent_name_local
      INTO g
      FROM {GOVERNMENTS} gov LEFT JOIN {GOVERNMENTS} parent ON parent.id = gov.parent_id
     WHERE gov.id = NEW.government_id;
    NEW.cycle_year := c.year;
    NEW.region_code := g.region_code;
    NEW.is_public := NEW.state = 'awarded' AND c.state = 'published';
    NEW.sort_key := lpad(({YEAR_TOP} - c.year)::text, {year_width}, '0') || rpad(g.code, {code_width}, ' ')
                    || lpad(NEW.id::text, {id_width}, '0');
    IF TG_OP = 'INSERT' THEN
        refresh := true;
        rejargon := true;
    ELSE
        refresh := NEW.search_vector IS NULL OR {changed};
        -- Also when a write set the flag itself (a stale copy saved, or the glossary trigger).
        rejargon := NEW.uses_jargon IS DISTINCT FROM OLD.uses_jargon OR {jargon_changed};
    END IF;
    IF refresh THEN
        NEW.search_document := {document};
        NEW.search_vector := {vector};
    END IF;
    IF refresh OR rejargon THEN
        NEW.uses_jargon := {uses_jargon_sql("NEW", "cases_jargon_pattern()")};
    END IF;
    RETURN NEW;
END $$;
"""
    cycle_function = f"""
CREATE OR REPLACE FUNCTION cases_cycle_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {CASES} SET cycle_year = NEW.year WHERE cycle_id = NEW.id;
    RETURN NULL;
END $$;
"""
    government_function = f"""
CREATE OR REPLACE FUNCTION cases_government_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {CASES} SET search_vector = NULL
     WHERE government_id = NEW.id OR government_id IN (SELECT id FROM {GOVERNMENTS} WHERE parent_id = NEW.id);
    RETURN NULL;
END $$;
"""
    statements = [
        *pattern_functions,
        *glossary_functions,
        function,
        cycle_function,
        government_function,
        f"DROP TRIGGER IF EXISTS cases_case_derive ON {CASES}",
        f"CREATE TRIGGER cases_case_derive BEFORE INSERT OR UPDATE ON {CASES} "
        "FOR EACH ROW EXECUTE FUNCTION cases_case_derive()",
        f"DROP TRIGGER IF EXISTS cases_cycle_derive ON {CYCLES}",
        f"CREATE TRIGGER cases_cycle_derive AFTER UPDATE ON {CYCLES} FOR EACH ROW "
        "WHEN (OLD.year IS DISTINCT FROM NEW.year OR OLD.state IS DISTINCT FROM NEW.state) "
        "EXECUTE FUNCTION cases_cycle_derive()",
        f"DROP TRIGGER IF EXISTS cases_government_derive ON {GOVERNMENTS}",
        f"CREATE TRIGGER cases_government_derive AFTER UPDATE ON {GOVERNMENTS} FOR EACH ROW "
        "WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.name IS DISTINCT FROM NEW.name "
        "OR OLD.name_local IS DISTINCT FROM NEW.name_local OR OLD.parent_id IS DISTINCT FROM NEW.parent_id) "
        "EXECUTE FUNCTION cases_government_derive()",
        *glossary_triggers,
    ]
    glossary = [f"cases_glossary_{event}_derive" for event in ("insert", "update", "delete", "truncate")]
    return statements, ["cases_case_derive", "cases_cycle_derive", "cases_government_derive", *glossary]


SEARCH_INDEXES = ("case_public_search_vector_idx", "case_public_search_trgm_idx")
SEARCH_INDEXES_NAME = "cases.search_indexes"


def search_indexes(available: set[str]) -> list[str]:
    """Full-text index always (built in); trigram index where pg_trgm is installed (cases.checks
    warns otherwise: substring matches then read the whole table). Both cover the public cases only:
    the public site's searches find their few matches in them directly (an index of every case
    made the planner intersect it with all public rows); a signed-in user's search of other cases
    reads the table, as before these indexes."""
    statements = [
        "DROP INDEX IF EXISTS case_search_vector_idx",
        "DROP INDEX IF EXISTS case_search_trgm_idx",
        f"CREATE INDEX IF NOT EXISTS case_public_search_vector_idx ON {CASES} USING gin (search_vector) "
        "WHERE is_public",
    ]
    if "pg_trgm" in available:
        statements.append(
            f"CREATE INDEX IF NOT EXISTS case_public_search_trgm_idx ON {CASES} "
            "USING gin (search_document gin_trgm_ops) WHERE is_public"
        )
    return statements


def _sqlite() -> tuple[list[str], list[str]]:
    year_width, code_width, id_width = SORT_KEY_WIDTHS
    year = f"(SELECT year FROM {CYCLES} WHERE id = NEW.cycle_id)"
    derive = f"""
    UPDATE {CASES} SET
        cycle_year = {year},
        region_code = (SELECT COALESCE(parent.code, gov.code) FROM {GOVERNMENTS} gov
                       LEFT JOIN {GOVERNMENTS} parent ON parent.id = gov.parent_id WHERE gov.id = NEW.government_id),
        is_public = (NEW.state = 'awarded' AND (SELECT state FROM {CYCLES} WHERE id = NEW.cycle_id) = 'published'),
        sort_key = printf('%0{year_width}d%-{code_width}s%0{id_width}d', {YEAR_TOP} - {year},
                          (SELECT code FROM {GOVERNMENTS} WHERE id = NEW.government_id), NEW.id)
    WHERE id = NEW.id;
    """
    derived_changed = " OR ".join(
        f"NEW.{column} IS NOT OLD.{column}"
        for column in ("cycle_id", "government_id", "state", "cycle_year", "region_code", "is_public", "sort_key")
    )
    statements = [
        "DROP TRIGGER IF EXISTS cases_case_derive_insert",
        f"CREATE TRIGGER cases_case_derive_insert AFTER INSERT ON {CASES} BEGIN {derive} END",
        "DROP TRIGGER IF EXISTS cases_case_derive_update",
        f"CREATE TRIGGER cases_case_derive_update AFTER UPDATE ON {CASES} WHEN {derived_changed} BEGIN {derive} END",
        "DROP TRIGGER IF EXISTS cases_cycle_derive",
        f"CREATE TRIGGER cases_cycle_derive AFTER UPDATE ON {CYCLES} "
        "WHEN NEW.year IS NOT OLD.year OR NEW.state IS NOT OLD.state BEGIN "
        f"UPDATE {CASES} SET cycle_year = NEW.year, is_public = (state = 'awarded' AND NEW.state = 'published') "
        "WHERE cycle_id = NEW.id; END",
        "DROP TRIGGER IF EXISTS cases_government_derive",
        f"CREATE TRIGGER cases_government_derive AFTER UPDATE ON {GOVERNMENTS} "
        "WHEN NEW.code IS NOT OLD.code OR NEW.parent_id IS NOT OLD.parent_id BEGIN "
        f"UPDATE {CASES} SET sort_key = '~' WHERE government_id = NEW.id "
        f"OR government_id IN (SELECT id FROM {GOVERNMENTS} WHERE parent_id = NEW.id); END",
    ]
    return statements, [
        "cases_case_derive_insert",
        "cases_case_derive_update",
        "cases_cycle_derive",
        "cases_government_derive",
    ]


def statements(connection) -> tuple[list[str], list[str]]:
    if connection.vendor == "postgresql":
        return _postgresql(extensions(connection))
    return _sqlite()


def install(connection=None) -> bool:
    """Install the triggers; when they were new or changed, recompute the columns of every case."""
    connection = connection or default_connection
    if connection.vendor not in ("postgresql", "sqlite"):
        return False
    install_search_functions(connection)
    sql, triggers = statements(connection)
    changed = dbcode.ensure(NAME, sql, triggers=triggers, connection=connection)
    if connection.vendor == "postgresql":
        dbcode.ensure(SEARCH_INDEXES_NAME, search_indexes(extensions(connection)), connection=connection)
    if not changed:
        return False
    # Until every case is recomputed, the next migrate starts again (an interrupted run leaves none
    # behind with the old code's values).
    dbcode.forget(NAME, connection)
    recompute_all(connection)
    dbcode.ensure(NAME, sql, triggers=triggers, connection=connection)
    return True


# Cases recomputed per statement: each batch commits on its own, so writers wait for one batch at
# most, and the statement triggers' transition tables stay small (one statement over a million
# cases ran for more than 30 minutes, mostly joining a million old rows to a million new ones).
RECOMPUTE_BATCH = 5000


def recompute_all(connection=None, *, batch: int = RECOMPUTE_BATCH) -> int:
    """Run the derive trigger on every case again, ``batch`` ids a statement; returns the statements."""
    connection = connection or default_connection
    # A change the trigger repairs: on PostgreSQL a missing search vector, on SQLite a wrong sort key.
    touch = "search_vector = NULL" if connection.vendor == "postgresql" else "sort_key = '~'"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT min(id), max(id) FROM {CASES}")
        first, last = cursor.fetchone()
        if first is None:
            return 0
        batches = 0
        for start in range(first, last + 1, batch):
            cursor.execute(f"UPDATE {CASES} SET {touch} WHERE id >= %s AND id < %s", [start, start + batch])
            batches += 1
    return batches


SEARCH_FUNCTIONS = "cases.search_functions"


def install_search_functions(connection=None) -> None:
    """``cases_unaccent(text)``: unaccent declared IMMUTABLE (its dictionary does not change under a
    running site), so that a search's ``to_tsquery(…)`` and ``LIKE`` pattern are folded into
    constants when the query is planned instead of being computed again for every row."""
    connection = connection or default_connection
    if connection.vendor != "postgresql" or "unaccent" not in extensions(connection):
        return
    dbcode.ensure(
        SEARCH_FUNCTIONS,
        [
            "CREATE OR REPLACE FUNCTION cases_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT "
            "PARALLEL SAFE AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$"
        ],
        connection=connection,
    )


def uninstall(connection=None) -> None:
    """Drop the triggers (before a migration removes the columns they write)."""
    connection = connection or default_connection
    if connection.vendor not in ("postgresql", "sqlite"):
        return
    sql, _triggers = statements(connection)
    with connection.cursor() as cursor:
        for statement in sql:
            if statement.startswith("DROP TRIGGER"):
                cursor.execute(statement)
    dbcode.forget(NAME, connection)
