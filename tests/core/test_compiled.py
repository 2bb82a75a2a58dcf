"""``IdsRead``: a values() read of some ids, compiled once per process on PostgreSQL, gives exactly
the rows the same queryset gives with ``__in`` — converters included (a JSON field comes back
parsed) — for any number of ids; elsewhere the queryset runs as it is."""

import pytest
from django.db import connection

from cases.models import CaseEvent
from core.compiled import IdsRead, rows_together
from tests.cases.factories import CaseFactory
from tests.querycount import assert_database_query_count

pytestmark = pytest.mark.django_db

COLUMNS = ("case_id", "id", "kind", "at", "changes", "case__title")


def _events(where):
    return CaseEvent.objects.filter(where).values(*COLUMNS).order_by("case_id", "id")


@pytest.fixture
def cases():
    first, second, third = CaseFactory(), CaseFactory(), CaseFactory()
    for case, changes in ((first, {"title": ["old", "new"]}), (first, {}), (second, {"n": [1, 2.5, None]})):
        CaseEvent.objects.create(case=case, kind=CaseEvent.Kind.UPDATED, changes=changes)
    return first, second, third


def test_rows_are_the_querysets_rows_for_any_ids(cases):
    first, second, third = cases
    read = IdsRead(CaseEvent, "case", _events)
    for ids in ([first.pk], [first.pk, second.pk], [second.pk, third.pk, first.pk], [third.pk], [], [10**9]):
        expected = list(CaseEvent.objects.filter(case_id__in=ids).values(*COLUMNS).order_by("case_id", "id"))
        assert read.rows(ids) == expected, ids
    assert [row["changes"] for row in read.rows([second.pk])][-1] == {"n": [1, 2.5, None]}


def test_the_queryset_is_built_once_on_postgresql_and_each_time_elsewhere(cases):
    built = []

    def build(where):
        built.append(where)
        return _events(where)

    read = IdsRead(CaseEvent, "case", build)
    for ids in ([cases[0].pk], [cases[1].pk], [cases[0].pk, cases[1].pk]):
        with assert_database_query_count(1):
            read.rows(ids)
    assert len(built) == (1 if connection.vendor == "postgresql" else 3)


def test_a_read_matches_the_ids_against_the_named_column(cases):
    first, second, _third = cases
    by_id = IdsRead(CaseEvent, "id", _events)
    event = CaseEvent.objects.filter(case=second).get()
    assert [row["id"] for row in by_id.rows([event.pk])] == [event.pk]
    assert by_id.rows([first.pk]) == list(_events_with_id(first.pk))


def _events_with_id(pk):
    return CaseEvent.objects.filter(id=pk).values(*COLUMNS).order_by("case_id", "id")


def test_reads_together_are_one_round_trip_on_postgresql_with_each_read_s_own_rows(cases):
    first, second, third = cases
    events = IdsRead(CaseEvent, "case", _events)
    by_id = IdsRead(CaseEvent, "id", _events)
    event = CaseEvent.objects.filter(case=second).get()
    expected = [read.rows(ids) for read, ids in ((events, [first.pk, third.pk]), (by_id, [event.pk]), (events, []))]
    # Elsewhere one query a read, and none for no ids (Django knows that matches nothing).
    with assert_database_query_count(1 if connection.vendor == "postgresql" else 2):
        found = rows_together([(events, [first.pk, third.pk]), (by_id, [event.pk]), (events, [])])
    assert found == expected
    assert [len(rows) for rows in found] == [2, 1, 0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statements together on PostgreSQL only")
def test_with_server_side_binding_the_reads_go_one_at_a_time(cases, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", {"server_side_binding": True})
    read = IdsRead(CaseEvent, "case", _events)
    with assert_database_query_count(2):
        found = rows_together([(read, [cases[0].pk]), (read, [cases[1].pk])])
    assert [len(rows) for rows in found] == [2, 1]
