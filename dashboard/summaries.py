"""The triggers that keep ``dashboard.models.Summary`` and ``CaseFeedbackSummary`` exact, the
from-scratch rebuild, and the revision counter's triggers (PostgreSQL).

Every trigger is statement-level with transition tables, so a bulk insert of 5,000 rows costs one
grouped ``INSERT … SELECT``, not 5,000. The delta of a statement is computed against the data as it
is after the statement (a child row is counted under its case's current cycle, state and ICT; a
case that changes those moves its children's counts along), so after every statement the summaries
equal a from-scratch aggregation of the cases in a submitted state.

SQLite (the embedded development database) has no statement-level triggers: there the dashboard
keeps computing the statistics live (``summaries_enabled`` is False), as it did before."""

from __future__ import annotations

from django.db import connection as default_connection
from django.db import transaction

from cases.derived import STALE_JARGON
from cases.models import SUBMITTED_STATES
from core import dbcode
from core.revisions import TABLE as REVISION_TABLE
from core.revisions import bump_sql

NAME = "dashboard.summaries"
SUMMARY = "dashboard_summary"
CASE_FEEDBACK = "dashboard_casefeedbacksummary"
CASES = "cases_innovationcase"
OBSTACLES = "cases_caseobstacle"
REMEDIES = "cases_caseremedy"
OUTCOMES = "cases_outcome"
FEEDBACK = "cases_citizenfeedback"
MERGE_LOCK = 7_301_002
KEY = ("kind", "cycle_id", "state", "uses_ict", "tier", "purpose_id", "participation", "item")
KEY_COLUMNS = ", ".join(KEY)
SUBMITTED = "(" + ", ".join(f"'{state}'" for state in SUBMITTED_STATES) + ")"
# Tables whose writes change what a cached statistics or list response shows.
REVISED_TABLES = (
    CASES,
    OBSTACLES,
    REMEDIES,
    OUTCOMES,
    FEEDBACK,
    "cases_attachment",
    "cases_innovationcase_participant_kinds",
    "cases_awardcycle",
    "cases_purpose",
    "cases_obstacletype",
    "cases_remedytype",
    "cases_participantkind",
    "cases_servicearea",
    "cases_outcomekind",
    "cases_jargonterm",
    "governments_localgovernment",
    "reviews_awarddecision",
    "afterward_followupreport",
    "afterward_adoption",
)
# (kind, child table, item expression, extra condition on the child row)
CHILDREN = (
    ("obstacle", OBSTACLES, "x.obstacle_type_id::text", "true"),
    ("remedy", REMEDIES, "x.remedy_type_id::text", "true"),
    ("outcome", OUTCOMES, "x.verification", "true"),
    ("feedback", FEEDBACK, "x.felt", "x.moderation <> 'rejected'"),
)
# Cases by service area (0: none) and by use of jargon: kinds of their own, not dimensions of the
# case rows, so that the summary stays a few thousand rows (every dimension multiplies them).
# (kind, item expression on the case row ``c``)
CASE_ITEMS = (
    ("area", "COALESCE(c.service_area_id, 0)::text"),
    ("jargon", "c.uses_jargon::text"),
)
# Cases claiming at least one outcome of a kind (a case counts once per kind, however many outcomes
# of the kind it has): kind, item expression.
CLAIMED = "claimed"
CLAIMED_ITEM = "x.kind_id::text"
CHILD_KEYS = {
    "obstacle": ("case_id", "obstacle_type_id"),
    "remedy": ("case_id", "remedy_type_id"),
    "outcome": ("case_id", "verification"),
    "feedback": ("case_id", "felt", "moderation"),
}


def summaries_enabled(connection=None) -> bool:
    return (connection or default_connection).vendor == "postgresql"


def _apply(delta: str) -> str:
    """Add the rows of ``delta`` (KEY columns, n, population) to the summary: merged with the stored
    rows of the same keys when this transaction may merge, appended otherwise."""
    match = " AND ".join(f"s.{column} = t.{column}" for column in KEY)
    returning = ", ".join(f"s.{column}" for column in KEY)
    return f"""
    IF pg_try_advisory_xact_lock({MERGE_LOCK}) THEN
        WITH delta AS ({delta}),
             touched AS (SELECT DISTINCT {KEY_COLUMNS} FROM delta),
             merged AS (DELETE FROM {SUMMARY} s USING touched t WHERE {match}
                        RETURNING {returning}, s.n, s.population)
        INSERT INTO {SUMMARY} ({KEY_COLUMNS}, n, population)
        SELECT {KEY_COLUMNS}, sum(n), sum(population)
          FROM (SELECT * FROM delta UNION ALL SELECT * FROM merged) rows
         GROUP BY {KEY_COLUMNS} HAVING sum(n) <> 0 OR sum(population) <> 0;
    ELSE
        INSERT INTO {SUMMARY} ({KEY_COLUMNS}, n, population)
        SELECT {KEY_COLUMNS}, sum(n), sum(population) FROM ({delta}) rows
         GROUP BY {KEY_COLUMNS} HAVING sum(n) <> 0 OR sum(population) <> 0;
    END IF;
    """


def _case_rows(alias: str, sign: str) -> str:
    return (
        f"SELECT 'case'::varchar AS kind, {alias}.cycle_id, {alias}.state, {alias}.uses_ict, {alias}.tier, "
        f"COALESCE({alias}.purpose_id, 0) AS purpose_id, {alias}.participation_level AS participation, "
        f"''::varchar AS item, {sign}1::bigint AS n, {sign}COALESCE({alias}.population, 0)::bigint AS population"
    )


def _child_rows(kind: str, item: str, case_alias: str, sign: str) -> str:
    return (
        f"SELECT '{kind}'::varchar AS kind, {case_alias}.cycle_id, {case_alias}.state, {case_alias}.uses_ict, "
        f"''::varchar AS tier, 0::bigint AS purpose_id, ''::varchar AS participation, ({item})::varchar AS item, "
        f"{sign}1::bigint AS n, 0::bigint AS population"
    )


def _feedback_apply(rows: str) -> str:
    """Add ``rows`` (case_id, felt, d) to the per-case answer counts (one row per case: the most
    answered cases are read in order from an index)."""
    return f"""
    INSERT INTO {CASE_FEEDBACK} AS f (case_id, responses, yes, no, not_sure, sort_key)
    SELECT a.case_id, sum(d), COALESCE(sum(d) FILTER (WHERE felt = 'yes'), 0),
           COALESCE(sum(d) FILTER (WHERE felt = 'no'), 0), COALESCE(sum(d) FILTER (WHERE felt = 'not_sure'), 0),
           c.sort_key
      FROM ({rows}) a JOIN {CASES} c ON c.id = a.case_id GROUP BY a.case_id, c.sort_key ORDER BY a.case_id
    ON CONFLICT (case_id) DO UPDATE SET responses = f.responses + EXCLUDED.responses,
        yes = f.yes + EXCLUDED.yes, no = f.no + EXCLUDED.no, not_sure = f.not_sure + EXCLUDED.not_sure,
        sort_key = EXCLUDED.sort_key;
    DELETE FROM {CASE_FEEDBACK} WHERE responses = 0 AND case_id IN (SELECT case_id FROM ({rows}) answers);
    """


def _function(name: str, body: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{body}
    RETURN NULL;
END $$;
"""


def _trigger(name: str, table: str, event: str, function: str) -> list[str]:
    referencing = {
        "INSERT": "REFERENCING NEW TABLE AS new_rows",
        "DELETE": "REFERENCING OLD TABLE AS old_rows",
        "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} AFTER {event} ON {table} {referencing} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
    ]


def _case_functions() -> list[tuple[str, str, str]]:
    """(function name, event, body) for the cases table."""

    def rows(alias: str, sign: str, source: str, where: str) -> str:
        """The case rows and the area and jargon rows of the cases of ``source``."""
        parts = [f"{_case_rows(alias, sign)} FROM {source} WHERE {where}"]
        for kind, item in CASE_ITEMS:
            expression = item.replace("c.", f"{alias}.")
            parts.append(f"{_child_rows(kind, expression, alias, sign)} FROM {source} WHERE {where}")
        return " UNION ALL ".join(parts)

    insert = _apply(rows("n", "+", "new_rows n", f"n.state IN {SUBMITTED}"))
    delete = _apply(rows("o", "-", "old_rows o", f"o.state IN {SUBMITTED}")) + (
        f"    DELETE FROM {CASE_FEEDBACK} WHERE case_id IN (SELECT id FROM old_rows);\n"
    )
    case_key = (
        "cycle_id, state, uses_ict, tier, purpose_id, service_area_id, participation_level, uses_jargon, population"
    )
    moved_key = "cycle_id, state, uses_ict"

    def distinct(key: str) -> str:
        columns = [column.strip() for column in key.split(",")]
        return f"({', '.join('o.' + c for c in columns)}) IS DISTINCT FROM ({', '.join('n.' + c for c in columns)})"

    pairs = "old_rows o JOIN new_rows n ON n.id = o.id"
    # Every kind of the case's own rows, whichever column changed: unchanged keys add up to nothing.
    parts = [
        rows("o", "-", pairs, f"o.state IN {SUBMITTED} AND {distinct(case_key)}"),
        rows("n", "+", pairs, f"n.state IN {SUBMITTED} AND {distinct(case_key)}"),
    ]
    for kind, table, item, condition in CHILDREN:
        for alias, sign in (("o", "-"), ("n", "+")):
            parts.append(
                f"{_child_rows(kind, item, alias, sign)} FROM {pairs} JOIN {table} x ON x.case_id = o.id "
                f"WHERE {alias}.state IN {SUBMITTED} AND {condition} AND {distinct(moved_key)}"
            )
    # The kinds a moved case claims, once each (not once per outcome).
    claimed = (
        f"LATERAL (SELECT DISTINCT kind_id FROM {OUTCOMES} WHERE case_id = o.id AND kind_id IS NOT NULL) x ON true"
    )
    for alias, sign in (("o", "-"), ("n", "+")):
        parts.append(
            f"{_child_rows(CLAIMED, CLAIMED_ITEM, alias, sign)} FROM {pairs} JOIN {claimed} "
            f"WHERE {alias}.state IN {SUBMITTED} AND {distinct(moved_key)}"
        )
    # A set difference (hashed), not a join: EXISTS over a join of the two transition tables was
    # planned as a nested loop, which compares every pair when no key changed — 25 million pairs for
    # 5,000 cases (12 s), billions when publishing a cycle of 90,000.
    changed_keys = f"SELECT id, {case_key} FROM new_rows EXCEPT SELECT id, {case_key} FROM old_rows"
    update = f"""
    IF EXISTS ({changed_keys}) THEN
{_apply(" UNION ALL ".join(parts))}
    END IF;
    UPDATE {CASE_FEEDBACK} f SET sort_key = n.sort_key FROM {pairs}
     WHERE f.case_id = n.id AND n.sort_key IS DISTINCT FROM o.sort_key;
"""
    return [
        ("dashboard_case_insert", "INSERT", insert),
        ("dashboard_case_update", "UPDATE", update),
        ("dashboard_case_delete", "DELETE", delete),
    ]


def _child_functions(kind: str, table: str, item: str, condition: str) -> list[tuple[str, str, str]]:
    join = f"JOIN {CASES} c ON c.id = x.case_id WHERE c.state IN {SUBMITTED} AND {condition}"
    insert = _apply(f"{_child_rows(kind, item, 'c', '+')} FROM new_rows x {join}")
    delete = _apply(f"{_child_rows(kind, item, 'c', '-')} FROM old_rows x {join}")
    key = CHILD_KEYS[kind]
    changed = f"({', '.join('o.' + c for c in key)}) IS DISTINCT FROM ({', '.join('n.' + c for c in key)})"
    pairs = f"old_rows o JOIN new_rows n ON n.id = o.id WHERE {changed}"
    update = _apply(
        f"{_child_rows(kind, item, 'c', '-')} FROM (SELECT o.* FROM {pairs}) x {join} UNION ALL "
        f"{_child_rows(kind, item, 'c', '+')} FROM (SELECT n.* FROM {pairs}) x {join}"
    )
    if kind == "feedback":
        counted = "moderation <> 'rejected'"
        insert += _feedback_apply(f"SELECT case_id, felt, 1 AS d FROM new_rows WHERE {counted}")
        delete += _feedback_apply(f"SELECT case_id, felt, -1 AS d FROM old_rows WHERE {counted}")
        update += _feedback_apply(
            f"SELECT o.case_id, o.felt, -1 AS d FROM {pairs} AND o.{counted} UNION ALL "
            f"SELECT n.case_id, n.felt, 1 AS d FROM {pairs} AND n.{counted}"
        )
    return [
        (f"dashboard_{kind}_insert", "INSERT", insert),
        (f"dashboard_{kind}_update", "UPDATE", update),
        (f"dashboard_{kind}_delete", "DELETE", delete),
    ]


def _claim_functions() -> list[tuple[str, str, str]]:
    """The outcome triggers for the claimed kinds. For each (case, kind) the statement touched: the
    case claims it after the statement when an outcome of the kind is there now, and claimed it before
    when one was there without the statement's new rows and with its old ones; the count moves by the
    difference."""

    def body(old: bool, new: bool) -> str:
        rows = []
        if old:
            rows.append("SELECT case_id, kind_id, -1 AS added FROM old_rows WHERE kind_id IS NOT NULL")
        if new:
            rows.append("SELECT case_id, kind_id, 1 AS added FROM new_rows WHERE kind_id IS NOT NULL")
        touched = f"SELECT case_id, kind_id, sum(added) AS added FROM ({' UNION ALL '.join(rows)}) r GROUP BY 1, 2"
        now = (
            f"LATERAL (SELECT count(*) AS now FROM {OUTCOMES} y WHERE y.case_id = x.case_id "
            "AND y.kind_id = x.kind_id) k ON true"
        )
        claims = (
            f"SELECT '{CLAIMED}'::varchar AS kind, c.cycle_id, c.state, c.uses_ict, ''::varchar AS tier, "
            "0::bigint AS purpose_id, ''::varchar AS participation, "
            f"({CLAIMED_ITEM})::varchar AS item, "
            "(CASE WHEN k.now > 0 THEN 1 ELSE -1 END)::bigint AS n, "
            f"0::bigint AS population FROM ({touched}) x JOIN {CASES} c ON c.id = x.case_id JOIN {now} "
            f"WHERE c.state IN {SUBMITTED} AND (k.now > 0) <> (k.now - x.added > 0)"
        )
        return _apply(claims)

    return [
        ("dashboard_claimed_insert", "INSERT", body(old=False, new=True)),
        ("dashboard_claimed_update", "UPDATE", body(old=True, new=True)),
        ("dashboard_claimed_delete", "DELETE", body(old=True, new=False)),
    ]


def statements() -> tuple[list[str], list[str]]:
    sql: list[str] = []
    triggers: list[str] = []
    tables = {CASES: _case_functions()}
    for kind, table, item, condition in CHILDREN:
        tables[table] = _child_functions(kind, table, item, condition)
    tables[OUTCOMES] = [*tables[OUTCOMES], *_claim_functions()]
    for table, functions in tables.items():
        for name, event, body in functions:
            sql.append(_function(name, body))
            sql.extend(_trigger(name, table, event, name))
            triggers.append(name)
    sql.append(_function("core_revision_bump", bump_sql()))
    for table in REVISED_TABLES:
        name = f"revision_{table}"[:63]
        sql.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        sql.append(
            f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION core_revision_bump()"
        )
        triggers.append(name)
    return sql, triggers


# --- from scratch -----------------------------------------------------------------------------


def _scratch_queries() -> list[str]:
    """SELECTs giving the summary rows (KEY columns, n, population) of the data as it is now."""
    queries = [
        f"SELECT 'case', cycle_id, state, uses_ict, tier, COALESCE(purpose_id, 0), participation_level, '', "
        f"count(*), COALESCE(sum(population), 0) FROM {CASES} WHERE state IN {SUBMITTED} "
        "GROUP BY cycle_id, state, uses_ict, tier, COALESCE(purpose_id, 0), participation_level"
    ]
    for kind, item in CASE_ITEMS:
        item = item.replace("c.", "")
        queries.append(
            f"SELECT '{kind}', cycle_id, state, uses_ict, '', 0, '', ({item})::varchar, count(*), 0 FROM {CASES} "
            f"WHERE state IN {SUBMITTED} GROUP BY cycle_id, state, uses_ict, ({item})::varchar"
        )
    for kind, table, item, condition in CHILDREN:
        queries.append(
            f"SELECT '{kind}', c.cycle_id, c.state, c.uses_ict, '', 0, '', ({item})::varchar, count(*), 0 "
            f"FROM {table} x JOIN {CASES} c ON c.id = x.case_id WHERE c.state IN {SUBMITTED} AND {condition} "
            f"GROUP BY c.cycle_id, c.state, c.uses_ict, ({item})::varchar"
        )
    queries.append(
        f"SELECT '{CLAIMED}', c.cycle_id, c.state, c.uses_ict, '', 0, '', ({CLAIMED_ITEM})::varchar, "
        f"count(DISTINCT x.case_id), 0 FROM {OUTCOMES} x JOIN {CASES} c ON c.id = x.case_id "
        f"WHERE c.state IN {SUBMITTED} AND x.kind_id IS NOT NULL "
        f"GROUP BY c.cycle_id, c.state, c.uses_ict, ({CLAIMED_ITEM})::varchar"
    )
    return queries


FEEDBACK_COLUMNS = "case_id, responses, yes, no, not_sure, sort_key"
SCRATCH_CASE_FEEDBACK = (
    "SELECT x.case_id, count(*), count(*) FILTER (WHERE felt = 'yes'), count(*) FILTER (WHERE felt = 'no'), "
    f"count(*) FILTER (WHERE felt = 'not_sure'), c.sort_key FROM {FEEDBACK} x JOIN {CASES} c ON c.id = x.case_id "
    "WHERE x.moderation <> 'rejected' GROUP BY x.case_id, c.sort_key"
)


def scratch_rows(connection=None) -> tuple[set[tuple], set[tuple]]:
    """What the summaries must hold, computed from the cases now: (summary rows, per-case rows)."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(_scratch_queries()))
        summary = {tuple(row) for row in cursor.fetchall()}
        cursor.execute(SCRATCH_CASE_FEEDBACK)
        feedback = {tuple(row) for row in cursor.fetchall()}
    return summary, feedback


def maintained_rows(connection=None) -> tuple[set[tuple], set[tuple]]:
    """What the summaries hold (rows of one key added up, keys that add up to nothing left out)."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {KEY_COLUMNS}, sum(n), sum(population) FROM {SUMMARY} GROUP BY {KEY_COLUMNS} "
            "HAVING sum(n) <> 0 OR sum(population) <> 0"
        )
        summary = {tuple(row) for row in cursor.fetchall()}
        cursor.execute(f"SELECT {FEEDBACK_COLUMNS} FROM {CASE_FEEDBACK}")
        feedback = {tuple(row) for row in cursor.fetchall()}
    return summary, feedback


def stale_jargon_flags(connection=None) -> int:
    """How many cases' ``uses_jargon`` differ from what the glossary says now (0 while the triggers run)."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({STALE_JARGON}) stale")
        return cursor.fetchone()[0]


def rebuild(connection=None) -> tuple[int, int]:
    """Recompute both summaries from the cases (writers wait meanwhile; readers do not)."""
    connection = connection or default_connection
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {CASES}, {OBSTACLES}, {REMEDIES}, {OUTCOMES}, {FEEDBACK} IN SHARE MODE")
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [MERGE_LOCK])
        # Flags gone stale (triggers off during a restore): touched, the case trigger recomputes them.
        cursor.execute(f"UPDATE {CASES} SET uses_jargon = NOT uses_jargon WHERE id IN ({STALE_JARGON})")
        cursor.execute(f"DELETE FROM {SUMMARY}")
        cursor.execute(f"DELETE FROM {CASE_FEEDBACK}")
        cursor.execute(
            f"INSERT INTO {SUMMARY} ({KEY_COLUMNS}, n, population) " + " UNION ALL ".join(_scratch_queries())
        )
        summary = cursor.rowcount
        cursor.execute(f"INSERT INTO {CASE_FEEDBACK} ({FEEDBACK_COLUMNS}) {SCRATCH_CASE_FEEDBACK}")
        feedback = cursor.rowcount
        cursor.execute(f"INSERT INTO {REVISION_TABLE} (n) VALUES (1)")
    return summary, feedback


def install(connection=None) -> bool:
    """Install the triggers (after every ``migrate``); rebuild the summaries when they were new or changed."""
    connection = connection or default_connection
    if not summaries_enabled(connection):
        return False
    sql, triggers = statements()
    if not dbcode.ensure(NAME, sql, triggers=triggers, connection=connection):
        return False
    rebuild(connection)
    return True


def uninstall(connection=None) -> None:
    """Drop the triggers (before a migration removes the tables they write)."""
    connection = connection or default_connection
    if not summaries_enabled(connection):
        return
    sql, _triggers = statements()
    with connection.cursor() as cursor:
        for statement in sql:
            if statement.startswith("DROP TRIGGER"):
                cursor.execute(statement)
    dbcode.forget(NAME, connection)
